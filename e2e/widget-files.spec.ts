import { crc32, deflateSync } from 'node:zlib';
import { expect, type Request, test } from '@playwright/test';
import {
  endAndWrapUp,
  loginAgent,
  logout,
  newActor,
  openConfiguration,
  setState,
  startChat,
} from './fixtures';

/** A PNG chunk: length, type, data, CRC of type and data. */
const chunk = (type: string, data: Buffer): Buffer => {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};

/** A valid RGB PNG of one colour, of a size no other picture in the app has. */
const png = (width: number, height: number): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  const row = Buffer.alloc(1 + width * 3); // filter byte 0, then the pixels
  for (let x = 0; x < width; x++) {
    row.set([0xc2, 0x6b, 0x1d], 1 + x * 3);
  }
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const WIDTH = 37;

test('a customer sends a picture from the widget and the agent sees it; a refused file is explained, not sent', async ({
  browser,
}) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');

  const chat = await startChat(customer.page, 'Greta Holm');
  const uploads: Request[] = [];
  customer.page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/attachments')) {
      uploads.push(r);
    }
  });

  // The paperclip opens the system's file picker; the customer chooses a photo.
  const attach = chat.getByRole('button', { name: 'Attach a file' });
  await expect(attach).toBeEnabled();
  const picker = customer.page.waitForEvent('filechooser');
  await attach.click();
  await (await picker).setFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: png(WIDTH, 23) });
  await expect(chat.getByText('parcel.png', { exact: true })).toBeVisible();
  // Stored: the pending line became the server's message (its time instead of Sending…).
  await expect(chat.getByText('Sending…')).toBeHidden();
  await expect(chat.getByText('Not sent.')).toHaveCount(0);
  expect(uploads).toHaveLength(1);
  expect(uploads[0]?.headers()['content-type']).toBe('image/png');

  const offer = agent.page.getByRole('dialog', { name: /Contact request from Greta Holm/ });
  await offer.getByRole('button', { name: 'Accept' }).click();
  const pane = agent.page.getByRole('tabpanel');
  const picture = pane.getByRole('img', { name: 'Image sent by Greta Holm' });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(WIDTH);

  // A web page is not taken: said in words at once, from the keyboard as well, and nothing goes.
  await attach.focus();
  const secondPicker = customer.page.waitForEvent('filechooser');
  await customer.page.keyboard.press('Enter');
  await (await secondPicker).setFiles({
    name: 'invoice.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<p>Invoice</p>'),
  });
  await expect(chat.getByRole('alert')).toHaveText(
    'Only pictures (JPEG, PNG, GIF, WebP), PDF and text files can be sent.',
  );
  await expect(attach).toHaveAccessibleDescription(
    'Only pictures (JPEG, PNG, GIF, WebP), PDF and text files can be sent.',
  );
  // A message after it arrives, and nothing before it did: the refused file never left the browser.
  const box = chat.getByRole('textbox', { name: 'Message' });
  await box.fill('The box was torn like this');
  await box.press('Enter');
  await expect(pane.getByText('The box was torn like this')).toBeVisible();
  expect(uploads).toHaveLength(1);
  await expect(chat.getByText('invoice.html')).toHaveCount(0);
  await expect(pane.getByText('invoice.html')).toHaveCount(0);
  // Sending the text cleared the refusal.
  await expect(chat.getByRole('alert')).toBeHidden();

  // Once the chat has ended there is nothing to attach to.
  await endAndWrapUp(agent.page);
  await expect(chat.getByText('This chat has ended')).toBeVisible();
  await expect(attach).toBeHidden();

  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});

test('an agent sends a picture from the desktop and the customer sees it in the widget', async ({
  browser,
}) => {
  const agent = await newActor(browser);
  const customer = await newActor(browser);
  await loginAgent(agent.page, 'alice@example.com');
  await setState(agent.page, 'Available');
  const chat = await startChat(customer.page, 'Hugo Serial');
  await agent.page
    .getByRole('dialog', { name: /Contact request from Hugo Serial/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  const pane = agent.page.getByRole('tabpanel');

  // The composer's paperclip: a page of HTML is refused in words, a picture goes.
  const attach = pane.getByRole('button', { name: 'Attach a file' });
  let picker = agent.page.waitForEvent('filechooser');
  await attach.click();
  await (await picker).setFiles({
    name: 'page.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<p>x</p>'),
  });
  await expect(pane.getByRole('alert')).toContainText(
    'Only pictures (JPEG, PNG, GIF, WebP), PDF and text files',
  );
  picker = agent.page.waitForEvent('filechooser');
  await attach.click();
  await (await picker).setFiles({ name: 'serial.png', mimeType: 'image/png', buffer: png(41, 19) });
  const mine = pane.getByRole('img', { name: 'Image sent by Alice Agent' });
  await expect.poll(() => mine.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(41);

  // The customer's widget fetches it with the chat's token and shows it in the agent's bubble.
  const theirs = chat.getByRole('img', { name: 'Picture from Alice Agent' });
  await expect.poll(() => theirs.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(41);

  await endAndWrapUp(agent.page);
  await logout(agent.page);
  await agent.context.close();
  await customer.context.close();
});

test('with files from customers turned off, the widget offers no paperclip', async ({ browser }) => {
  const admin = await newActor(browser);
  await loginAgent(admin.page, 'ada@example.com');
  const settings = await openConfiguration(admin.page, 'Settings and audit log');
  const files = settings.getByRole('switch', { name: 'Accept files from customers' });
  await expect(files).toBeChecked();
  await files.click();
  await expect(files).not.toBeChecked();
  await expect(settings.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1)).toContainText(
    'acceptCustomerFiles: true → false',
  );

  const customer = await newActor(browser);
  const chat = await startChat(customer.page, 'Paula Nofiles', 'Here is a photo of my card');
  await expect(chat.getByText('Here is a photo of my card')).toBeVisible();
  await expect(chat.getByRole('button', { name: 'Attach a file' })).toBeHidden();

  // The chat ends, so that no later spec is offered it, and files go on again (the default).
  await chat.getByRole('button', { name: 'End chat' }).click();
  await customer.page.getByRole('alertdialog').getByRole('button', { name: 'End chat' }).click();
  await expect(chat.getByText(/This chat has ended/)).toBeVisible();
  await files.click();
  await expect(files).toBeChecked();
  await logout(admin.page);
  await admin.context.close();
  await customer.context.close();
});
