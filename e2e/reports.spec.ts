import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

/**
 * The supervisor's report: an agent answers and wraps up one chat, a customer gives up on another
 * while nobody is Available; the report of today counts both.
 */
test('reports: arrivals, answered and abandoned per queue, and handle time per agent', async ({
  browser,
}) => {
  const supervisor = await newActor(browser);
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  const leaving = await newActor(browser);

  await loginAgent(supervisor.page, 'sam@example.com');
  await supervisor.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Reports' })
    .click();
  const reports = supervisor.page.getByRole('main', { name: 'Reports' });
  await expect(reports.getByRole('combobox', { name: 'Period' })).toHaveValue('today');
  const queues = reports.getByRole('table', { name: /^Queues in the period/ });
  const support = queues.getByRole('row', { name: /^Support/ });
  await expect(support).toBeVisible();
  const cell = (n: number) => support.getByRole('cell').nth(n);
  const before = {
    arrived: Number(await cell(0).textContent()),
    abandoned: Number(await cell(2).textContent()),
  };

  await loginAgent(agent.page, 'bob@example.com');
  await setState(agent.page, 'Available');
  await startChat(customer.page, 'Ines Report', 'Hello there');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Ines Report/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(agent.page.getByRole('tabpanel').getByText('Hello there')).toBeVisible();
  await endAndWrapUp(agent.page);
  await setState(agent.page, 'Break');

  // Nobody Available: this customer leaves before anyone answers.
  const chat = await startChat(leaving.page, 'Otto Gone', 'Anyone?');
  await chat.getByRole('button', { name: 'End chat' }).click();
  await leaving.page.getByRole('alertdialog').getByRole('button', { name: 'End chat' }).click();
  await expect(chat.getByText(/This chat has ended/)).toBeVisible();

  await reports.getByRole('button', { name: 'Refresh' }).click();
  await expect(cell(0)).toHaveText(String(before.arrived + 2));
  await expect(cell(2)).toHaveText(String(before.abandoned + 1));
  await expect(cell(3)).toHaveText(/\d+(\.\d)? %/);
  await expect(cell(6)).toHaveText(/ in 60 s$/);
  // The live chats count on their channel too.
  const channels = reports.getByRole('table', { name: /^Channels in the period/ });
  const liveChat = channels.getByRole('row', { name: /^Live chat/ });
  await expect(liveChat.getByRole('cell').nth(0)).toHaveText(/^[1-9]\d*$/);
  await expect(channels.getByRole('row', { name: /^Messenger/ })).toBeVisible();
  const agents = reports.getByRole('table', { name: /^Agents in the period/ });
  const bob = agents.getByRole('row', { name: /^Bob Agent/ });
  await expect(bob.getByRole('cell').nth(0)).toHaveText(/[1-9]/);
  await expect(bob.getByRole('cell').nth(2)).toHaveText(/^\d+:\d\d$/);

  // The same figures as a file for a spreadsheet: plain numbers, one row a queue.
  const [download] = await Promise.all([
    supervisor.page.waitForEvent('download'),
    reports.getByRole('button', { name: 'Download queues (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^switchboard-queues-today-\d{4}-\d\d-\d\d\.csv$/);
  const file = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(file[0]).toBe(
    'Queue,Arrived,Answered,Abandoned,Waiting,Abandon rate (%),Average wait (s),Longest wait (s),Service level (%),Service level threshold (s)',
  );
  expect(file.find((line) => line.startsWith('Support,'))).toMatch(
    new RegExp(`^Support,${before.arrived + 2},\\d+,${before.abandoned + 1},\\d+,[\\d.]+,`),
  );
  expect(file).toContainEqual(expect.stringMatching(/^All queues,\d+,/));

  await logout(agent.page);
  for (const actor of [supervisor, agent, customer, leaving]) {
    await actor.context.close();
  }
});
