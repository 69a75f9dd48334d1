import { expect, test } from '@playwright/test';
import { loginAgent, logout, newActor, openConfiguration } from './fixtures';

/**
 * An administrator adds a queue (channels, team, a required skill, strategy, timer), finds it on
 * the board, changes it, and deletes it; a queue still in use is refused in words.
 */
test('queues: an administrator adds, changes and deletes a queue; one in use is kept', async ({
  browser,
}) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const views = admin.page.getByRole('navigation', { name: 'Views' });
  const config = await openConfiguration(admin.page, 'Queues');
  const queues = config.getByRole('region', { name: 'Queues' });

  await queues.getByRole('button', { name: 'Add queue' }).click();
  const form = queues.getByRole('form', { name: 'New queue' });
  await expect(form.getByLabel('Offer timeout (seconds)')).toHaveValue('45');
  await form.getByLabel('Name').fill('Returns desk');
  await form.getByRole('checkbox', { name: 'Live chat' }).uncheck();
  await form.getByRole('checkbox', { name: 'Messenger' }).uncheck();
  await form.getByLabel('Team').selectOption({ label: 'Frontline' });
  await form.getByLabel('Routing strategy').selectOption({ label: 'Least busy' });
  await form.getByLabel('Offer timeout (seconds)').fill('60');
  await form.getByRole('button', { name: 'Add skill' }).click();
  await form.getByLabel('Skill 1', { exact: true }).fill('returns');
  await form.getByLabel('Minimum proficiency of skill 1').fill('3');
  await form.getByRole('button', { name: 'Create queue' }).click();
  await expect(form).toBeHidden();
  const row = queues.getByRole('row', { name: /Returns desk/ });
  await expect(row).toContainText('WhatsApp, SMS');
  await expect(row).toContainText('Frontline');
  await expect(row).toContainText('returns ≥ 3');
  await expect(row).toContainText('Least busy, priority 0, offer 60 s, then RONA');

  // Supervisors see it on the board at once.
  await views.getByRole('button', { name: 'Queues and agents' }).click();
  await expect(
    admin.page.getByRole('main', { name: 'Queues and agents' }).getByText('Returns desk'),
  ).toBeVisible();
  await openConfiguration(admin.page, 'Queues');

  await row.getByRole('button', { name: 'Edit Returns desk' }).click();
  const edit = queues.getByRole('form', { name: 'Edit Returns desk' });
  await edit.getByLabel('State after an unanswered offer').selectOption({ label: 'Refused' });
  await edit.getByLabel('Response-time target (seconds)').fill('300');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('then Refused');
  await expect(row).toContainText('response 300 s');

  // The demo's assets route to Support: it stays, and the administrator is told why.
  await queues
    .getByRole('row', { name: /^Support/ })
    .getByRole('button', { name: 'Delete Support' })
    .click();
  await admin.page
    .getByRole('dialog', { name: 'Delete Support?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(queues.getByRole('alert')).toHaveText(
    'The queue is in use by an entry point or by conversations',
  );
  await expect(queues.getByRole('row', { name: /^Support/ })).toBeVisible();

  await row.getByRole('button', { name: 'Delete Returns desk' }).click();
  await admin.page
    .getByRole('dialog', { name: 'Delete Returns desk?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(row).toHaveCount(0);

  await logout(admin.page);
  await admin.context.close();
});
