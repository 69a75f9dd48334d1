import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { endAndWrapUp, loginAgent, logout, newActor, setState, startChat } from './fixtures';

/**
 * Every screen, scanned by axe-core for what WCAG 2.1 A and AA ask that a machine can check
 * (names, roles, contrast, labels, landmarks): the agent's desk in each of its moments, the
 * customer's widget, the supervisor's views, every section of the configuration, the simulator.
 *
 * One rule is read more narrowly for the conversation tabs: axe's label-in-name check wants all of
 * a tab's visible text (the last message, the running timers) in its name. The tab's name is the
 * customer and the channel, its label as WCAG 2.5.3 means it; the rest is its description
 * (aria-describedby), read after it. Everywhere else the rule runs as it is.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const expectAccessible = async (page: Page, screen: string) => {
  const violations = [
    ...(await new AxeBuilder({ page }).withTags(TAGS).disableRules(['label-content-name-mismatch']).analyze())
      .violations,
    ...(
      await new AxeBuilder({ page })
        .withRules(['label-content-name-mismatch'])
        .exclude('[role="tab"].tab')
        .analyze()
    ).violations,
  ];
  const found = violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact,
    where: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }));
  expect(found).toEqual([]);
};

test('accessibility: the agent’s desk and the customer’s widget, from login to wrap-up', async ({
  browser,
}) => {
  const agent = await newActor(browser);
  await agent.page.goto('/');
  await expect(agent.page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expectAccessible(agent.page, 'login');
  await loginAgent(agent.page, 'alice@example.com');
  await expectAccessible(agent.page, 'desk, empty');
  await setState(agent.page, 'Available');

  const customer = await newActor(browser);
  await customer.page.goto('/demo');
  await expectAccessible(customer.page, 'demo page');
  await customer.page.getByRole('button', { name: 'Chat with us' }).click();
  await expect(customer.page.getByRole('region', { name: 'Live chat' })).toBeVisible();
  await expectAccessible(customer.page, 'widget, before the chat');
  const chat = await startChat(
    customer.page,
    'Ada Lovelace',
    'My card 4111 1111 1111 1111 was charged twice',
  );

  const offer = agent.page.getByRole('dialog', { name: /Contact request from Ada Lovelace/ });
  await expect(offer).toBeVisible();
  await expectAccessible(agent.page, 'desk, contact request');
  await offer.getByRole('button', { name: 'Accept' }).click();
  const pane = agent.page.getByRole('tabpanel');
  await pane.getByRole('textbox', { name: 'Message' }).fill('Let me look into it.');
  await pane.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByText('Let me look into it.')).toBeVisible();
  await expectAccessible(agent.page, 'desk, conversation');
  await expectAccessible(customer.page, 'widget, conversation');

  await pane.getByRole('button', { name: 'Quick responses' }).click();
  await expect(pane.getByRole('region', { name: 'Quick responses' })).toBeVisible();
  await expectAccessible(agent.page, 'quick responses');
  await pane.getByRole('button', { name: 'Quick responses' }).click();
  await expect(pane.getByRole('region', { name: 'Quick responses' })).toBeHidden();

  await pane.getByRole('button', { name: 'Transfer' }).click();
  const transfer = agent.page.getByRole('dialog', { name: 'Transfer request' });
  await expect(transfer.getByRole('radio', { name: /Support/ })).toBeVisible();
  await expectAccessible(agent.page, 'transfer');
  await transfer.getByRole('button', { name: 'Cancel' }).click();

  await pane.getByRole('button', { name: 'End', exact: true }).click();
  await agent.page
    .getByRole('dialog', { name: 'End this conversation?' })
    .getByRole('button', { name: 'End', exact: true })
    .click();
  await expect(agent.page.getByRole('dialog', { name: 'Wrap-up' })).toBeVisible();
  await expectAccessible(agent.page, 'wrap-up');
  await expect(chat.getByText(/This chat has ended/)).toBeVisible();
  await expectAccessible(customer.page, 'widget, ended');
  const wrapUp = agent.page.getByRole('dialog', { name: 'Wrap-up' });
  await wrapUp.getByText('Resolved').click();
  await wrapUp.getByRole('button', { name: 'Submit wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await setState(agent.page, 'Break');
  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});

test('accessibility: the supervisor’s views, the configuration and the simulator', async ({ browser }) => {
  const supervisor = await newActor(browser);
  await loginAgent(supervisor.page, 'sam@example.com');
  const views = supervisor.page.getByRole('navigation', { name: 'Views' });
  await expect(supervisor.page.getByRole('heading', { name: 'Queues and agents' })).toBeVisible();
  await expect(supervisor.page.getByRole('table').nth(1).getByText('Alice Agent')).toBeVisible();
  await expectAccessible(supervisor.page, 'queues and agents');
  await views.getByRole('button', { name: 'Reports' }).click();
  await expect(supervisor.page.getByRole('table').first()).toBeVisible();
  await expectAccessible(supervisor.page, 'reports');
  await views.getByRole('button', { name: 'History' }).click();
  await expect(supervisor.page.getByRole('heading', { name: 'Conversations of the period' })).toBeVisible();
  await expectAccessible(supervisor.page, 'history');
  // The conversation the first test held, opened whole: transcript, what happened, the wrap-up.
  const history = supervisor.page.getByRole('main', { name: 'History' });
  await history
    .getByRole('table', { name: 'Conversations of the period' })
    .getByRole('row', { name: /Ada Lovelace/ })
    .first()
    .getByRole('button', { name: 'Open the conversation with Ada Lovelace' })
    .click();
  await expect(history.getByRole('region', { name: 'Conversation with Ada Lovelace' })).toBeVisible();
  await expect(history.getByText('Let me look into it.')).toBeVisible();
  await expectAccessible(supervisor.page, 'history, a conversation');
  await logout(supervisor.page);

  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  await admin.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Configuration' })
    .click();
  const config = admin.page.getByRole('main', { name: 'Configuration' });
  // Each section with its content read (a name from the demo data), not its loading line.
  for (const [section, heading, content] of [
    ['Lists', 'Wrap-up reasons', 'Resolved'],
    ['Users and teams', 'Teams', 'alice@example.com'],
    ['Queues', 'Queues', 'Support'],
    ['Assets', 'Assets', 'Website'],
    ['Settings and audit log', 'Audit log', 'Mask customer-sensitive data'],
  ] as const) {
    await config
      .getByRole('navigation', { name: 'Configuration sections' })
      .getByRole('button', { name: section })
      .click();
    await expect(config.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(config.getByText(content).first()).toBeVisible();
    await expectAccessible(admin.page, `configuration: ${section}`);
  }
  // An administrator's History: a finished conversation and the erasure's dialog (cancelled).
  await admin.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'History' })
    .click();
  const adminHistory = admin.page.getByRole('main', { name: 'History' });
  await adminHistory
    .getByRole('table', { name: 'Conversations of the period' })
    .getByRole('row', { name: /Ada Lovelace/ })
    .first()
    .getByRole('button', { name: 'Open the conversation with Ada Lovelace' })
    .click();
  await adminHistory.getByRole('button', { name: 'Erase customer data' }).click();
  const erase = admin.page.getByRole('dialog', { name: 'Erase the data of Ada Lovelace?' });
  await expect(erase).toBeVisible();
  await expectAccessible(admin.page, 'erase customer data');
  await erase.getByRole('button', { name: 'Cancel' }).click();
  await expect(erase).toBeHidden();
  await logout(admin.page);

  const simulator = await newActor(browser);
  await simulator.page.goto('/simulator');
  await expect(simulator.page.getByRole('heading').first()).toBeVisible();
  await expectAccessible(simulator.page, 'simulator');
  await supervisor.context.close();
  await admin.context.close();
  await simulator.context.close();
});
