import { expect, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

/**
 * The walking skeleton, as two people would use it: a customer on /demo, an agent on the desktop,
 * each in their own browser context.
 */
test.describe.configure({ mode: 'serial' });

test('a customer and an agent hold a live-chat conversation; the agent ends it with a wrap-up', async ({
  browser,
}) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);

  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');
  await expect(agent.page).toHaveTitle('Switchboard');
  // The alert sound is on unless the agent turns it off; the choice stays in this browser.
  const sound = agent.page.getByRole('button', { name: 'Alert sound for contact requests' });
  await expect(sound).toHaveAttribute('aria-pressed', 'true');

  const chat = await startChat(customer.page, 'Melissa Jones', 'Hi, my tent has a hole in it');
  await expect(chat.getByText('Hi, my tent has a hole in it')).toBeVisible();
  // The tab's title counts what asks for the agent, for one working in another window.
  await expect(agent.page).toHaveTitle('(1) Switchboard');

  // The offer: customer name, queue, thread preview, agent name, a timer; Accept and Reject.
  const offer = agent.page.getByRole('dialog', { name: /Contact request from Melissa Jones/ });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('Support');
  await expect(offer).toContainText('Hi, my tent has a hole in it');
  await expect(offer).toContainText('Alice Agent');
  await expect(offer.getByRole('button', { name: 'Reject' })).toBeVisible();
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(offer).toBeHidden();

  const tab = agent.page.getByRole('tab', { name: /Melissa Jones/ });
  await expect(tab).toBeVisible();
  const pane = agent.page.getByRole('tabpanel');
  await expect(pane.getByText('Hi, my tent has a hole in it')).toBeVisible();
  await expect(chat.getByText(/Alice Agent joined the chat/)).toBeVisible();

  // The composer: counter with the channel's limit, < and > refused, Enter sends, Shift+Enter a new line.
  const composer = pane.getByRole('textbox', { name: 'Message' });
  await composer.pressSequentially('Sorry to hear <that');
  await expect(pane.getByText("< and > are reserved for message templates and can't be sent")).toBeVisible();
  await expect(composer).toHaveValue('Sorry to hear that');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('Which model is it?');
  await expect(pane.getByText('37 / 1000')).toBeVisible();
  // Accepted, the customer still waits for an answer: still counted, until the agent writes.
  await expect(agent.page).toHaveTitle('(1) Switchboard');
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
  await expect(chat.getByText('Which model is it?')).toBeVisible();
  await expect(agent.page).toHaveTitle('Switchboard');
  // The customer's chat is open on a page in view: the agent sees the answer read.
  const answer = pane.getByRole('listitem').filter({ hasText: 'Which model is it?' });
  await expect(answer.getByText('Read', { exact: true })).toBeVisible();
  // Minimized, the chat shows nothing: an answer stays unread until the customer opens it again.
  await customer.page.getByRole('button', { name: 'Minimize chat' }).click();
  await composer.fill('Is it the green one?');
  await composer.press('Enter');
  const unseen = pane.getByRole('listitem').filter({ hasText: 'Is it the green one?' });
  await expect(unseen).toBeVisible();
  await expect(customer.page.getByRole('button', { name: /Chat with us/ })).toHaveAccessibleDescription(/1/);
  await expect(unseen.getByText('Read', { exact: true })).toBeHidden();
  await customer.page.getByRole('button', { name: /Chat with us/ }).click();
  await expect(chat.getByText('Is it the green one?')).toBeVisible();
  await expect(unseen.getByText('Read', { exact: true })).toBeVisible();

  // The customer answers; the agent sees it live, in a grey bubble with the customer's initials.
  const customerBox = chat.getByRole('textbox', { name: 'Message' });
  await customerBox.fill('The Trailblazer 2');
  await customerBox.press('Enter');
  await expect(pane.getByText('The Trailblazer 2')).toBeVisible();
  await expect(pane.getByText('MJ', { exact: true }).first()).toBeVisible();

  // A reload keeps the customer's conversation.
  await customer.page.reload();
  const chatAfterReload = customer.page.getByRole('region', { name: 'Live chat' });
  if (!(await chatAfterReload.isVisible())) {
    await customer.page.getByRole('button', { name: 'Chat with us' }).click();
  }
  await expect(chatAfterReload.getByText('The Trailblazer 2')).toBeVisible();
  await expect(chatAfterReload.getByText('Which model is it?')).toBeVisible();

  // End asks to confirm, then the wrap-up dialog: search, reasons, notes, Submit wrap-up.
  await pane.getByRole('button', { name: 'End', exact: true }).click();
  const confirm = agent.page.getByRole('dialog', { name: 'End this conversation?' });
  await confirm.getByRole('button', { name: 'End', exact: true }).click();
  const wrapUp = agent.page.getByRole('dialog', { name: 'Wrap-up' });
  await expect(wrapUp).toBeVisible();
  await expect(wrapUp.getByRole('button', { name: 'Submit wrap-up' })).toBeDisabled();
  await wrapUp.getByRole('searchbox', { name: 'Search wrap-up reasons' }).fill('follow');
  await expect(wrapUp.getByText('Resolved')).toBeHidden();
  await wrapUp.getByText('Follow-up needed').click();
  await wrapUp.getByLabel('Notes').fill('Send a repair kit');
  await wrapUp.getByRole('button', { name: 'Submit wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await expect(tab).toBeHidden();
  await expect(chatAfterReload.getByText(/ended/i).first()).toBeVisible();

  // Sound off, and still off after a reload.
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  await agent.page.reload();
  await expect(agent.page.getByRole('button', { name: 'Alert sound for contact requests' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await agent.page.getByRole('button', { name: 'Alert sound for contact requests' }).click();

  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});

test('when the customer ends first the agent sees it and can only end', async ({ browser }) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(agent.page, 'bob@example.com');
  await setState(agent.page, 'Available');

  const chat = await startChat(customer.page, 'Jonas Berg', 'Is the store open on Sunday?');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Jonas Berg/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  const pane = agent.page.getByRole('tabpanel');
  await expect(pane.getByText('Is the store open on Sunday?')).toBeVisible();

  await chat.getByRole('button', { name: 'End chat' }).click();
  await customer.page.getByRole('alertdialog').getByRole('button', { name: 'End chat' }).click();
  await expect(chat.getByText(/This chat has ended/)).toBeVisible();

  await expect(pane.getByText('Customer has left the chat').first()).toBeVisible();
  await expect(pane.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await endAndWrapUp(agent.page);
  await expect(agent.page.getByRole('tab', { name: /Jonas Berg/ })).toBeHidden();

  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});

test("an agent is refused another agent's conversation; several conversations appear as tabs", async ({
  browser,
}) => {
  const alice = await newActor(browser);
  const bob = await newActor(browser);
  await loginAgent(alice.page, 'alice@example.com');
  await loginAgent(bob.page, 'bob@example.com');
  await setState(alice.page, 'Available');

  const first = await newActor(browser);
  const second = await newActor(browser);
  await startChat(first.page, 'Ana López', 'Hola');
  await alice.page
    .getByRole('dialog', { name: /Contact request from Ana López/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await startChat(second.page, 'Pierre Martin', 'Bonjour');
  await alice.page
    .getByRole('dialog', { name: /Contact request from Pierre Martin/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(alice.page.getByRole('tab')).toHaveCount(2);
  await alice.page.getByRole('tab', { name: /Ana López/ }).click();
  await expect(alice.page.getByRole('tabpanel').getByText('Hola')).toBeVisible();

  const conversations = await alice.page.request.get('/api/agent/bootstrap').then((r) => r.json());
  const id = conversations.conversations[0].id as string;
  const refused = await bob.page.request.get(`/api/conversations/${id}`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe('NOT_A_PARTICIPANT');

  // Both chats end and are wrapped up: Alice leaves holding nothing, as the next tests expect.
  for (const name of [/Ana López/, /Pierre Martin/]) {
    await alice.page.getByRole('tab', { name }).click();
    await endAndWrapUp(alice.page);
  }
  await expect(alice.page.getByRole('tab')).toHaveCount(0);
  await logout(alice.page);
  await logout(bob.page);
  for (const actor of [alice, bob, first, second]) {
    await actor.context.close();
  }
});

test('the desktop speaks the browser language and can be switched', async ({ browser }) => {
  const agent = await newActor(browser, 'sv-SE');
  await agent.page.goto('/');
  await expect(agent.page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await agent.page.getByLabel('Språk').selectOption({ label: 'Deutsch' });
  await expect(agent.page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
  await expect(agent.page.locator('html')).toHaveAttribute('lang', 'de');
  await agent.context.close();
});
