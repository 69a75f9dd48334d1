import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, endAndWrapUp, loginAgent, logout, newActor, setState } from './fixtures';

/**
 * WhatsApp, SMS and Messenger through the provider simulator (/simulator), which sends the
 * providers' real signed webhooks and receives the agent's replies on their send APIs.
 */
test.describe.configure({ mode: 'serial' });

const openSimulator = async (page: Page, channel: string, name: string, identity: string) => {
  await page.goto(`/simulator?channel=${channel}`);
  // The simulator falls back to another channel when this one's asset is gone: say so here.
  await expect(page.getByLabel('Channel').locator('option:checked')).toHaveText(
    new RegExp(`^${{ whatsapp: 'WhatsApp', sms: 'SMS', messenger: 'Messenger' }[channel]} `),
  );
  await page.getByLabel('Customer name').fill(name);
  await page.getByLabel('Customer address').fill(identity);
  await page.getByLabel('Customer address').dispatchEvent('change');
  return page;
};

const write = async (simulator: Page, text: string) => {
  await simulator.getByRole('textbox', { name: 'Message' }).fill(text);
  await simulator.getByRole('button', { name: 'Send' }).click();
  await expect(simulator.getByRole('log').getByText(text)).toBeVisible();
};

const cases = [
  {
    channel: 'whatsapp',
    name: 'Melissa Jones',
    identity: '+447966197542',
    text: 'Hallo, mein Paket ist nicht angekommen',
    popover: /Contact request from Melissa Jones/,
    fields: ['+447966197542', '+15550001111', 'Support'],
    tab: /Melissa Jones/,
    reply: 'Guten Tag, ich prüfe das sofort.',
    read: true,
  },
  {
    channel: 'sms',
    name: 'Sven',
    identity: '+46731234567',
    text: 'Hej, var är mitt paket?',
    popover: /Contact request from \+46731234567/,
    fields: ['+46731234567', '+46700000000', 'Support'],
    tab: /\+46731234567/,
    reply: 'Hej! Jag kollar direkt.',
    read: false,
  },
  {
    channel: 'messenger',
    name: 'Lucía',
    identity: '7215000000000001',
    text: 'Hola, ¿dónde está mi pedido?',
    // Messenger's webhooks carry no name: the server reads it from the (simulated) User Profile API.
    popover: /Contact request from Lucía/,
    fields: ['Switchboard Demo Shop', 'Support'],
    tab: /Lucía/,
    reply: 'Hola, lo reviso ahora mismo.',
    read: true,
  },
] as const;

for (const c of cases) {
  test(`${c.channel}: a simulated customer reaches the agent, the reply reaches the provider, receipts mark the bubble`, async ({
    browser,
  }) => {
    const agent = await newActor(browser);
    const customer = await newActor(browser);
    await loginAgent(agent.page, 'alice@example.com');
    await setState(agent.page, 'Available');

    const simulator = await openSimulator(customer.page, c.channel, c.name, c.identity);
    // Read receipts held back until the bubble has shown Delivered.
    await simulator.getByLabel(/Send read receipts/).uncheck();
    await write(simulator, c.text);

    const offer = agent.page.getByRole('dialog', { name: c.popover });
    await expect(offer).toBeVisible();
    for (const field of c.fields) {
      await expect(offer).toContainText(field);
    }
    await offer.getByRole('button', { name: 'Accept' }).click();
    const pane = agent.page.getByRole('tabpanel');
    await expect(agent.page.getByRole('tab', { name: c.tab })).toBeVisible();
    await expect(pane.getByText(c.text)).toBeVisible();

    const composer = pane.getByRole('textbox', { name: 'Message' });
    await composer.fill(c.reply);
    if (c.channel === 'sms') {
      await expect(pane.getByText(/1 SMS \(GSM-7\)/)).toBeVisible();
    }
    await composer.press('Enter');
    // The provider (the simulator) received it, on its own wire format.
    await expect(simulator.getByRole('log').getByText(c.reply)).toBeVisible();
    const bubble = pane.getByRole('listitem').filter({ hasText: c.reply });
    await expect(bubble).toContainText('Delivered');
    if (c.read) {
      await simulator.getByLabel(/Send read receipts/).check();
      await expect(bubble).toContainText('Read');
      await expect(simulator.getByRole('log').getByText(/Read/)).toBeVisible();
    }

    await endAndWrapUp(agent.page);
    await logout(agent.page);
    await agent.context.close();
    await customer.context.close();
  });
}

const photoCases = [
  { channel: 'whatsapp', name: 'Nora Photo', identity: '+46709990002', sender: 'Nora Photo' },
  { channel: 'sms', name: 'Sms Photo', identity: '+46709990003', sender: '+46709990003' },
  // Messenger's name comes from the (simulated) profile API once the message is stored.
  { channel: 'messenger', name: 'Nils Photo', identity: '7215000000000077', sender: 'Nils Photo' },
] as const;

for (const c of photoCases) {
  test(`${c.channel}: a customer's photo is fetched from the provider, shown in the bubble, opened whole`, async ({
    browser,
  }) => {
    const agent = await newActor(browser);
    const customer = await newActor(browser);
    await loginAgent(agent.page, 'alice@example.com');
    await setState(agent.page, 'Available');
    const simulator = await openSimulator(customer.page, c.channel, c.name, c.identity);
    await simulator.getByRole('checkbox', { name: /Attach a photo/ }).check();
    await write(simulator, 'The box arrived torn');

    await agent.page
      .getByRole('dialog', { name: `Contact request from ${c.sender}` })
      .getByRole('button', { name: 'Accept' })
      .click();
    const pane = agent.page.getByRole('tabpanel');
    // The caption in the bubble, the picture below it (the stored text keeps its [image] label for transcripts).
    await expect(pane.getByText('The box arrived torn', { exact: true })).toBeVisible();
    // Fetched through the (simulated) provider's media API after the webhook was answered: the picture itself, loaded.
    const photo = pane.getByRole('img', { name: `Image sent by ${c.sender}` });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    const link = pane.getByRole('link', { name: `Image sent by ${c.sender}` });
    await expect(link).toHaveAttribute('href', /^\/api\/conversations\/[\w-]+\/attachments\/[\w-]+$/);
    await expect(link).toHaveAttribute('target', '_blank');

    await endAndWrapUp(agent.page);
    await logout(agent.page);
    await agent.context.close();
    await customer.context.close();
  });
}

test('a deleted asset interrupts its conversation: the alert shows, sending is disabled, End remains', async ({
  browser,
}) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');
  const simulator = await openSimulator(customer.page, 'messenger', 'Lucía', '7215000000000099');
  await write(simulator, 'Hola, ¿siguen ahí?');
  const offer = agent.page.getByRole('dialog', { name: /Contact request from Lucía/ });
  await offer.getByRole('button', { name: 'Accept' }).click();
  const pane = agent.page.getByRole('tabpanel');
  await expect(pane.getByRole('textbox', { name: 'Message' })).toBeEnabled();

  // The administrator deletes the Messenger asset.
  const admin = await newActor(browser);
  const login = await admin.page.request.post('/api/auth/login', {
    data: { email: 'ada@example.com', password: DEMO_PASSWORD },
  });
  const { csrfToken } = await login.json();
  const list = await (await admin.page.request.get('/api/admin/entry-points')).json();
  const messenger = list.entryPoints.find(
    (e: { channel: string; simulated: boolean }) => e.channel === 'messenger' && e.simulated,
  );
  const removed = await admin.page.request.delete(`/api/admin/entry-points/${messenger.id}`, {
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(removed.status()).toBe(204);

  await expect(pane.getByRole('alert').filter({ hasText: 'has been deleted' })).toBeVisible();
  await expect(pane.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await endAndWrapUp(agent.page);
  await logout(agent.page);
  for (const actor of [agent, customer, admin]) {
    await actor.context.close();
  }
});

test('interaction history: an agent reads the same customer’s earlier WhatsApp conversation', async ({
  browser,
}) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');
  const simulator = await openSimulator(customer.page, 'whatsapp', 'Henrik Earlier', '+46709990001');

  await write(simulator, 'My order 4417 never arrived');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Henrik Earlier/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  const pane = agent.page.getByRole('tabpanel');
  await pane.getByRole('textbox', { name: 'Message' }).fill('A new parcel leaves today.');
  await pane.getByRole('button', { name: 'Send' }).click();
  await expect(pane.getByText('A new parcel leaves today.')).toBeVisible();
  await endAndWrapUp(agent.page);

  // The same number writes again: a new conversation, with the first one in its history.
  await write(simulator, 'Hello again, it has not come');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Henrik Earlier/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await pane.getByRole('button', { name: 'Interaction history' }).click();
  const history = agent.page.getByRole('dialog', { name: 'Earlier conversations with Henrik Earlier' });
  const earlier = history.getByRole('list', { name: 'Earlier conversations' }).getByRole('button');
  await expect(earlier).toHaveCount(1);
  await expect(earlier.first()).toContainText('Alice Agent');
  const transcript = history.getByRole('list', { name: 'Transcript' });
  await expect(transcript.getByText('My order 4417 never arrived')).toBeVisible();
  await expect(transcript.getByText('A new parcel leaves today.')).toBeVisible();
  await expect(transcript.getByText('Hello again, it has not come')).toHaveCount(0);
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(history).toBeHidden();

  await endAndWrapUp(agent.page);
  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});
