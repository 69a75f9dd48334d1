import { expect, test } from '@playwright/test';
import { loginAgent, logout, newActor, openConfiguration } from './fixtures';

/**
 * An administrator keeps the lists agents meet (wrap-up and idle reasons, dispositions, tags, quick
 * responses) from the desktop: add, reword, reorder, delete, and a refusal said in words.
 */
test('configuration: an administrator adds, rewords, reorders and deletes list entries', async ({
  browser,
}) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const config = await openConfiguration(admin.page, 'Lists');

  // Tags: add one, refuse a name taken, rename, move up, delete.
  const tags = config.getByRole('region', { name: 'Tags' });
  await expect(tags.getByText('VIP', { exact: true })).toBeVisible();
  await tags.getByLabel('New entry: name').fill('Warranty');
  await tags.getByRole('button', { name: 'Add' }).click();
  await expect(tags.getByText('Warranty', { exact: true })).toBeVisible();
  await tags.getByLabel('New entry: name').fill('vip');
  await tags.getByRole('button', { name: 'Add' }).click();
  await expect(tags.getByRole('alert')).toHaveText('The name "vip" is already taken');
  await tags.getByLabel('New entry: name').fill('');

  await tags.getByRole('button', { name: 'Edit Warranty' }).click();
  await tags.getByLabel('Name', { exact: true }).fill('Guarantee');
  await tags.getByRole('button', { name: 'Save' }).click();
  await expect(tags.getByText('Guarantee', { exact: true })).toBeVisible();
  await expect(tags.getByRole('alert')).toHaveCount(0);

  const names = tags.locator('.admin-list__name');
  await expect(names).toHaveText(['Complaint', 'Delivery', 'Returns', 'VIP', 'Guarantee']);
  await tags.getByRole('button', { name: 'Move Guarantee up' }).click();
  await expect(names).toHaveText(['Complaint', 'Delivery', 'Returns', 'Guarantee', 'VIP']);
  await expect(tags.getByRole('button', { name: 'Move VIP down' })).toBeDisabled();
  await tags.getByRole('button', { name: 'Delete Guarantee' }).click();
  await expect(names).toHaveText(['Complaint', 'Delivery', 'Returns', 'VIP']);

  // Quick responses: the text is checked by the server, and its refusal shown.
  const quick = config.getByRole('region', { name: 'Quick responses' });
  await quick.getByLabel('New entry: name').fill('Refund');
  await quick.getByLabel('New entry: text').fill('Your refund is <on its way>');
  await quick.getByRole('button', { name: 'Add' }).click();
  await expect(quick.getByRole('alert')).toContainText('< and > are reserved');
  await quick
    .getByLabel('New entry: text')
    .fill('Your refund of {{amount}} is on its way, {{customer_name}}.');
  await quick.getByRole('button', { name: 'Add' }).click();
  await expect(quick.getByText('Your refund of {{amount}} is on its way, {{customer_name}}.')).toBeVisible();
  await quick.getByRole('button', { name: 'Delete Refund' }).click();
  await expect(quick.getByText('Refund', { exact: true })).toBeHidden();

  await logout(admin.page);
  await admin.context.close();
});

test('configuration is for administrators: a supervisor has no such view', async ({ browser }) => {
  const supervisor = await newActor(browser);
  await loginAgent(supervisor.page, 'sam@example.com');
  const views = supervisor.page.getByRole('navigation', { name: 'Views' });
  await expect(views.getByRole('button', { name: 'Reports' })).toBeVisible();
  await expect(views.getByRole('button', { name: 'Configuration' })).toHaveCount(0);
  await logout(supervisor.page);
  await supervisor.context.close();
});
