import { randomUUID } from 'node:crypto';
import { maskSensitiveData } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PHOTO } from '../src/simulator/simulator-media';
import { BACKENDS, loginAgent, record, serverForSuite, startCustomer } from './harness';

const DAY = 86_400_000;
const CARD = '4111 1111 1111 1111';
/** The seeds' rule: the last four digits stay, everything before them is a star, spaces too. */
const STARRED = '***************1111';
const masked = (text: string) => maskSensitiveData({ text }).text;

/**
 * SENSITIVE_DATA_RETENTION_DAYS (30 by default) after a conversation ended, the values in its
 * stored text are overwritten with their masked form for good: what a card holder's data may not
 * outlive (PCI DSS), whatever the desktop's masking setting.
 */
describe.each(BACKENDS)('redaction of ended conversations (%s)', (backend) => {
  const server = serverForSuite(backend);

  /** A live chat with a card in the customer's words, an answer, a file, ended and wrapped up with notes. */
  const endedChat = async (name: string) => {
    const t = server();
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const events = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    const customer = await startCustomer(t.baseUrl, { name, message: `My card ${CARD} was charged twice` });
    const offer = await events.next(
      'offer.created',
      (o: any) => o.conversationId === customer.conversationId,
    );
    expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    await alice.post(`/api/conversations/${customer.conversationId}/messages`, {
      body: 'Write to refunds@example.com and we will sort it out',
      clientMessageId: randomUUID(),
    });
    const file = await fetch(
      `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments?clientMessageId=f1&name=${encodeURIComponent(`receipt ${CARD}.png`)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${customer.token}` },
        body: new Blob([new Uint8Array(SAMPLE_PHOTO)]),
      },
    ).then((answer) => answer.json());
    // Handed back to the queue with a comment for the next agent, then the customer gives up.
    const targets = (await alice.get('/api/transfer-targets?channel=livechat')).body;
    const support = targets.queues.find((q: any) => q.name === 'Support').id;
    const moved = await alice.post(`/api/conversations/${customer.conversationId}/transfer`, {
      target: { type: 'queue', queueId: support },
      comment: `Refund the double charge on ${CARD}`,
    });
    expect(moved.status).toBe(200);
    const lists = (await alice.get('/api/agent/bootstrap')).body;
    const wrapped = await alice.post(`/api/conversations/${customer.conversationId}/wrap-up`, {
      wrapUpReasonId: lists.wrapUpReasons.find((r: any) => r.name === 'Resolved').id,
      notes: `Refunded the second charge on ${CARD}`,
    });
    expect(wrapped.status).toBe(204);
    await alice.put('/api/agent/state', {
      state: 'idle',
      idleReasonId: lists.idleReasons.find((r: any) => r.name === 'Break').id,
    });
    expect((await customer.end()).status).toBe(204);
    return { conversationId: customer.conversationId, fileMessage: file };
  };

  it('overwrites the values of a conversation ended past the period, everywhere they were stored, once', async () => {
    const t = server();
    const old = await endedChat('Old Card');
    t.clock.advance(31 * DAY);
    const recent = await endedChat('Recent Card');

    const done = await t.server.redaction.pass();
    expect(done.conversations).toBe(1);
    // Stored values overwritten: the card in the customer's words, the address in the answer, the
    // notes' card, the transfer comment's card twice (its line in the thread, the transfer itself),
    // and the file name's card three times (the message's text, its list of files, the file's row).
    expect(done.values).toBe(8);
    expect(await t.server.redaction.pass()).toEqual({ conversations: 0, values: 0 });

    // The supervisor's history, masking off: what is stored now.
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    const history = async (conversationId: string) =>
      (await sam.get(`/api/supervisor/conversations/${conversationId}`)).body;
    const before = await history(recent.conversationId);
    const after = await history(old.conversationId);
    const bodies = (detail: any) =>
      detail.messages.filter((m: any) => m.author !== 'system').map((m: any) => m.body);
    expect(bodies(before)).toEqual([
      `My card ${CARD} was charged twice`,
      'Write to refunds@example.com and we will sort it out',
      `[image] receipt ${CARD}.png`,
    ]);
    expect(bodies(after)).toEqual([
      `My card ${STARRED} was charged twice`,
      masked('Write to refunds@example.com and we will sort it out'),
      `[image] receipt ${STARRED}.png`,
    ]);
    expect(bodies(after)[1]).not.toContain('refunds@');
    const comment = (detail: any) =>
      detail.messages.find((m: any) => m.systemEvent === 'transfer_comment')?.body;
    expect(comment(before)).toBe(`Refund the double charge on ${CARD}`);
    expect(comment(after)).toBe(`Refund the double charge on ${STARRED}`);
    const stored = await t.database.db.execute(
      `select comment from routing_requests where conversation_id = '${old.conversationId}'` as never,
    );
    expect(JSON.stringify(stored)).toContain(`Refund the double charge on ${STARRED}`);
    expect(after.wrapUps.map((w: any) => w.notes)).toEqual([`Refunded the second charge on ${STARRED}`]);
    expect(before.wrapUps.map((w: any) => w.notes)).toEqual([`Refunded the second charge on ${CARD}`]);
    // The file is still there, under its redacted name.
    const fileMessage = after.messages.find((m: any) => m.id === old.fileMessage.id);
    expect(fileMessage.attachments).toMatchObject([{ name: `receipt ${STARRED}.png`, status: 'ready' }]);
    const download = await fetch(
      `${t.baseUrl}/api/supervisor/conversations/${old.conversationId}/attachments/${fileMessage.attachments[0].id}`,
      { headers: { cookie: sam.cookie } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).not.toContain('4111');
  });

  it('leaves a conversation that has not ended, however old', async () => {
    const t = server();
    const waiting = await startCustomer(t.baseUrl, { name: 'Still Waiting', message: `Card ${CARD}` });
    t.clock.advance(400 * DAY);
    await t.server.redaction.pass();
    const thread = (await waiting.get('/messages')).body.messages;
    expect(thread[0].body).toBe(`Card ${CARD}`);
    await waiting.end();
  });
});

describe('SENSITIVE_DATA_RETENTION_DAYS=0', () => {
  const server = serverForSuite('pglite', { SENSITIVE_DATA_RETENTION_DAYS: '0' });

  it('keeps every value', async () => {
    const t = server();
    const customer = await startCustomer(t.baseUrl, { name: 'Kept Forever', message: `Card ${CARD}` });
    expect((await customer.end()).status).toBe(204);
    t.clock.advance(3650 * DAY);
    expect(await t.server.redaction.pass()).toEqual({ conversations: 0, values: 0 });
    expect((await customer.get('/messages')).body.messages[0].body).toBe(`Card ${CARD}`);
  });
});
