import { expect, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

/**
 * CXone's quick responses (seed 003): ">>" opens the pane, the agent picks a pre-written answer,
 * fills its variables (the ones the desktop knows are filled in, to check), and Insert puts it in
 * the composer, where the agent can still change it before Send.
 */
test('quick responses: search, fill the variables, check the known ones, Insert, then Send', async ({
  browser,
}) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');

  const chat = await startChat(customer.page, 'Olga Berg', 'Where is my parcel?');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Olga Berg/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  const pane = agent.page.getByRole('tabpanel');
  const composer = pane.getByRole('textbox', { name: 'Message' });
  await expect(pane.getByText('Where is my parcel?')).toBeVisible();

  // >> opens the pane; its search finds the answer by a word of its text.
  const open = pane.getByRole('button', { name: 'Quick responses' });
  await expect(open).toHaveText('>>');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const quick = pane.getByRole('region', { name: 'Quick responses' });
  await quick.getByRole('searchbox', { name: 'Search quick responses' }).fill('warehouse');
  await expect(quick.getByRole('button', { name: /Greeting/ })).toBeHidden();
  await quick.getByRole('button', { name: /Order status/ }).click();

  // Its own variables are empty, and Insert waits for them.
  const insert = quick.getByRole('button', { name: 'Insert' });
  await expect(insert).toBeDisabled();
  const preview = quick.getByRole('status', { name: 'Preview' });
  await expect(preview).toContainText('Your order {{order_number}} left our warehouse on {{date}}');
  await quick.getByRole('textbox', { name: 'Order number' }).fill('A-1042');
  await quick.getByRole('textbox', { name: 'Date' }).fill('Monday');
  await expect(preview).toHaveText(
    'Thank you for waiting. Your order A-1042 left our warehouse on Monday and should reach you within two working days.',
  );
  await insert.click();
  await expect(quick).toBeHidden();
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue(
    'Thank you for waiting. Your order A-1042 left our warehouse on Monday and should reach you within two working days.',
  );

  // Inserted where the caret was, the agent's own words kept; the customer gets it only on Send.
  await composer.fill('Hi! ');
  await open.click();
  await quick.getByRole('button', { name: /Greeting/ }).click();
  // Known to the desktop: the customer's and the agent's names, filled in for the agent to check.
  await expect(quick.getByRole('textbox', { name: 'Customer name' })).toHaveValue('Olga Berg');
  const name = quick.getByRole('textbox', { name: 'Your name' });
  await expect(name).toHaveValue('Alice Agent');
  await name.fill('Alice');
  await insert.click();
  await expect(composer).toHaveValue('Hi! Hello Olga Berg, my name is Alice. How can I help you today?');
  await expect(chat.getByText(/my name is Alice/)).toBeHidden();
  await pane.getByRole('button', { name: 'Send' }).click();
  await expect(
    chat.getByText('Hi! Hello Olga Berg, my name is Alice. How can I help you today?'),
  ).toBeVisible();

  // Escape closes the pane and gives the composer back.
  await open.click();
  await expect(quick).toBeVisible();
  await agent.page.keyboard.press('Escape');
  await expect(quick).toBeHidden();
  await expect(composer).toBeFocused();

  await endAndWrapUp(agent.page);
  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});
