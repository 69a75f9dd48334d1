import { expect, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

/**
 * Beyond the seeds: a tab turns urgent when its customer has waited for an answer longer than the
 * queue's response-time target, and calms down once the agent answers.
 */
test('a tab turns urgent past the queue’s response-time target and calms down on an answer', async ({
  browser,
}) => {
  const admin = await newActor(browser);
  const agent = await newActor(browser);
  const customer = await newActor(browser);

  // The administrator gives Support a 10-second target (the shortest there is).
  await loginAgent(admin.page, 'ada@example.com');
  const { csrfToken } = await (await admin.page.request.get('/api/auth/me')).json();
  const queues = (await (await admin.page.request.get('/api/admin/queues')).json()).queues;
  const support = queues.find((q: { name: string }) => q.name === 'Support');
  const setTarget = async (seconds: number) =>
    expect(
      (
        await admin.page.request.patch(`/api/admin/queues/${support.id}`, {
          data: { responseTargetSeconds: seconds },
          headers: { 'x-csrf-token': csrfToken },
        })
      ).status(),
    ).toBe(200);
  await setTarget(10);

  try {
    await loginAgent(agent.page, 'alice@example.com');
    await setState(agent.page, 'Available');
    const chat = await startChat(customer.page, 'Ulla Urgent', 'Hello, is anyone there?');
    await agent.page
      .getByRole('dialog', { name: /Contact request from Ulla Urgent/ })
      .getByRole('button', { name: 'Accept' })
      .click();
    const tab = agent.page.getByRole('tab', { name: /Ulla Urgent/ });
    await expect(tab).toBeVisible();

    // Waiting past 10 seconds: said in words for a screen reader, and in colour.
    await expect(tab).toHaveAccessibleDescription(/Waiting past the response target/, { timeout: 30_000 });
    await expect(tab).toHaveClass(/tab--urgent/);

    const composer = agent.page.getByRole('tabpanel').getByRole('textbox', { name: 'Message' });
    await composer.fill('Yes, I am here. How can I help?');
    await composer.press('Enter');
    await expect(chat.getByText('Yes, I am here. How can I help?')).toBeVisible();
    await expect(tab).not.toHaveClass(/tab--urgent/);
    await expect(tab).not.toHaveAccessibleDescription(/Waiting past the response target/);

    await endAndWrapUp(agent.page);
    await logout(agent.page);
  } finally {
    await setTarget(120);
  }
  for (const actor of [admin, agent, customer]) {
    await actor.context.close();
  }
});
