import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server answering as a provider would: the tests' stand-in for Meta and Twilio. */
export const startFakeProvider = async (
  answer: (req: Received, res: ServerResponse) => void,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> => {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(r);
      answer(r, res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};

export const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/**
 * Answers with a file's bytes and these headers: with its Content-Length, or without one
 * (`chunked`, as a streamed download comes) in two writes.
 */
export const bytes = (
  res: ServerResponse,
  status: number,
  body: Buffer,
  { headers = {}, chunked = false }: { headers?: OutgoingHttpHeaders; chunked?: boolean } = {},
) => {
  res.writeHead(status, chunked ? headers : { 'content-length': body.length, ...headers });
  if (chunked) {
    res.write(body.subarray(0, body.length >> 1));
  }
  res.end(chunked ? body.subarray(body.length >> 1) : body);
};

/**
 * A body that never ends (with these headers, e.g. a Content-Length it will not keep to): it
 * writes as fast as the client reads. Resolves with the bytes written once the client has hung
 * up, which is how a test sees that a download was stopped rather than read to its end.
 */
export const endless = (res: ServerResponse, headers: OutgoingHttpHeaders = {}): Promise<number> =>
  new Promise((hungUp) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    const pump = () => {
      // write() queues the chunk even when it answers false ("wait for drain").
      let more = true;
      while (more && !res.destroyed) {
        written += chunk.length;
        more = res.write(chunk);
      }
    };
    res.on('close', () => hungUp(written));
    res.on('drain', pump);
    res.writeHead(200, headers);
    pump();
  });

/** Headers and the first bytes, then nothing: a download that stalls. Resolves once the client hangs up. */
export const stall = (res: ServerResponse, headers: OutgoingHttpHeaders = {}): Promise<void> =>
  new Promise((hungUp) => {
    res.on('close', () => hungUp());
    res.writeHead(200, headers);
    res.write(Buffer.alloc(1024, 0x61));
  });
