import { expect, test } from '@playwright/test';
import { loginAgent, logout, newActor, openConfiguration } from './fixtures';

/**
 * An administrator adds an SMS number as an asset: the list says where Twilio must send its
 * webhook, that the token is set (never its value) and the region its customers' numbers are read
 * in; the administrator sets the region, rotates the token and deletes the asset.
 */
test('assets: an administrator adds, changes and deletes an SMS number', async ({ browser }) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const config = await openConfiguration(admin.page, 'Assets');
  const assets = config.getByRole('region', { name: 'Assets' });
  await expect(assets.getByRole('row', { name: /^Website/ })).toContainText('Widget key website');

  await assets.getByRole('button', { name: 'Add asset' }).click();
  const form = assets.getByRole('form', { name: 'New asset' });
  await form.getByLabel('Channel').selectOption({ label: 'SMS' });
  await form.getByLabel('Name').fill('SMS Stockholm');
  await form.getByLabel('Queue').selectOption({ label: 'Sales' });
  await form.getByLabel('Account SID').fill('AC0123456789abcdef0123456789abcdef');
  await form.getByLabel('Phone number', { exact: true }).fill('+46701234567');
  await form.getByLabel('Auth token').fill('twilio-auth-token-1');
  await form.getByRole('button', { name: 'Create asset' }).click();
  await expect(form).toBeHidden();

  const row = assets.getByRole('row', { name: /^SMS Stockholm/ });
  await expect(row).toContainText('Sales');
  await expect(row).toContainText(/Webhook http:\/\/[^ ]+\/webhooks\/sms\/[0-9a-f-]{36}/);
  await expect(row.getByRole('cell').nth(3)).toHaveText('SE');
  await expect(row).toContainText('Auth token');
  await expect(assets).not.toContainText('twilio-auth-token-1');

  await row.getByRole('button', { name: 'Edit SMS Stockholm' }).click();
  const edit = assets.getByRole('form', { name: 'Edit SMS Stockholm' });
  await expect(edit.getByLabel('Auth token')).toHaveValue('');
  await expect(edit.getByText('Set; leave empty to keep it.')).toBeVisible();
  await edit.getByLabel('Region').fill('fi');
  await edit.getByLabel('Auth token').fill('twilio-auth-token-2');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByRole('cell').nth(3)).toHaveText('FI');

  await row.getByRole('button', { name: 'Delete SMS Stockholm' }).click();
  await admin.page
    .getByRole('dialog', { name: 'Delete SMS Stockholm?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(row).toHaveCount(0);

  // The audit log has each change, and no token.
  await config
    .getByRole('navigation', { name: 'Configuration sections' })
    .getByRole('button', { name: 'Settings and audit log' })
    .click();
  const audit = config.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row').nth(1)).toContainText('Asset: deleted');
  await expect(audit.getByRole('row').nth(2)).toContainText('Asset: changed');
  await expect(audit).not.toContainText('twilio-auth-token');

  await logout(admin.page);
  await admin.context.close();
});
