import {
  CHANNEL_LIMIT,
  OFFER_TIMEOUT_SECONDS,
  ROUTING_STRATEGY_NAMES,
  ZCreateQueueRequestSchema,
  ZUpdateQueueRequestSchema,
  ZUpdateUserRequestSchema,
} from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { ROUTING_STRATEGIES } from '../src/routing/strategies';
import { changedFields, invalidField, QUEUE_DEFAULTS } from '../src/use-cases/admin/admin-rules';

describe('the administrator configuration rules', () => {
  it('lists in the contract exactly the routing strategies core registers', () => {
    expect([...ROUTING_STRATEGY_NAMES].sort()).toEqual([...ROUTING_STRATEGIES.keys()].sort());
  });

  it('gives a new queue defaults the contract itself accepts', () => {
    expect(QUEUE_DEFAULTS.offerTimeoutSeconds).toBe(45);
    const parsed = ZCreateQueueRequestSchema.safeParse({ name: 'Q', ...QUEUE_DEFAULTS });
    expect(parsed.success).toBe(true);
  });

  it('enforces the seeds’ ranges: offer timeout 15–300 s, up to 12 per channel', () => {
    for (const offerTimeoutSeconds of [OFFER_TIMEOUT_SECONDS.min, OFFER_TIMEOUT_SECONDS.max]) {
      expect(ZUpdateQueueRequestSchema.safeParse({ offerTimeoutSeconds }).success).toBe(true);
    }
    for (const offerTimeoutSeconds of [14, 301, 45.5]) {
      expect(ZUpdateQueueRequestSchema.safeParse({ offerTimeoutSeconds }).success).toBe(false);
    }
    expect(ZUpdateUserRequestSchema.safeParse({ limits: { whatsapp: CHANNEL_LIMIT.max } }).success).toBe(
      true,
    );
    expect(ZUpdateUserRequestSchema.safeParse({ limits: { whatsapp: 13 } }).success).toBe(false);
    expect(ZUpdateUserRequestSchema.safeParse({ limits: { fax: 1 } }).success).toBe(false);
    expect(
      ZUpdateUserRequestSchema.safeParse({ skills: [{ skill: 'French', proficiency: 11 }] }).success,
    ).toBe(false);
    expect(
      ZUpdateUserRequestSchema.safeParse({
        skills: [
          { skill: 'French', proficiency: 3 },
          { skill: 'french', proficiency: 4 },
        ],
      }).success,
    ).toBe(false);
  });

  it('records only what an update changes, as from and to', () => {
    expect(
      changedFields({ priority: 0, channels: ['sms'], name: 'A' }, { priority: 5, channels: ['sms'] }),
    ).toEqual({ priority: { from: 0, to: 5 } });
  });

  it('names the field in a 400', () => {
    const err = invalidField('body.teamId', 'no team has the id x');
    expect(err.status).toBe(400);
    expect(err.message).toContain('body.teamId');
  });
});
