import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
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
