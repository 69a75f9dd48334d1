import { expect, type Page, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

/** Administrator calls through the API, as ada, with her session and CSRF token. */
const adminApi = async (page: Page) => {
  const { csrfToken } = await page.request.get('/api/auth/me').then((r) => r.json());
  const headers = { 'x-csrf-token': csrfToken };
  return {
    queue: async (name: string) =>
      (await page.request.get('/api/admin/queues').then((r) => r.json())).queues.find(
        (q: { name: string }) => q.name === name,
      ),
    patch: async (path: string, data: unknown) => {
      const res = await page.request.patch(path, { data, headers });
      expect(res.status(), await res.text()).toBe(200);
    },
  };
};

const stateControl = (page: Page) => page.getByLabel('State', { exact: true });

test('an unanswered offer puts the agent in RONA and goes to the next agent; Reject puts an agent in Refused', async ({
  browser,
}) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const api = await adminApi(admin.page);
  const support = await api.queue('Support');
  await api.patch(`/api/admin/queues/${support.id}`, { offerTimeoutSeconds: 15, noAnswerState: 'rona' });

  const alice = await newActor(browser);
  const bob = await newActor(browser);
  await loginAgent(alice.page, 'alice@example.com');
  await setState(alice.page, 'Available');
  await loginAgent(bob.page, 'bob@example.com');
  await setState(bob.page, 'Available');

  const customer = await newActor(browser);
  await startChat(customer.page, 'Olivia Brown', 'Hello?');
  // Alice has been Available the longest: the offer is hers. She lets it run out.
  const toAlice = alice.page.getByRole('dialog', { name: /Contact request from Olivia Brown/ });
  await expect(toAlice).toBeVisible();
  await expect(toAlice).toBeHidden({ timeout: 25_000 });
  await expect(stateControl(alice.page)).toHaveValue('rona');
  await expect(alice.page.getByText(/timed out/)).toBeVisible();

  // The chat went back to the queue, keeping its place, and reaches Bob. He rejects it.
  const toBob = bob.page.getByRole('dialog', { name: /Contact request from Olivia Brown/ });
  await toBob.getByRole('button', { name: 'Reject' }).click();
  await expect(stateControl(bob.page)).toHaveValue('refused');

  // Only the agent leaves RONA: Alice chooses Available again and gets the chat once more.
  await setState(alice.page, 'Available');
  await alice.page
    .getByRole('dialog', { name: /Contact request from Olivia Brown/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(alice.page.getByRole('tab', { name: /Olivia Brown/ })).toBeVisible();
  await endAndWrapUp(alice.page);

  await api.patch(`/api/admin/queues/${support.id}`, { offerTimeoutSeconds: 45 });
  for (const actor of [alice, bob, admin]) {
    await logout(actor.page);
    await actor.context.close();
  }
  await customer.context.close();
});

test('an agent at their limit gets no new offer until a conversation is wrapped up', async ({ browser }) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const api = await adminApi(admin.page);
  const alice = await newActor(browser);
  await loginAgent(alice.page, 'alice@example.com');
  const aliceId = (await alice.page.request.get('/api/auth/me').then((r) => r.json())).user.id;
  await api.patch(`/api/admin/users/${aliceId}`, { limits: { livechat: 1 } });
  await setState(alice.page, 'Available');

  const first = await newActor(browser);
  const second = await newActor(browser);
  await startChat(first.page, 'Kim Lee', 'First in line');
  await alice.page
    .getByRole('dialog', { name: /Contact request from Kim Lee/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await startChat(second.page, 'Ravi Patel', 'Second in line');
  // At her limit of one chat: Ravi waits.
  await alice.page.waitForTimeout(1500);
  await expect(alice.page.getByRole('dialog', { name: /Contact request from Ravi Patel/ })).toHaveCount(0);

  await endAndWrapUp(alice.page);
  // The wrap-up freed her capacity: Ravi's chat comes.
  await expect(alice.page.getByRole('dialog', { name: /Contact request from Ravi Patel/ })).toBeVisible();

  await api.patch(`/api/admin/users/${aliceId}`, { limits: { livechat: 3 } });
  // Ravi's chat is handled too, so no chat is left waiting for the tests after this one.
  await alice.page
    .getByRole('dialog', { name: /Contact request from Ravi Patel/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await endAndWrapUp(alice.page);
  for (const actor of [alice, admin]) {
    await logout(actor.page);
    await actor.context.close();
  }
  await first.context.close();
  await second.context.close();
});
