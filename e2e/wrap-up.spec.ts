import { expect, test } from '@playwright/test';
import { loginAgent, logout, newActor, setState, startChat } from './fixtures';

/**
 * The wrap-up dialog as the guides have it: the reason (every guide), CXone's disposition and tags,
 * notes, and the Webex WhatsApp guide's next availability state, all sent with Submit wrap-up.
 */
test('wrap-up with a disposition, tags and the state to take next', async ({ browser }) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');

  const chat = await startChat(customer.page, 'Nora Lind', 'I want to upgrade my order');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Nora Lind/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  const pane = agent.page.getByRole('tabpanel');
  await expect(pane.getByText('I want to upgrade my order')).toBeVisible();
  await pane.getByRole('button', { name: 'End', exact: true }).click();
  await agent.page
    .getByRole('dialog', { name: 'End this conversation?' })
    .getByRole('button', { name: 'End', exact: true })
    .click();

  const wrapUp = agent.page.getByRole('dialog', { name: 'Wrap-up' });
  await wrapUp.getByText('Resolved').click();
  const disposition = wrapUp.getByRole('combobox', { name: 'Disposition' });
  await expect(disposition).toHaveValue('');
  await disposition.selectOption({ label: 'Sale' });
  const tags = wrapUp.getByRole('group', { name: 'Tags' });
  await tags.getByRole('checkbox', { name: 'VIP' }).check();
  await tags.getByRole('checkbox', { name: 'Delivery' }).check();
  await tags.getByRole('checkbox', { name: 'Delivery' }).uncheck();
  await tags.getByRole('checkbox', { name: 'Returns' }).check();
  const next = wrapUp.getByRole('combobox', { name: 'State after wrap-up' });
  await expect(next).toHaveValue('');
  await expect(next.getByRole('option', { name: 'Keep my current state' })).toHaveCount(1);
  await next.selectOption({ label: 'Lunch' });
  await wrapUp.getByRole('button', { name: 'Submit wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await expect(pane).toBeHidden();

  // The state chosen in the wrap-up is the agent's now.
  const state = agent.page.getByLabel('State', { exact: true });
  await expect(state.locator('option:checked')).toHaveText('Lunch');
  await expect(chat.getByText(/ended/i).first()).toBeVisible();

  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});
