import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

export interface Actor {
  context: BrowserContext;
  page: Page;
}

/** A new browser context, like a different person's browser. */
export const newActor = async (browser: Browser, locale = 'en-US'): Promise<Actor> => {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  return { context, page };
};

export const loginAgent = async (page: Page, email: string) => {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
};

export const setState = async (page: Page, state: string) => {
  await page.getByLabel('State', { exact: true }).selectOption({ label: state });
};

export const startChat = async (page: Page, name: string, firstMessage?: string) => {
  await page.goto('/demo');
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const chat = page.getByRole('region', { name: 'Live chat' });
  await chat.getByLabel('Name').fill(name);
  await chat.getByRole('button', { name: 'Start chat' }).click();
  if (firstMessage) {
    await chat.getByRole('textbox', { name: 'Message' }).fill(firstMessage);
    await chat.getByRole('button', { name: 'Send' }).click();
  }
  return chat;
};

/** Agents log out when done: an agent left Available would be offered the next test's chats. */
export const logout = async (page: Page) => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
};

/** End the open conversation in the pane, confirm, and submit the wrap-up with a reason. */
export const endAndWrapUp = async (page: Page, reason = 'Resolved') => {
  await page.getByRole('tabpanel').getByRole('button', { name: 'End', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'End this conversation?' })
    .getByRole('button', { name: 'End', exact: true })
    .click();
  const wrapUp = page.getByRole('dialog', { name: 'Wrap-up' });
  await wrapUp.getByText(reason).click();
  await wrapUp.getByRole('button', { name: 'Submit wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
};

/** An administrator's Configuration, at one of its sections (Lists, Users and teams, Queues, Assets...). */
export const openConfiguration = async (page: Page, section: string) => {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Configuration' })
    .click();
  const config = page.getByRole('main', { name: 'Configuration' });
  await config
    .getByRole('navigation', { name: 'Configuration sections' })
    .getByRole('button', { name: section })
    .click();
  return config;
};
