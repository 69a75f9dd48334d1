import type {
  TAdminUser,
  TChannel,
  TCreateUserRequest,
  TRole,
  TUpdateUserRequest,
} from '@switchboard/contracts';
import { CHANNEL_LIMIT, CHANNELS } from '@switchboard/contracts/constants';

export { CHANNELS };

export const ROLES: readonly TRole[] = ['agent', 'supervisor', 'admin'];

/** A user as the form edits it: numbers as typed, skills as rows (an empty row is no skill). */
export interface UserDraft {
  name: string;
  email: string;
  role: TRole;
  /** Required for a new user; for an existing one, empty keeps the password. */
  password: string;
  teamIds: string[];
  /** Each skill's proficiency as `level`. */
  skills: { skill: string; level: string }[];
  limits: Record<TChannel, string>;
}

const DEFAULT_LIMIT = String(CHANNEL_LIMIT.default);

/** A new user: an agent with the server's default limit on every channel. */
export const emptyUserDraft = (): UserDraft => ({
  name: '',
  email: '',
  role: 'agent',
  password: '',
  teamIds: [],
  skills: [],
  limits: { livechat: DEFAULT_LIMIT, whatsapp: DEFAULT_LIMIT, sms: DEFAULT_LIMIT, messenger: DEFAULT_LIMIT },
});

export const draftOfUser = (user: TAdminUser): UserDraft => ({
  name: user.name,
  email: user.email,
  role: user.role,
  password: '',
  teamIds: [...user.teamIds],
  skills: user.skills.map((s) => ({ skill: s.skill, level: String(s.proficiency) })),
  limits: {
    livechat: String(user.limits.livechat),
    whatsapp: String(user.limits.whatsapp),
    sms: String(user.limits.sms),
    messenger: String(user.limits.messenger),
  },
});

/**
 * The skills and limits as the server takes them. What the server checks (ranges, repeats) is left
 * to it: a number typed out of range is sent as typed and refused with its reason.
 */
const skillsOf = (draft: UserDraft) =>
  draft.skills
    .filter((row) => row.skill.trim() !== '')
    .map((row) => ({ skill: row.skill.trim(), proficiency: Number(row.level) }));

const limitsOf = (draft: UserDraft) =>
  Object.fromEntries(CHANNELS.map((channel) => [channel, Number(draft.limits[channel])])) as Record<
    TChannel,
    number
  >;

export const createUserRequest = (draft: UserDraft): TCreateUserRequest => ({
  name: draft.name.trim(),
  email: draft.email.trim(),
  role: draft.role,
  password: draft.password,
  teamIds: draft.teamIds,
  skills: skillsOf(draft),
  limits: limitsOf(draft),
});

const sameList = (a: readonly string[], b: readonly string[]) => {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((value, k) => value === sortedB[k]);
};

/**
 * Only what changed, so that an administrator's save never rewrites what another changed
 * meanwhile (and the audit entry says what this one changed): the password only when typed.
 */
export const updateUserRequest = (draft: UserDraft, user: TAdminUser): TUpdateUserRequest => {
  const patch: TUpdateUserRequest = {};
  if (draft.name.trim() !== user.name) {
    patch.name = draft.name.trim();
  }
  if (draft.email.trim().toLowerCase() !== user.email) {
    patch.email = draft.email.trim();
  }
  if (draft.role !== user.role) {
    patch.role = draft.role;
  }
  if (draft.password !== '') {
    patch.password = draft.password;
  }
  if (!sameList(draft.teamIds, user.teamIds)) {
    patch.teamIds = draft.teamIds;
  }
  const skills = skillsOf(draft);
  const skillKey = (s: { skill: string; proficiency: number }) => `${s.skill}\u0000${s.proficiency}`;
  if (!sameList(skills.map(skillKey), user.skills.map(skillKey))) {
    patch.skills = skills;
  }
  const limits = limitsOf(draft);
  const changed = CHANNELS.filter((channel) => limits[channel] !== user.limits[channel]);
  if (changed.length > 0) {
    patch.limits = Object.fromEntries(changed.map((channel) => [channel, limits[channel]]));
  }
  return patch;
};
