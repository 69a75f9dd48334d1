import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

declare global {
  interface Window {
    shownNotifications: { title: string; body: string | undefined }[];
    /** The notifications themselves, for the test to click as the agent would. */
    notificationObjects: Notification[];
  }
}

const NOTIFICATIONS = 'Desktop notifications for contact requests and messages';

/**
 * A browser whose agent works in another window and allowed notifications: the desktop's page is
 * hidden (a headless page never is by itself), and every notification it shows is written down.
 */
const hiddenDesktop = async (browser: Browser) => {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.grantPermissions(['notifications']);
  await context.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    const Real = window.Notification;
    window.shownNotifications = [];
    window.notificationObjects = [];
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        window.shownNotifications.push({ title, body: options?.body });
        super(title, options);
        window.notificationObjects.push(this);
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    Object.defineProperty(Recorded, 'requestPermission', { value: Real.requestPermission.bind(Real) });
    window.Notification = Recorded as typeof Notification;
  });
  return context;
};

/**
 * An agent who works in another window turns on desktop notifications: the browser asks for
 * permission (granted here), and a contact request arriving while the desktop is hidden shows one,
 * with the customer and the queue.
 */
test('attention: a contact request shows a system notification while the desktop is hidden', async ({
  browser,
}) => {
  const context = await hiddenDesktop(browser);
  const page = await context.newPage();
  await loginAgent(page, 'bob@example.com');
  const toggle = page.getByRole('button', { name: NOTIFICATIONS });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await setState(page, 'Available');

  const customer = await newActor(browser);
  const chat = await startChat(customer.page, 'Nils Notified', 'Are you there?');
  await expect
    .poll(() => page.evaluate(() => window.shownNotifications))
    .toEqual([{ title: 'New contact request', body: 'Nils Notified · Support' }]);
  await page
    .getByRole('dialog', { name: /Contact request from Nils Notified/ })
    .getByRole('button', { name: 'Reject' })
    .click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await setState(page, 'Break');
  // The customer gives up: nothing of this test waits in the queue for the next.
  await chat.getByRole('button', { name: 'End chat' }).click();
  await customer.page.getByRole('alertdialog').getByRole('button', { name: 'End chat' }).click();
  await expect(chat.getByText(/This chat has ended/)).toBeVisible();
  await logout(page);
  await context.close();
  await customer.context.close();
});

/**
 * Twelve chats and another window: a customer's new message in a conversation the agent holds shows
 * a notification with its first words, one per conversation, none for the agent's own answers; a
 * click on it opens that conversation.
 */
test('attention: a customer’s new message shows a notification that opens its conversation', async ({
  browser,
}) => {
  const context = await hiddenDesktop(browser);
  const page = await context.newPage();
  await loginAgent(page, 'bob@example.com');
  const toggle = page.getByRole('button', { name: NOTIFICATIONS });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await setState(page, 'Available');

  const accept = async (name: string) => {
    const offer = page.getByRole('dialog', { name: new RegExp(`Contact request from ${name}`) });
    await offer.getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByRole('tab', { name: new RegExp(name) })).toBeVisible();
  };
  const first = await newActor(browser);
  const nora = await startChat(first.page, 'Nora First', 'Hello?');
  await accept('Nora First');
  const second = await newActor(browser);
  const nils = await startChat(second.page, 'Nils Second', 'Hi there');
  await accept('Nils Second');
  const noraTab = page.getByRole('tab', { name: /Nora First/ });
  const nilsTab = page.getByRole('tab', { name: /Nils Second/ });
  await noraTab.click();
  await expect(noraTab).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tabpanel').getByRole('textbox', { name: 'Message' }).fill('How can I help?');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Send' }).click();
  await expect(nora.getByText('How can I help?')).toBeVisible();

  const box = nils.getByRole('textbox', { name: 'Message' });
  await box.fill('My parcel\n\nnever came');
  await nils.getByRole('button', { name: 'Send' }).click();
  const expected = [
    { title: 'New contact request', body: 'Nora First · Support' },
    { title: 'New contact request', body: 'Nils Second · Support' },
    { title: 'New message from Nils Second', body: 'My parcel never came' },
  ];
  await expect.poll(() => page.evaluate(() => window.shownNotifications)).toEqual(expected);
  // The tab shows the newest words of the customer's, not the line that the agent joined.
  await expect(nilsTab).toHaveAccessibleDescription(/My parcel never came/);
  // The agent's own answer and what they have already seen bring nothing more.
  expect(await page.evaluate(() => window.shownNotifications.length)).toBe(3);

  // A click on the notification opens Nils's conversation, where the message is.
  await page.evaluate(() => {
    const last = window.notificationObjects[window.notificationObjects.length - 1]!;
    last.onclick?.(new Event('click'));
  });
  await expect(nilsTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByText(/never came/)).toBeVisible();

  await toggle.click();
  await setState(page, 'Break');
  await endAndWrapUp(page);
  await noraTab.click();
  await endAndWrapUp(page);
  await expect(page.getByRole('tab')).toHaveCount(0);
  await logout(page);
  await context.close();
  await first.context.close();
  await second.context.close();
});
