import type { TAdminQueue } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { createQueueRequest, draftOfQueue, emptyQueueDraft, updateQueueRequest } from './queue-form';

const queue: TAdminQueue = {
  id: 'q1',
  name: 'Billing',
  channels: ['livechat', 'whatsapp'],
  teamId: 't1',
  skills: [{ skill: 'billing', minProficiency: 4 }],
  priority: 10,
  offerTimeoutSeconds: 45,
  noAnswerState: 'rona',
  strategy: 'least-busy',
  serviceLevelSeconds: 60,
  responseTargetSeconds: 120,
};

describe('the administrator’s queue form', () => {
  it('creates a queue with the server’s defaults, channels in the desk’s order', () => {
    const draft = { ...emptyQueueDraft(), name: ' Sales ', channels: ['sms' as const, 'livechat' as const] };
    expect(createQueueRequest(draft)).toEqual({
      name: 'Sales',
      channels: ['livechat', 'sms'],
      teamId: null,
      skills: [],
      priority: 0,
      offerTimeoutSeconds: 45,
      noAnswerState: 'rona',
      strategy: 'longest-available',
      serviceLevelSeconds: 60,
      responseTargetSeconds: 120,
    });
  });

  it('sends nothing for an unchanged queue, and only what changed otherwise', () => {
    expect(updateQueueRequest(draftOfQueue(queue), queue)).toEqual({});
    const draft = draftOfQueue(queue);
    draft.teamId = '';
    draft.offerTimeoutSeconds = '90';
    draft.skills.push({ skill: ' german ', level: '2' }, { skill: '', level: '5' });
    expect(updateQueueRequest(draft, queue)).toEqual({
      teamId: null,
      offerTimeoutSeconds: 90,
      skills: [
        { skill: 'billing', minProficiency: 4 },
        { skill: 'german', minProficiency: 2 },
      ],
    });
  });
});
