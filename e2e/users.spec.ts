import { expect, test } from '@playwright/test';
import { loginAgent, logout, newActor, openConfiguration } from './fixtures';

const PASSWORD = 'a long enough password';

/**
 * An administrator adds a team and an agent in it with a skill and limits, changes the agent,
 * and deactivates them: the agent logs in with the password given, and no longer after.
 */
test('users: an administrator adds, changes and deactivates an agent, with a team of their own', async ({
  browser,
}) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const config = await openConfiguration(admin.page, 'Users and teams');

  const teams = config.getByRole('region', { name: 'Teams' });
  await teams.getByLabel('New entry: name').fill('Night shift');
  await teams.getByRole('button', { name: 'Add' }).click();
  await expect(teams.getByText('Night shift', { exact: true })).toBeVisible();

  const users = config.getByRole('region', { name: 'Users' });
  // Nobody locks themselves out: no Deactivate on one's own row.
  await expect(users.getByRole('row', { name: /Ada Admin/ })).toBeVisible();
  await expect(users.getByRole('button', { name: 'Deactivate Ada Admin' })).toHaveCount(0);
  await users.getByRole('button', { name: 'Add user' }).click();
  const form = users.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill('Nina Night');
  await form.getByLabel('E-mail').fill('alice@example.com');
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('checkbox', { name: 'Night shift' }).check();
  await form.getByRole('button', { name: 'Add skill' }).click();
  await form.getByLabel('Skill 1', { exact: true }).fill('german');
  await form.getByLabel('Proficiency of skill 1').fill('8');
  await form.getByLabel('WhatsApp').fill('3');
  await form.getByRole('button', { name: 'Create user' }).click();
  // The address is taken: the form stays, with the server's reason.
  await expect(users.getByRole('alert')).toHaveText('Another user has this e-mail address');
  await form.getByLabel('E-mail').fill('nina@example.com');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form).toBeHidden();
  const row = users.getByRole('row', { name: /Nina Night/ });
  await expect(row).toContainText('nina@example.com');
  await expect(row).toContainText('Night shift');
  await expect(row).toContainText('german 8');
  await expect(row).toContainText('WhatsApp 3');

  // She logs in with the password the administrator gave.
  const nina = await newActor(browser);
  await nina.page.goto('/');
  await nina.page.getByLabel('E-mail').fill('nina@example.com');
  await nina.page.getByLabel('Password').fill(PASSWORD);
  await nina.page.getByRole('button', { name: 'Log in' }).click();
  await expect(nina.page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await logout(nina.page);

  // Only what changed is sent: the live chat limit.
  await row.getByRole('button', { name: 'Edit Nina Night' }).click();
  const edit = users.getByRole('form', { name: 'Edit Nina Night' });
  await expect(edit.getByLabel('New password')).toHaveValue('');
  await edit.getByLabel('Live chat').fill('5');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Live chat 5');
  await expect(row).toContainText('WhatsApp 3');

  await row.getByRole('button', { name: 'Deactivate Nina Night' }).click();
  const confirm = admin.page.getByRole('dialog', { name: 'Deactivate Nina Night?' });
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('deactivated');
  await expect(row.getByRole('button', { name: 'Edit Nina Night' })).toHaveCount(0);

  await nina.page.goto('/');
  await nina.page.getByLabel('E-mail').fill('nina@example.com');
  await nina.page.getByLabel('Password').fill(PASSWORD);
  await nina.page.getByRole('button', { name: 'Log in' }).click();
  await expect(nina.page.getByRole('alert')).toContainText('E-mail or password is wrong');

  await logout(admin.page);
  await admin.context.close();
  await nina.context.close();
});
