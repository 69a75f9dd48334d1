import { expect, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

const CARD = '4111 1111 1111 1111';
const EMAIL = 'melissa@gmail.com';
const PHONE = '+447966197542';

test('with masking on, the agent’s browser never receives the raw values', async ({ browser }) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const { csrfToken } = await admin.page.request.get('/api/auth/me').then((r) => r.json());
  const on = await admin.page.request.patch('/api/admin/settings', {
    data: { maskSensitiveData: true },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(on.status()).toBe(200);

  const agent = await newActor(browser);
  // Everything the page receives: HTTP answers and WebSocket frames, as its network log holds them.
  const received: string[] = [];
  agent.page.on('response', async (response) => {
    received.push(await response.text().catch(() => ''));
  });
  agent.page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => received.push(String(frame.payload)));
  });
  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');

  const customer = await newActor(browser);
  const chat = await startChat(customer.page, PHONE, `My card ${CARD} was charged twice, write to ${EMAIL}`);
  await expect(chat.getByText(CARD, { exact: false })).toBeVisible();

  const offer = agent.page.getByRole('dialog', { name: /Contact request from \*+7542/ });
  await expect(offer).toContainText('m******@gmail.com');
  await offer.getByRole('button', { name: 'Accept' }).click();
  const pane = agent.page.getByRole('tabpanel');
  await expect(pane.getByText(/\*+1111 was charged twice/)).toBeVisible();
  await expect(agent.page.getByRole('tab', { name: /\*+7542/ })).toBeVisible();

  const everything = received.join('\n');
  for (const raw of [CARD, CARD.replaceAll(' ', ''), EMAIL, PHONE, PHONE.slice(1)]) {
    expect(everything).not.toContain(raw);
  }
  await expect(agent.page.getByText(EMAIL)).toHaveCount(0);

  await endAndWrapUp(agent.page);
  await logout(agent.page);

  const off = await admin.page.request.patch('/api/admin/settings', {
    data: { maskSensitiveData: false },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(off.status()).toBe(200);
  await logout(admin.page);
  for (const actor of [admin, agent, customer]) {
    await actor.context.close();
  }
});
