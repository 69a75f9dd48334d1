import { describe, expect, it } from 'vitest';
import { actionKeys, detailLines } from './audit-entry';

describe('an audit entry as an administrator reads it', () => {
  it('names the subject and what happened to it, or leaves an unknown action as written', () => {
    expect(actionKeys('queue.updated')).toEqual({ subject: 'queue', verb: 'updated' });
    expect(actionKeys('masked_value.revealed')).toEqual({ subject: 'masked_value', verb: 'revealed' });
    expect(actionKeys('wrap-up-reason.deleted')).toEqual({ subject: 'wrap-up-reason', verb: 'deleted' });
    expect(actionKeys('queue.exploded')).toBeUndefined();
    expect(actionKeys('updated')).toBeUndefined();
    expect(actionKeys('')).toBeUndefined();
  });

  it('shows a setting’s change as before → after', () => {
    expect(detailLines({ subjectId: 'maskSensitiveData', details: { from: false, to: true } })).toEqual([
      'maskSensitiveData: false → true',
    ]);
  });

  it('shows every detail in order, lists joined, objects as JSON, long text cut', () => {
    const lines = detailLines({
      subjectId: 'q1',
      details: {
        name: 'Sales',
        channels: ['whatsapp', 'sms'],
        skills: [{ skill: 'billing', minProficiency: 3 }],
        teamId: null,
        text: 'x'.repeat(200),
      },
    });
    expect(lines).toEqual([
      'name: Sales',
      'channels: whatsapp, sms',
      'skills: [{"skill":"billing","minProficiency":3}]',
      'teamId: –',
      `text: ${'x'.repeat(79)}…`,
    ]);
  });
});
