import { expect, test } from '@playwright/test';
import { loginAgent, logout, newActor, setState, startChat } from './fixtures';

/**
 * The supervisor's live view, as a supervisor would watch it: an agent goes Available, gets a
 * contact request and rejects it; the board follows each step without a reload.
 */
test('the supervisor view shows queues and agents live: Available, offered, Refused', async ({ browser }) => {
  const supervisor = await newActor(browser);
  const agent = await newActor(browser);
  const customer = await newActor(browser);

  await loginAgent(supervisor.page, 'sam@example.com');
  const board = supervisor.page.getByRole('main', { name: 'Queues and agents' });
  await expect(board).toBeVisible();
  // A supervisor takes no conversations: no state control.
  await expect(supervisor.page.getByLabel('State', { exact: true })).toHaveCount(0);
  const queues = board.getByRole('table', { name: /^Queues/ });
  const agents = board.getByRole('table', { name: /^Agents/ });
  const support = queues.getByRole('row', { name: /^Support/ });
  const alice = agents.getByRole('row', { name: /Alice Agent/ });
  await expect(alice).toContainText('Offline');
  await expect(alice).toContainText('0 of 3');

  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');
  await expect(alice).toContainText('Available');

  await startChat(customer.page, 'Rita Reject', 'Is anyone there?');
  const offer = agent.page.getByRole('dialog', { name: /Contact request from Rita Reject/ });
  await expect(offer).toBeVisible();
  await expect(alice).toContainText('1 of 3');
  await expect(support.getByRole('cell').nth(2)).toHaveText('1');

  await offer.getByRole('button', { name: 'Reject' }).click();
  await expect(alice).toContainText('Refused');
  await expect(alice).toContainText('0 of 3');
  // Back in the queue: waiting, with the longest wait running.
  await expect(support.getByRole('cell').nth(0)).toHaveText('1');
  await expect(support.getByRole('cell').nth(1)).toHaveText(/\d+:\d\d/);

  // Sorting by state puts Refused before Offline.
  await agents.getByRole('button', { name: 'State', exact: true }).click();
  await expect(agents.getByRole('columnheader', { name: 'State', exact: true })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // The supervisor sends her on a break from the board; her own desktop follows.
  await alice
    .getByRole('combobox', { name: 'Set the state of Alice Agent' })
    .selectOption({ label: 'Break' });
  await expect(alice).toContainText('Idle: Break');
  await expect(agent.page.getByLabel('State', { exact: true }).locator('option:checked')).toHaveText('Break');

  await logout(agent.page);
  await expect(alice).toContainText('Offline');
  // Nobody sets an offline agent's state: they choose it when they log in.
  await expect(alice.getByRole('combobox', { name: 'Set the state of Alice Agent' })).toHaveCount(0);
  await logout(supervisor.page);
  await customer.context.close();
});
