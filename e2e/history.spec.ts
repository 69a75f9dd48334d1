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
