import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { mayReadMetrics } from '../src/http/routes/health';
import { serverForSuite } from './harness';

/**
 * GET /metrics tells the center's volume (domain events by type) and the process's insides: not
 * for the internet. Prometheus sends METRICS_TOKEN; without one, only a scraper on this host.
 */
const scrape = async (baseUrl: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${baseUrl}/metrics`, { headers });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null,
  };
};

const REFUSED = { statusCode: 403, code: 'METRICS_FORBIDDEN' };

describe('metrics without METRICS_TOKEN', () => {
  const server = serverForSuite('pglite');

  it('are served to a scraper on this host', async () => {
    const { status, text } = await scrape(server().baseUrl);
    expect(status).toBe(200);
    expect(text).toContain('switchboard_domain_events_total');
  });

  it.each<Record<string, string>>([
    { 'x-forwarded-for': '203.0.113.9' },
    { forwarded: 'for=203.0.113.9;proto=https' },
    { 'x-real-ip': '203.0.113.9' },
  ])('are refused to a request a proxy on this host forwarded (%j), with their code', async (headers) => {
    const { status, json, text } = await scrape(server().baseUrl, headers);
    expect(status).toBe(403);
    expect(json).toMatchObject(REFUSED);
    expect(text).not.toContain('switchboard_');
  });
});

describe('metrics with METRICS_TOKEN', () => {
  const token = 'scrape-me-0123456789abcdef';
  const server = serverForSuite('pglite', { METRICS_TOKEN: token });

  it('are served to whoever sends the token, wherever from', async () => {
    const { status, text } = await scrape(server().baseUrl, {
      authorization: `Bearer ${token}`,
      'x-forwarded-for': '203.0.113.9',
    });
    expect(status).toBe(200);
    expect(text).toContain('switchboard_domain_events_total');
  });

  it.each<Record<string, string>>([
    {},
    { authorization: 'Bearer wrong-token-0123456789' },
    { authorization: token },
  ])('are refused without it, also on this host (%j)', async (headers) => {
    const { status, json } = await scrape(server().baseUrl, headers);
    expect(status).toBe(403);
    expect(json).toMatchObject(REFUSED);
  });

  it('must be long enough to be a secret', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: at least 16 characters/);
  });
});

describe('who may read the metrics', () => {
  const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
    ({ socket: { remoteAddress }, headers }) as unknown as FastifyRequest;

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])(
    'without a token: this host (%s)',
    (address) => {
      expect(mayReadMetrics(from(address), null)).toBe(true);
    },
  );

  it.each(['203.0.113.9', '10.0.0.5', '::ffff:10.0.0.5', 'fe80::1', '::2'])(
    'without a token: not another host (%s)',
    (address) => {
      expect(mayReadMetrics(from(address), null)).toBe(false);
    },
  );

  it('with a token: whoever sends it, and nobody else', () => {
    const token = 'scrape-me-0123456789abcdef';
    expect(mayReadMetrics(from('203.0.113.9', { authorization: `Bearer ${token}` }), token)).toBe(true);
    expect(mayReadMetrics(from('127.0.0.1'), token)).toBe(false);
  });
});
