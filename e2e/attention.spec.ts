import { expect, test } from '@playwright/test';
import { loginAgent, logout, newActor, setState, startChat } from './fixtures';

declare global {
  interface Window {
    shownNotifications: { title: string; body: string | undefined }[];
  }
}

/**
 * An agent who works in another window turns on desktop notifications: the browser asks for
 * permission (granted here), and a contact request arriving while the desktop is hidden shows one,
 * with the customer and the queue.
 */
test('attention: a contact request shows a system notification while the desktop is hidden', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.grantPermissions(['notifications']);
  await context.addInitScript(() => {
    // The agent works in another window: this page is hidden (a headless page never is by itself).
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    // The browser's own notifications, each also written down for the test to read.
    const Real = window.Notification;
    window.shownNotifications = [];
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        window.shownNotifications.push({ title, body: options?.body });
        super(title, options);
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    Object.defineProperty(Recorded, 'requestPermission', { value: Real.requestPermission.bind(Real) });
    window.Notification = Recorded as typeof Notification;
  });
  const page = await context.newPage();
  await loginAgent(page, 'bob@example.com');
  const toggle = page.getByRole('button', { name: 'Desktop notifications for contact requests' });
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
