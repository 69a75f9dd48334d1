import type { TAdminUser } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { createUserRequest, draftOfUser, emptyUserDraft, updateUserRequest } from './user-form';

const user: TAdminUser = {
  id: 'u1',
  email: 'alice@example.com',
  name: 'Alice Agent',
  role: 'agent',
  teamIds: ['t1', 't2'],
  skills: [
    { skill: 'billing', proficiency: 7 },
    { skill: 'german', proficiency: 3 },
  ],
  limits: { livechat: 3, whatsapp: 2, sms: 1, messenger: 1 },
  deactivatedAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('the administrator’s user form', () => {
  it('creates a user with every channel’s limit, leaving out empty skill rows', () => {
    const draft = {
      ...emptyUserDraft(),
      name: ' Dana Agent ',
      email: 'dana@example.com',
      password: 'correct horse battery',
      teamIds: ['t1'],
      skills: [
        { skill: 'billing', level: '5' },
        { skill: '  ', level: '3' },
      ],
    };
    expect(createUserRequest(draft)).toEqual({
      name: 'Dana Agent',
      email: 'dana@example.com',
      role: 'agent',
      password: 'correct horse battery',
      teamIds: ['t1'],
      skills: [{ skill: 'billing', proficiency: 5 }],
      limits: { livechat: 3, whatsapp: 3, sms: 3, messenger: 3 },
    });
  });

  it('saves nothing for an unchanged user, and keeps the password unless one is typed', () => {
    const draft = draftOfUser(user);
    expect(updateUserRequest(draft, user)).toEqual({});
    // Order of teams and skills is no change.
    expect(
      updateUserRequest({ ...draft, teamIds: ['t2', 't1'], skills: [...draft.skills].reverse() }, user),
    ).toEqual({});
  });

  it('sends only what changed: a limit, a skill’s proficiency, a team, the role, a new password', () => {
    const draft = draftOfUser(user);
    draft.limits.whatsapp = '4';
    draft.skills[1] = { skill: 'german', level: '9' };
    draft.teamIds = ['t1'];
    draft.role = 'supervisor';
    draft.password = 'a new long password';
    expect(updateUserRequest(draft, user)).toEqual({
      role: 'supervisor',
      password: 'a new long password',
      teamIds: ['t1'],
      skills: [
        { skill: 'billing', proficiency: 7 },
        { skill: 'german', proficiency: 9 },
      ],
      limits: { whatsapp: 4 },
    });
  });

  it('leaves a different case of the same e-mail alone (the server keeps addresses in lower case)', () => {
    expect(updateUserRequest({ ...draftOfUser(user), email: 'Alice@Example.com' }, user)).toEqual({});
  });
});
