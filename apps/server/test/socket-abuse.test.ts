import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  connect,
  loginAgent,
  record,
  request,
  serverForSuite,
  startCustomer,
  type TestServer,
} from './harness';

/**
 * Socket events come from anyone holding a chat token: no shape, size or rate of event may end the
 * process, stall it for others, or reach an agent unthrottled.
 */

/** Sends an event as a hostile client would, and waits until the server has read what came before. */
const rawEmit = (socket: Socket, ...args: unknown[]) => (socket.emit as (...a: unknown[]) => void)(...args);
const roundTrip = (socket: Socket) =>
  socket.timeout(10_000).emitWithAck('typing', { typing: false, conversationId: randomUUID() });

const closedByServer = (socket: Socket) =>
  new Promise<string>((done) => {
    if (!socket.connected) {
      done('already closed');
      return;
    }
    socket.once('disconnect', (reason) => done(reason));
  });

const hostileArguments: unknown[][] = [
  [{ typing: true }, 'x'],
  [{ typing: true }, 42, null],
  [],
  [null],
  ['typing'],
  [{ typing: 'yes' }, 'not a function'],
  [{ conversationId: '------------------------------------', typing: true }, {}],
  [JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`), []],
  [{ typing: true, conversationId: '\u0000', extra: '\ud800'.repeat(1000) }],
  [Buffer.alloc(32_000, 1)],
];

describe.each(BACKENDS)('hostile socket events (%s)', (backend) => {
  // The limit is raised so that the hostile shapes below are all read; the flood still passes it.
  const server = serverForSuite(backend, { CHAT_START_RATE_LIMIT: '1000', SOCKET_EVENT_RATE_LIMIT: '50' });
  let t: TestServer;
  let alice: AgentClient;

  beforeAll(async () => {
    t = server();
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
  });

  it('answers every malformed event and acknowledgement shape, on both namespaces, and keeps serving', async () => {
    const agentSocket = await alice.socket();
    const customer = await startCustomer(t.baseUrl, { name: 'Hostile' });
    const customerSocket = await customer.socket();
    for (const args of hostileArguments) {
      rawEmit(customerSocket, 'typing', ...args);
      rawEmit(agentSocket, 'typing', ...args);
      rawEmit(customerSocket, 'no-such-event', ...args);
    }
    // An acknowledgement alone, with no payload, is answered too.
    const onlyAck = await customerSocket.timeout(10_000).emitWithAck('typing');
    expect(onlyAck).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const wrongId = await agentSocket
      .timeout(10_000)
      .emitWithAck('typing', { conversationId: '-'.repeat(36), typing: true });
    expect(wrongId).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

    // Both sockets are still served, and so is everybody else.
    expect(await roundTrip(agentSocket)).toMatchObject({ ok: false, code: 'NOT_A_PARTICIPANT' });
    expect(await customerSocket.timeout(10_000).emitWithAck('typing', { typing: false })).toEqual({
      ok: true,
    });
    expect((await request(t.baseUrl, 'GET', '/readyz')).status).toBe(200);
    expect((await customer.send('still here')).status).toBe(201);
    agentSocket.close();
    customerSocket.close();
    expect((await customer.end()).status).toBe(204);
  });

  it('refuses a socket handshake with an id that is not a UUID as unauthenticated, not as a server error', async () => {
    const customer = await startCustomer(t.baseUrl, { name: 'Dashes' });
    for (const conversationId of ['-'.repeat(36), `${customer.conversationId}\u0000`, { $ne: null }]) {
      const refused = await connect(`${t.baseUrl}/customer`, {
        auth: { token: customer.token, conversationId },
      }).catch((err: { data?: { code?: string } }) => err.data?.code);
      expect(refused).toBe('UNAUTHENTICATED');
    }
    expect((await customer.end()).status).toBe(204);
  });

  it('coalesces a typing flood, refuses what passes the limit and disconnects the flooder; others keep going', async () => {
    const agentSocket = await alice.socket();
    const agentEvents = record(agentSocket);
    expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    const flooder = await startCustomer(t.baseUrl, { name: 'Flooder' });
    const offer = await agentEvents.next(
      'offer.created',
      (o: any) => o.conversationId === flooder.conversationId,
    );
    expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    const neighbour = await startCustomer(t.baseUrl, { name: 'Neighbour' });
    const neighbourOffer = await agentEvents.next(
      'offer.created',
      (o: any) => o.conversationId === neighbour.conversationId,
    );
    expect((await alice.post(`/api/offers/${neighbourOffer.id}/accept`)).status).toBe(200);

    const socket = await flooder.socket();
    const closed = closedByServer(socket);
    const started = Date.now();
    // Batches of 20, each sent once the last is answered: a flood as fast as the server reads it.
    const settled: unknown[] = [];
    for (let batch = 0; batch < 100 && socket.connected; batch += 1) {
      const answers = Array.from({ length: 20 }, (_, i) =>
        socket
          .timeout(10_000)
          .emitWithAck('typing', { typing: i % 2 === 0 })
          .catch(() => 'lost'),
      );
      settled.push(...(await Promise.all(answers)));
    }
    expect(await closed).toBe('io server disconnect');
    const refused = settled.filter((a: any) => a?.code === 'RATE_LIMITED').length;
    const accepted = settled.filter((a: any) => a?.ok === true).length;
    expect(refused).toBeGreaterThanOrEqual(100);
    // What passed is the socket's burst (twice the limit of 50 a second) and its refill, no more.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(100 + Math.ceil((50 * (Date.now() - started)) / 1000));
    // Nor can it come straight back: its next socket is refused until its handshakes refill.
    await expect(flooder.socket()).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });

    // The neighbour's message reaches the agent while (and after) the flooder was cut off.
    expect((await neighbour.send('I am next in line')).status).toBe(201);
    await agentEvents.next(
      'message.created',
      (e: any) => e.conversationId === neighbour.conversationId && e.message.body === 'I am next in line',
    );
    // The agent heard a few coalesced indicators, never one per flood event.
    const elapsed = Date.now() - started;
    const typingPushes = agentEvents.seen.filter(
      (e) => e.event === 'typing' && e.payload.conversationId === flooder.conversationId,
    ).length;
    expect(typingPushes).toBeGreaterThan(0);
    expect(typingPushes).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 2);
    agentSocket.close();
  });
});
