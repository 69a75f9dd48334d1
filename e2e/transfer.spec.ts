import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import {
  type Actor,
  DEMO_PASSWORD,
  endAndWrapUp,
  loginAgent,
  logout,
  newActor,
  setState,
  startChat,
} from './fixtures';

/**
 * Transfer and conference as the seeds describe them (Übergeben/Transfer, Konferenz/Conference):
 * two agents and a customer, each in their own browser, controls found by role and name.
 */
test.describe.configure({ mode: 'serial' });

const pane = (page: Page) => page.getByRole('tabpanel');

/** Alice holds a new chat from `customer`; Bob is logged in but not Available yet. */
const aliceHoldsAChat = async (browser: Browser, name: string, text: string) => {
  const alice = await newActor(browser);
  const bob = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(alice.page, 'alice@example.com');
  await loginAgent(bob.page, 'bob@example.com');
  await setState(alice.page, 'Available');
  const chat = await startChat(customer.page, name, text);
  await alice.page
    .getByRole('dialog', { name: `Contact request from ${name}` })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(alice.page.getByRole('tab', { name: new RegExp(name) })).toBeVisible();
  return { alice, bob, customer, chat };
};

const submitWrapUp = async (page: Page) => {
  const wrapUp = page.getByRole('dialog', { name: 'Wrap-up' });
  await expect(wrapUp).toBeVisible();
  await wrapUp.getByText('Resolved').click();
  await wrapUp.getByRole('button', { name: 'Submit wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
};

const closeAll = async (...actors: Actor[]) => {
  for (const actor of actors) {
    if (await actor.page.getByRole('button', { name: 'Log out' }).isVisible()) {
      await logout(actor.page);
    }
    await actor.context.close();
  }
};

test('transfer to a queue: the agent wraps up, the next agent sees the thread, the comment and the line', async ({
  browser,
}) => {
  const { alice, bob, customer, chat } = await aliceHoldsAChat(browser, 'Ana Queue', 'My parcel is late');
  await setState(bob.page, 'Available');

  // Keyboard only: the Transfer button, the search field, a queue, the comment, Transfer.
  await pane(alice.page).getByRole('button', { name: 'Transfer', exact: true }).focus();
  await alice.page.keyboard.press('Enter');
  const dialog = alice.page.getByRole('dialog', { name: 'Transfer request' });
  await expect(dialog.getByRole('radio', { name: /Bob Agent/ })).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Search queues, teams, skills and agents' }).fill('supp');
  await expect(dialog.getByRole('radio', { name: /Sales/ })).toBeHidden();
  await expect(dialog.getByRole('radio', { name: /Bob Agent/ })).toBeHidden();
  await dialog.getByRole('radio', { name: /Support/ }).check();
  await dialog.getByLabel('Comment for the next agent (optional)').fill('Wants a refund');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await submitWrapUp(alice.page);

  const offer = bob.page.getByRole('dialog', { name: 'Contact request from Ana Queue' });
  await expect(offer).toContainText('Transferred by Alice Agent · Wants a refund');
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(pane(bob.page).getByText('My parcel is late')).toBeVisible();
  await expect(pane(bob.page).getByText('Transferred by Alice Agent from Support')).toBeVisible();
  await expect(pane(bob.page).getByText('Comment from Alice Agent: Wants a refund')).toBeVisible();
  await expect(chat.getByText(/Bob Agent joined the chat/)).toBeVisible();
  await expect(chat.getByText(/Transferred by|Wants a refund/)).toHaveCount(0);

  await endAndWrapUp(bob.page);
  await closeAll(alice, bob, customer);
});

test('transfer to a team: it waits for the team, and a member of it takes it', async ({ browser }) => {
  const { alice, bob, customer } = await aliceHoldsAChat(browser, 'Tea Team', 'Who handles invoices?');
  await setState(bob.page, 'Available');
  await pane(alice.page).getByRole('button', { name: 'Transfer', exact: true }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Transfer request' });
  const teams = dialog.getByRole('group', { name: 'Teams' });
  await expect(teams.getByRole('radio', { name: /Frontline.*\d Available/ })).toBeVisible();
  await teams.getByRole('radio', { name: /Frontline/ }).check();
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await submitWrapUp(alice.page);

  const offer = bob.page.getByRole('dialog', { name: 'Contact request from Tea Team' });
  await expect(offer).toContainText('Transferred by Alice Agent');
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(pane(bob.page).getByText('Transferred by Alice Agent from Support')).toBeVisible();
  await bob.page.getByLabel('Language').selectOption({ label: 'Deutsch' });
  await expect(pane(bob.page).getByText('Übergeben von Alice Agent aus Support')).toBeVisible();
  await bob.page.getByLabel('Sprache').selectOption({ label: 'English' });
  await endAndWrapUp(bob.page);
  await closeAll(alice, bob, customer);
});

test('transfer to an agent who accepts', async ({ browser }) => {
  const { alice, bob, customer } = await aliceHoldsAChat(
    browser,
    'Ben Agent',
    'Can someone in billing help?',
  );
  await setState(bob.page, 'Available');
  await pane(alice.page).getByRole('button', { name: 'Transfer', exact: true }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Transfer request' });
  await dialog.getByRole('radio', { name: /Bob Agent.*Available/ }).check();
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await submitWrapUp(alice.page);

  const offer = bob.page.getByRole('dialog', { name: 'Contact request from Ben Agent' });
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(pane(bob.page).getByText('Can someone in billing help?')).toBeVisible();
  await expect(pane(bob.page).getByRole('button', { name: 'End', exact: true })).toBeVisible();
  await endAndWrapUp(bob.page);
  await closeAll(alice, bob, customer);
});

test('transfer to an agent who rejects: the agent is told and the chat goes back to its queue', async ({
  browser,
}) => {
  const { alice, bob, customer } = await aliceHoldsAChat(browser, 'Cleo Back', 'Hello?');
  // Not Available: the dialog says why and nothing changes.
  await pane(alice.page).getByRole('button', { name: 'Transfer', exact: true }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Transfer request' });
  await dialog.getByRole('radio', { name: /Bob Agent/ }).check();
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Bob Agent is not Available (Offline)');
  await setState(bob.page, 'Available');
  await dialog.getByRole('button', { name: 'Reload' }).click();
  await dialog.getByRole('radio', { name: /Bob Agent.*Available/ }).check();
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog).toBeHidden();

  await bob.page
    .getByRole('dialog', { name: 'Contact request from Cleo Back' })
    .getByRole('button', { name: 'Reject' })
    .click();
  await expect(
    alice.page.getByText('Bob Agent did not take the transfer; the conversation is back in its queue.'),
  ).toBeVisible();
  // Back in its queue: offered again once Alice has wrapped up (she is Available).
  await submitWrapUp(alice.page);
  await expect(alice.page.getByRole('dialog', { name: 'Contact request from Cleo Back' })).toBeVisible();
  await alice.page
    .getByRole('dialog', { name: 'Contact request from Cleo Back' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(pane(alice.page).getByText('Hello?')).toBeVisible();
  await endAndWrapUp(alice.page);
  await closeAll(alice, bob, customer);
});

test('conference: requested, Conference, both agents write, End conference leaves it with the added agent', async ({
  browser,
}) => {
  const { alice, bob, customer, chat } = await aliceHoldsAChat(browser, 'Dora Conf', 'I need two experts');
  await setState(bob.page, 'Available');
  await pane(alice.page).getByRole('button', { name: 'Conference', exact: true }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Conference request' });
  // The WhatsApp guide's "or a queue": Support's strategy picks Bob, its one Available agent.
  await dialog.getByRole('searchbox', { name: 'Search queues and agents' }).fill('supp');
  await expect(dialog.getByRole('radio', { name: /Bob Agent/ })).toBeHidden();
  await dialog.getByRole('radio', { name: /Support/ }).check();
  await dialog.getByRole('button', { name: 'Conference', exact: true }).click();
  await expect(
    pane(alice.page).getByRole('status').filter({ hasText: 'Conference requested' }),
  ).toBeVisible();

  const offer = bob.page.getByRole('dialog', { name: 'Contact request from Dora Conf' });
  await expect(offer).toContainText('Conference request from Alice Agent');
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(
    pane(alice.page)
      .getByRole('status')
      .filter({ hasText: /^Conference$/ }),
  ).toBeVisible();
  await expect(pane(alice.page).getByText('Bob Agent joined the chat')).toBeVisible();

  const bobComposer = pane(bob.page).getByRole('textbox', { name: 'Message' });
  await bobComposer.fill('Bob here, from billing');
  await bobComposer.press('Enter');
  await expect(pane(alice.page).getByText('Bob here, from billing')).toBeVisible();
  await expect(chat.getByText('Bob here, from billing')).toBeVisible();
  await expect(chat.getByText('Bob Agent').first()).toBeVisible();

  await pane(alice.page).getByRole('button', { name: 'End conference' }).click();
  await submitWrapUp(alice.page);
  await expect(pane(bob.page).getByRole('button', { name: 'End', exact: true })).toBeVisible();
  await expect(pane(bob.page).getByText('Alice Agent left the chat')).toBeVisible();
  await endAndWrapUp(bob.page);
  await closeAll(alice, bob, customer);
});

test('Exit conference: the added agent leaves, the first agent keeps the chat', async ({ browser }) => {
  const { alice, bob, customer } = await aliceHoldsAChat(browser, 'Eli Exit', 'Quick question');
  await setState(bob.page, 'Available');
  await pane(alice.page).getByRole('button', { name: 'Conference', exact: true }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Conference request' });
  await dialog.getByRole('radio', { name: /Bob Agent/ }).check();
  await dialog.getByRole('button', { name: 'Conference', exact: true }).click();
  await bob.page
    .getByRole('dialog', { name: 'Contact request from Eli Exit' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await pane(bob.page).getByRole('button', { name: 'Exit conference' }).click();
  await submitWrapUp(bob.page);
  await expect(pane(alice.page).getByText('Bob Agent left the chat')).toBeVisible();
  await expect(pane(alice.page).getByRole('button', { name: 'End', exact: true })).toBeVisible();
  await expect(pane(alice.page).getByRole('button', { name: 'Conference', exact: true })).toBeVisible();
  await endAndWrapUp(alice.page);
  await closeAll(alice, bob, customer);
});

const setMasking = async (request: APIRequestContext, on: boolean) => {
  const login = await request.post('/api/auth/login', {
    data: { email: 'ada@example.com', password: DEMO_PASSWORD },
  });
  const { csrfToken } = await login.json();
  const patched = await request.patch('/api/admin/settings', {
    data: { maskSensitiveData: on },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(patched.status()).toBe(200);
};

test('with masking on, the agent a chat is transferred to sees it masked too', async ({
  browser,
  request,
}) => {
  await setMasking(request, true);
  const { alice, bob, customer } = await aliceHoldsAChat(browser, 'Fay Mask', 'Call me on +447966197542');
  await expect(pane(alice.page).getByText('Call me on *********7542')).toBeVisible();
  await setState(bob.page, 'Available');
  await pane(alice.page).getByRole('button', { name: 'Transfer', exact: true }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Transfer request' });
  await dialog.getByRole('radio', { name: /Bob Agent/ }).check();
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await submitWrapUp(alice.page);
  await bob.page
    .getByRole('dialog', { name: 'Contact request from Fay Mask' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(pane(bob.page).getByText('Call me on *********7542')).toBeVisible();
  await expect(pane(bob.page).getByText(/447966197542/)).toHaveCount(0);
  await setMasking(request, false);
  await endAndWrapUp(bob.page);
  await closeAll(alice, bob, customer);
});

test('in German, with the seeds’ terms; the supervisor sees the conference and the transfer in progress', async ({
  browser,
}) => {
  const { alice, bob, customer } = await aliceHoldsAChat(browser, 'Gerd Konferenz', 'Guten Tag');
  const supervisor = await newActor(browser);
  await loginAgent(supervisor.page, 'sam@example.com');
  const support = supervisor.page
    .getByRole('main', { name: 'Queues and agents' })
    .getByRole('table', { name: /^Queues/ })
    .getByRole('row', { name: /^Support/ });
  const transfers = support.getByRole('cell').nth(4);
  const conferences = support.getByRole('cell').nth(5);

  await alice.page.getByLabel('Language').selectOption({ label: 'Deutsch' });
  await setState(bob.page, 'Available');
  await pane(alice.page).getByRole('button', { name: 'Konferenz', exact: true }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Konferenzanfrage' });
  await dialog.getByRole('searchbox', { name: 'Warteschlangen und Agenten suchen' }).fill('Bob');
  await dialog.getByRole('radio', { name: /Bob Agent/ }).check();
  await dialog.getByRole('button', { name: 'Konferenz', exact: true }).click();
  await expect(
    pane(alice.page).getByRole('status').filter({ hasText: 'Konferenz angefordert' }),
  ).toBeVisible();
  await expect(conferences).toHaveText('1');

  await bob.page
    .getByRole('dialog', { name: 'Contact request from Gerd Konferenz' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(
    pane(alice.page)
      .getByRole('status')
      .filter({ hasText: /^Konferenz$/ }),
  ).toBeVisible();
  await pane(alice.page).getByRole('button', { name: 'Konferenz beenden' }).click();
  const wrapUp = alice.page.getByRole('dialog', { name: 'Nachbearbeitungsgründe' });
  await wrapUp.getByText('Resolved').click();
  await wrapUp.getByRole('button', { name: 'Nachbearbeitung senden' }).click();
  await expect(conferences).toHaveText('0');

  // Bob transfers it on to the Sales queue: a transfer in progress until someone accepts it there.
  await pane(bob.page).getByRole('button', { name: 'Transfer', exact: true }).click();
  const transfer = bob.page.getByRole('dialog', { name: 'Transfer request' });
  await transfer.getByRole('radio', { name: /Sales/ }).check();
  await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
  await submitWrapUp(bob.page);
  const sales = supervisor.page.getByRole('table', { name: /^Queues/ }).getByRole('row', { name: /^Sales/ });
  await expect(sales.getByRole('cell').nth(4)).toHaveText('1');
  await expect(transfers).toHaveText('0');

  // Sales offers it to Alice (Available, in its team); she accepts and ends, so the next test starts clean.
  await alice.page.getByLabel('Sprache').selectOption({ label: 'English' });
  await expect(alice.page.getByRole('dialog', { name: 'Contact request from Gerd Konferenz' })).toBeVisible();
  await alice.page
    .getByRole('dialog', { name: 'Contact request from Gerd Konferenz' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await endAndWrapUp(alice.page);
  await closeAll(alice, bob, customer, supervisor);
});
