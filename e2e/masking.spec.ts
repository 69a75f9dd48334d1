import { expect, type Page, test } from '@playwright/test';
import {
  endAndWrapUp,
  loginAgent,
  logout,
  newActor,
  openConfiguration,
  setState,
  startChat,
} from './fixtures';

const CARD = '4111 1111 1111 1111';
const EMAIL = 'melissa@gmail.com';
const PHONE = '+447966197542';

/** The administrator's switch, in Configuration → Settings and audit log. */
const openSettings = (page: Page) => openConfiguration(page, 'Settings and audit log');

test('with masking on, the agent’s browser never receives the raw values', async ({ browser }) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const config = await openSettings(admin.page);
  const mask = config.getByRole('switch', { name: 'Mask customer-sensitive data' });
  await expect(mask).not.toBeChecked();
  await mask.click();
  await expect(mask).toBeChecked();
  // The change is in the audit log at once, with who made it.
  const audit = config.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row').nth(1)).toContainText('Ada Admin');
  await expect(audit.getByRole('row').nth(1)).toContainText('Setting: changed');
  await expect(audit.getByRole('row').nth(1)).toContainText('maskSensitiveData: false → true');

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

  // Turned off again from the desktop; an agent cannot reach the setting at all.
  await mask.click();
  await expect(mask).not.toBeChecked();
  await expect(audit.getByRole('row').nth(1)).toContainText('maskSensitiveData: true → false');
  await admin.page.reload();
  await expect(
    (await openSettings(admin.page)).getByRole('switch', { name: 'Mask customer-sensitive data' }),
  ).not.toBeChecked();
  await logout(admin.page);
  for (const actor of [admin, agent, customer]) {
    await actor.context.close();
  }
});
