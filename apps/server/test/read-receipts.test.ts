import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  loginAgent,
  record,
  request,
  serverForSuite,
  startCustomer,
} from './harness';

/**
 * Live chat's read receipts: the widget reports what the customer has seen, and the agent sees
 * "Read" under each of their messages up to there, as WhatsApp and Messenger report it.
 */
describe.each(BACKENDS)('read receipts on live chat (%s)', (backend) => {
  const server = serverForSuite(backend);

  const conversationWithAnswers = async (agent: AgentClient, answers: string[]) => {
    const events = record(await agent.socket());
    await agent.put('/api/agent/state', { state: 'available' });
    const customer = await startCustomer(server().baseUrl, { name: 'Rita Reader', message: 'Hello?' });
    const offer = await events.next(
      'offer.created',
      (o: any) => o.conversationId === customer.conversationId,
    );
    expect((await agent.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    const sent: any[] = [];
    for (const body of answers) {
      const res = await agent.post(`/api/conversations/${customer.conversationId}/messages`, {
        body,
        clientMessageId: randomUUID(),
      });
      expect(res.status).toBe(201);
      sent.push(res.body);
    }
    const read = (upToSeq: unknown, token = customer.token) =>
      request(server().baseUrl, 'POST', `/api/livechat/conversations/${customer.conversationId}/read`, {
        body: { upToSeq },
        headers: { authorization: `Bearer ${token}` },
      });
    const statuses = async () =>
      (await agent.get(`/api/conversations/${customer.conversationId}`)).body.messages
        .filter((m: any) => m.author === 'agent')
        .map((m: any) => [m.body, m.deliveryStatus ?? null]);
    return { customer, events, sent, read, statuses };
  };

  it('marks the agent’s messages read up to what the customer saw, and tells the agent live', async () => {
    const alice = await loginAgent(server().baseUrl, 'alice@example.com');
    const { events, sent, read, statuses } = await conversationWithAnswers(alice, [
      'First answer',
      'Second answer',
    ]);
    // Sent, not yet seen: no mark.
    expect(await statuses()).toEqual([
      ['First answer', null],
      ['Second answer', null],
    ]);

    expect((await read(sent[0].seq)).status).toBe(204);
    const updated = await events.next('message.updated', (e: any) => e.message.id === sent[0].id);
    expect(updated.message.deliveryStatus).toBe('read');
    expect(await statuses()).toEqual([
      ['First answer', 'read'],
      ['Second answer', null],
    ]);

    // Again, or older: nothing changes, nothing is pushed.
    const before = events.seen.filter((e) => e.event === 'message.updated').length;
    expect((await read(sent[0].seq)).status).toBe(204);
    expect((await read(1)).status).toBe(204);
    // Then the rest, past the end of the thread too: the second is read, once.
    expect((await read(sent[1].seq + 100)).status).toBe(204);
    await events.next('message.updated', (e: any) => e.message.id === sent[1].id);
    expect(events.seen.filter((e) => e.event === 'message.updated')).toHaveLength(before + 1);
    expect(await statuses()).toEqual([
      ['First answer', 'read'],
      ['Second answer', 'read'],
    ]);
  });

  it('answers malformed and foreign reports with their codes, changing nothing', async () => {
    const alice = await loginAgent(server().baseUrl, 'alice@example.com');
    const { read, statuses } = await conversationWithAnswers(alice, ['Only answer']);
    for (const upToSeq of [0, -1, 1.5, '3', null, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const res = await read(upToSeq);
      expect(res.status, JSON.stringify(upToSeq)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const other = await startCustomer(server().baseUrl, { name: 'Otto Other', message: 'Hi' });
    const foreign = await read(5, other.token);
    expect(foreign.status).toBe(401);
    expect(foreign.body.code).toBe('UNAUTHENTICATED');
    expect((await read(5, 'not-a-token')).status).toBe(401);
    expect(await statuses()).toEqual([['Only answer', null]]);
    await other.end();
  });
});
