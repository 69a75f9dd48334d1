import { expect, type Page, test } from '@playwright/test';
import {
  endAndWrapUp,
  loginAgent,
  logout,
  newActor,
  openConfiguration,
  setState,
  startChat,
} from './fixtures';

const CARD = '4111 1111 1111 1111';

const agentIdOf = (me: { user: { id: string } }) => me.user.id;

const setMasking = async (page: Page, on: boolean) => {
  const { csrfToken } = await page.request.get('/api/auth/me').then((r) => r.json());
  const answer = await page.request.patch('/api/admin/settings', {
    data: { maskSensitiveData: on },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(answer.status()).toBe(200);
};

/**
 * The supervisor reads a finished conversation in the history: its transcript masked as on the
 * desk, what happened to it and its wrap-up; reveals the card number for a reason, and the
 * administrator finds the reveal in the audit log.
 */
test('history: a supervisor reads a finished conversation and reveals a masked value, audited', async ({
  browser,
}) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  await setMasking(admin.page, true);

  const agent = await newActor(browser);
  await loginAgent(agent.page, 'bob@example.com');
  await setState(agent.page, 'Available');
  const customer = await newActor(browser);
  await startChat(customer.page, 'Hanna History', `My card ${CARD} was charged twice`);
  await agent.page
    .getByRole('dialog', { name: /Contact request from Hanna History/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  const pane = agent.page.getByRole('tabpanel');
  await pane.getByRole('textbox', { name: 'Message' }).fill('I am refunding the second charge.');
  await pane.getByRole('button', { name: 'Send' }).click();
  await expect(pane.getByText('I am refunding the second charge.')).toBeVisible();

  // While it goes on, the supervisor reads it from the board: Bob's open conversations.
  const supervisor = await newActor(browser);
  await loginAgent(supervisor.page, 'sam@example.com');
  await supervisor.page
    .getByRole('main', { name: 'Queues and agents' })
    .getByRole('button', { name: 'Conversations of Bob Agent' })
    .click();
  const history = supervisor.page.getByRole('main', { name: 'History' });
  await expect(history.getByRole('combobox', { name: 'Agent' })).toHaveValue(
    agentIdOf(await agent.page.request.get('/api/auth/me').then((r) => r.json())),
  );
  await expect(history.getByRole('combobox', { name: 'Status' })).toHaveValue('open');
  const open = history
    .getByRole('table', { name: 'Conversations of the period' })
    .getByRole('row', { name: /Hanna History/ });
  await expect(open).toContainText('Active');
  await open.getByRole('button', { name: 'Open the conversation with Hanna History' }).click();
  const live = history.getByRole('region', { name: 'Conversation with Hanna History' });
  await expect(live.getByText('I am refunding the second charge.')).toBeVisible();
  await customer.page
    .getByRole('region', { name: 'Live chat' })
    .getByRole('textbox', { name: 'Message' })
    .fill('Thank you!');
  await customer.page
    .getByRole('region', { name: 'Live chat' })
    .getByRole('button', { name: 'Send' })
    .click();
  await expect(pane.getByText('Thank you!')).toBeVisible();
  await live.getByRole('button', { name: 'Refresh' }).click();
  await expect(live.getByText('Thank you!')).toBeVisible();

  await endAndWrapUp(agent.page);
  await logout(agent.page);
  await history.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Ended' });
  const list = history.getByRole('table', { name: 'Conversations of the period' });
  const row = list.getByRole('row', { name: /Hanna History/ });
  await expect(row).toContainText('Bob');
  await expect(row).toContainText('Ended');
  await row.getByRole('button', { name: 'Open the conversation with Hanna History' }).click();

  const detail = history.getByRole('region', { name: 'Conversation with Hanna History' });
  const transcript = detail.getByRole('list', { name: 'Transcript' });
  await expect(transcript.getByText(/\*{15}1111 was charged twice/)).toBeVisible();
  await expect(transcript.getByText('I am refunding the second charge.')).toBeVisible();
  await expect(detail.getByRole('list', { name: 'What happened' })).toContainText('Accepted by Bob');
  await expect(detail.getByRole('list', { name: 'What happened' })).toContainText('Wrapped up by Bob');
  await expect(detail.getByText('Resolved', { exact: true })).toBeVisible();
  await expect(supervisor.page.getByText(CARD)).toHaveCount(0);

  await detail.getByRole('button', { name: /^Reveal card number \*+1111$/ }).click();
  const dialog = supervisor.page.getByRole('dialog', { name: /^Reveal \*+1111$/ });
  await expect(dialog.getByRole('button', { name: 'Reveal' })).toBeDisabled();
  await dialog.getByLabel('Reason for revealing').fill('Customer disputes the double charge');
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByText(`Revealed card number: ${CARD}`)).toBeVisible();

  // The administrator reads who revealed what, and why.
  await openConfiguration(admin.page, 'Settings and audit log');
  const newest = admin.page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1);
  await expect(newest).toContainText('Sam Supervisor');
  await expect(newest).toContainText('Masked value: revealed');
  await expect(newest).toContainText('reason: Customer disputes the double charge');

  await setMasking(admin.page, false);
  await logout(supervisor.page);
  await logout(admin.page);
  for (const actor of [admin, agent, customer, supervisor]) {
    await actor.context.close();
  }
});

/**
 * A customer asks to be forgotten: the administrator opens their finished conversation in the
 * history, erases their data for a reason (nothing before the confirmation), and reads the entry
 * in the audit log.
 */
test('history: an administrator erases a customer’s data on their request, audited', async ({ browser }) => {
  const agent = await newActor(browser);
  await loginAgent(agent.page, 'bob@example.com');
  await setState(agent.page, 'Available');
  const customer = await newActor(browser);
  await startChat(customer.page, 'Greta Forget', 'Please delete everything about me');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Greta Forget/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await endAndWrapUp(agent.page);
  await setState(agent.page, 'Break');
  await logout(agent.page);

  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  await admin.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'History' })
    .click();
  const history = admin.page.getByRole('main', { name: 'History' });
  await history
    .getByRole('table', { name: 'Conversations of the period' })
    .getByRole('row', { name: /Greta Forget/ })
    .getByRole('button', { name: 'Open the conversation with Greta Forget' })
    .click();
  const detail = history.getByRole('region', { name: 'Conversation with Greta Forget' });
  await expect(detail.getByText('Please delete everything about me')).toBeVisible();

  await detail.getByRole('button', { name: 'Erase customer data' }).click();
  const dialog = admin.page.getByRole('dialog', { name: 'Erase the data of Greta Forget?' });
  await expect(dialog).toContainText('become [erased]');
  const erase = dialog.getByRole('button', { name: 'Erase for good' });
  await expect(erase).toBeDisabled();
  await dialog.getByLabel('Reason (the customer’s request)').fill('Asked in the chat on 5 December');
  await erase.click();
  await expect(dialog).toBeHidden();

  const erased = history.getByRole('region', { name: 'Conversation with [erased]' });
  await expect(erased.getByRole('status')).toHaveText('Conversations erased: 1');
  await expect(erased.getByRole('list', { name: 'Transcript' })).toContainText('[erased]');
  await expect(admin.page.getByText(/Greta Forget|Please delete everything/)).toHaveCount(0);

  await openConfiguration(admin.page, 'Settings and audit log');
  const newest = admin.page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1);
  await expect(newest).toContainText('Ada Admin');
  await expect(newest).toContainText('Customer: erased');
  await expect(newest).toContainText('reason: Asked in the chat on 5 December');
  await logout(admin.page);
  for (const actor of [admin, agent, customer]) {
    await actor.context.close();
  }
});
