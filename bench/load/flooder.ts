/**
 * The flooder of bench/load, in a process of its own as an attacker would be (the senders' event
 * loop then measures the server, not this loop): a customer typing as fast as its socket carries
 * it, 1,000 `typing` events every 100 ms while connected, back after each kick. It stops on
 * SIGTERM and prints its counts as one line of JSON.
 *
 *   FLOOD_URL=http://127.0.0.1:8080 FLOOD_TOKEN=… FLOOD_CONVERSATION=… node --import tsx bench/load/flooder.ts
 */
import { io, type Socket } from 'socket.io-client';

const url = process.env.FLOOD_URL ?? '';
const auth = { token: process.env.FLOOD_TOKEN ?? '', conversationId: process.env.FLOOD_CONVERSATION ?? '' };
const counts = { sent: 0, disconnects: 0, refusedHandshakes: 0 };
let flooding = true;
process.once('SIGTERM', () => {
  flooding = false;
});

const connect = () =>
  new Promise<Socket | null>((done) => {
    const socket = io(`${url}/customer`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth,
    });
    socket.once('connect', () => done(socket));
    socket.once('connect_error', () => {
      socket.close();
      done(null);
    });
  });

process.stdout.write('flooding\n');
while (flooding) {
  const socket = await connect();
  if (!socket) {
    counts.refusedHandshakes += 1;
    await new Promise((r) => setTimeout(r, 50));
    continue;
  }
  const closed = new Promise<void>((done) => socket.once('disconnect', () => done()));
  while (flooding && socket.connected) {
    for (let i = 0; i < 1000; i += 1) {
      socket.emit('typing', { typing: i % 2 === 0 });
    }
    counts.sent += 1000;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (socket.connected) {
    socket.close();
  } else {
    counts.disconnects += 1;
    await closed;
  }
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
process.exit(0);
