/** The provider simulator's page: plain HTML and one script (the CSP allows no inline script). */
export const SIMULATOR_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard provider simulator</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2430; }
  main { max-width: 640px; margin: 2rem auto; background: #fff; border-radius: 8px; padding: 1.5rem; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.3rem; margin: 0 0 .25rem; }
  p.lead { margin: 0 0 1rem; color: #4a5568; }
  fieldset { border: 0; padding: 0; margin: 0 0 1rem; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .75rem; }
  label { display: grid; gap: .25rem; font-weight: 600; font-size: .85rem; }
  input, select, textarea { font: inherit; padding: .45rem .5rem; border: 1px solid #b8c0cc; border-radius: 6px; }
  fieldset input, fieldset select { width: 100%; min-width: 0; box-sizing: border-box; }
  ol { list-style: none; padding: .75rem; margin: 0 0 1rem; min-height: 12rem; max-height: 24rem; overflow: auto; background: #eef1f5; border-radius: 6px; }
  li { margin: .4rem 0; max-width: 80%; padding: .45rem .65rem; border-radius: 10px; }
  li.in { background: #dcf8c6; margin-left: auto; }
  li.out { background: #fff; }
  li small { display: block; color: #5a6473; font-size: .75rem; }
  form.compose { display: grid; grid-template-columns: 1fr auto; gap: .5rem; }
  button { font: inherit; padding: .5rem 1rem; border: 0; border-radius: 6px; background: #1a5fd0; color: #fff; cursor: pointer; }
  #error { color: #b3261e; min-height: 1.2em; }
</style>
</head>
<body>
<main>
  <h1>Provider simulator</h1>
  <p class="lead">Play a customer writing on WhatsApp, SMS or Messenger. Messages go to Switchboard as the providers' real, signed webhooks; the agent's replies appear here with their delivery and read receipts.</p>
  <fieldset>
    <label>Channel <select id="entry"></select></label>
    <label>Customer name <input id="name" value="Melissa Jones" autocomplete="off"></label>
    <label>Customer address <input id="identity" autocomplete="off"></label>
  </fieldset>
  <p><label style="display:inline-flex;gap:.4rem;align-items:center"><input type="checkbox" id="receipts" checked> Send read receipts (WhatsApp, Messenger) when the business's messages are shown</label></p>
  <ol id="thread" role="log" aria-label="Conversation with the business"></ol>
  <form class="compose" id="compose">
    <label>Message <textarea id="text" rows="2"></textarea></label>
    <button type="submit">Send</button>
    <label style="display:inline-flex;gap:.4rem;align-items:center;grid-column:1/-1"><input type="checkbox" id="photo"> Attach a photo (a sample picture of a damaged parcel; the message is its caption)</label>
  </form>
  <p id="error" role="alert"></p>
</main>
<script src="/simulator/app.js"></script>
</body>
</html>`;

export const SIMULATOR_SCRIPT = `(() => {
  const DEFAULTS = { whatsapp: '+447966197542', sms: '+46731234567', messenger: '7215000000000001' };
  const LABELS = { whatsapp: 'WhatsApp', sms: 'SMS', messenger: 'Messenger' };
  const STATUS = { accepted: 'Sent', delivered: 'Delivered', read: 'Read' };
  const $ = (id) => document.getElementById(id);
  let entries = [];
  const current = () => entries.find((e) => e.id === $('entry').value);
  const render = (thread) => {
    const list = $('thread');
    list.replaceChildren(...thread.map((line) => {
      const li = document.createElement('li');
      li.className = line.direction;
      li.textContent = line.text;
      if (line.media) {
        // What the customer's phone shows: the file the business sent, fetched from its link.
        const link = document.createElement('a');
        link.href = line.media;
        link.target = '_blank';
        link.rel = 'noopener';
        link.textContent = ' Open the file';
        li.append(link);
      }
      const meta = document.createElement('small');
      meta.textContent = line.direction === 'in' ? 'You' : 'Business' + (line.status ? ' · ' + STATUS[line.status] : '');
      li.append(meta);
      return li;
    }));
  };
  const refresh = async () => {
    const entry = current();
    const query = entry ? '?entryPointId=' + entry.id + '&identity=' + encodeURIComponent($('identity').value) + ($('receipts').checked ? '&read=1' : '') : '';
    const answer = await fetch('/simulator/api/state' + query);
    if (!answer.ok) return;
    const state = await answer.json();
    if (entries.length === 0 && state.entryPoints.length > 0) {
      entries = state.entryPoints;
      $('entry').replaceChildren(...entries.map((e) => new Option(LABELS[e.channel] + ' · ' + e.address, e.id)));
      const wanted = new URLSearchParams(location.search).get('channel');
      const match = entries.find((e) => e.channel === wanted);
      if (match) $('entry').value = match.id;
      $('identity').value = DEFAULTS[current().channel];
    }
    render(state.thread);
  };
  $('entry').addEventListener('change', () => { $('identity').value = DEFAULTS[current().channel]; refresh(); });
  $('identity').addEventListener('change', refresh);
  $('receipts').addEventListener('change', refresh);
  $('compose').addEventListener('submit', async (event) => {
    event.preventDefault();
    const entry = current();
    if (!entry) return;
    $('error').textContent = '';
    const answer = await fetch('/simulator/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entryPointId: entry.id, identity: $('identity').value, name: $('name').value, text: $('text').value, photo: $('photo').checked }),
    });
    if (answer.ok) { $('text').value = ''; $('photo').checked = false; } else { $('error').textContent = 'Not sent: ' + ((await answer.json()).message || answer.status); }
    refresh();
  });
  $('text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('compose').requestSubmit(); }
  });
  refresh();
  setInterval(refresh, 700);
})();`;
