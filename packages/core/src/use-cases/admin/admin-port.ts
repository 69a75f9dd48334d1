import type { TAgentSkill, TChannel, TChannelLimits, TQueueSkill, TRole } from '@switchboard/contracts';
import type { Tx } from '../../ports';

/** A queue's configuration, as the administrator edits it. */
export interface QueueConfig {
  id: string;
  name: string;
  channels: TChannel[];
  teamId: string | null;
  skills: TQueueSkill[];
  priority: number;
  offerTimeoutSeconds: number;
  noAnswerState: 'rona' | 'refused';
  strategy: string;
  serviceLevelSeconds: number;
  responseTargetSeconds: number;
}

/** A user without credentials: the password hash never leaves the store through this port. */
export interface UserConfig {
  id: string;
  email: string;
  name: string;
  role: TRole;
  teamIds: string[];
  skills: TAgentSkill[];
  /** Resolved per channel: a stored per-channel row, else users.chat_limit. */
  limits: TChannelLimits;
  deactivatedAt: Date | null;
  createdAt: Date;
}

export interface TeamConfig {
  id: string;
  name: string;
  memberIds: string[];
}

export interface ReasonConfig {
  id: string;
  name: string;
  position: number;
}

/**
 * The administrator's short lists, one shape: wrap-up reasons (every guide), idle reasons, and
 * CXone's dispositions and tags, which the agent may add in the wrap-up.
 */
export type ReasonKind = 'wrap-up' | 'idle' | 'disposition' | 'tag';

/** What the audit log calls each list's entries. */
export const REASON_SUBJECTS: Record<ReasonKind, string> = {
  'wrap-up': 'wrap-up-reason',
  idle: 'idle-reason',
  disposition: 'disposition',
  tag: 'tag',
};

/** A pre-written answer agents insert from the quick-response pane (quick-responses.ts). */
export interface QuickResponseConfig {
  id: string;
  name: string;
  text: string;
  position: number;
}

export type UserWrite = Partial<{
  email: string;
  name: string;
  role: TRole;
  passwordHash: string;
  teamIds: string[];
  skills: TAgentSkill[];
  /** Only the channels named change; 'livechat' also writes users.chat_limit, which routing reads. */
  limits: Partial<TChannelLimits>;
}>;

/** An entry point as the administrator configures it; secrets only sealed (the server seals them). */
export interface EntryPointConfig {
  id: string;
  key: string;
  name: string;
  channel: TChannel;
  queueId: string;
  /** Public provider settings (phone number id, page id, account SID, apiBaseUrl...). */
  settings: Record<string, string | null>;
  /** Each secret sealed on its own (field to sealed value), so a change of one keeps the others. */
  sealedSecrets: Record<string, string>;
  /** WhatsApp: approved templates. */
  templates: MessageTemplate[];
  /** Where its customers' national phone numbers are read (masking): `SE`, or null. */
  region: string | null;
  simulated: boolean;
  deletedAt: Date | null;
}

export interface MessageTemplate {
  name: string;
  language: string;
  body: string;
}

export type EntryPointWrite = Pick<
  EntryPointConfig,
  'name' | 'channel' | 'queueId' | 'settings' | 'sealedSecrets'
> & {
  region?: string | null;
  simulated?: boolean;
  templates?: MessageTemplate[];
};

/**
 * What the administrator's use cases need from storage, in the same transaction as core's Tx.
 * Name look-ups compare case-insensitively, so that "Sales" and "sales" cannot both exist.
 */
export interface AdminTx {
  entryPoints: {
    list(): Promise<EntryPointConfig[]>;
    get(id: string): Promise<EntryPointConfig | null>;
    create(input: EntryPointWrite): Promise<EntryPointConfig>;
    update(
      id: string,
      patch: Partial<
        Pick<EntryPointConfig, 'name' | 'queueId' | 'settings' | 'sealedSecrets' | 'templates' | 'region'>
      >,
    ): Promise<EntryPointConfig>;
    markDeleted(input: { id: string; at: Date }): Promise<void>;
    /** Conversations on the entry point that have not ended: the ones its deletion interrupts. */
    listOpenConversationIds(id: string): Promise<string[]>;
  };
  queues: {
    list(): Promise<QueueConfig[]>;
    get(id: string): Promise<QueueConfig | null>;
    findIdByName(name: string): Promise<string | null>;
    create(input: Omit<QueueConfig, 'id'>): Promise<QueueConfig>;
    update(id: string, patch: Partial<Omit<QueueConfig, 'id'>>): Promise<QueueConfig>;
    delete(id: string): Promise<void>;
    /** What refers to the queue: entry points (also removed ones), conversations not ended, all conversations. */
    countUses(id: string): Promise<{ entryPoints: number; openConversations: number; conversations: number }>;
  };
  teams: {
    list(): Promise<TeamConfig[]>;
    get(id: string): Promise<TeamConfig | null>;
    findIdByName(name: string): Promise<string | null>;
    /** Which of the ids exist. */
    existing(ids: readonly string[]): Promise<string[]>;
    create(input: { name: string }): Promise<TeamConfig>;
    update(id: string, patch: { name?: string }): Promise<TeamConfig>;
    delete(id: string): Promise<void>;
    countQueues(id: string): Promise<number>;
  };
  users: {
    list(): Promise<UserConfig[]>;
    get(id: string): Promise<UserConfig | null>;
    findIdByEmail(email: string): Promise<string | null>;
    create(
      input: UserWrite & { email: string; name: string; role: TRole; passwordHash: string },
    ): Promise<UserConfig>;
    update(id: string, patch: UserWrite): Promise<UserConfig>;
    deactivate(input: { id: string; at: Date }): Promise<void>;
    /** Deletes every session of the user; returns their ids, so that open sockets can be closed. */
    revokeSessions(id: string): Promise<string[]>;
  };
  reasons: {
    list(kind: ReasonKind): Promise<ReasonConfig[]>;
    get(kind: ReasonKind, id: string): Promise<ReasonConfig | null>;
    findIdByName(kind: ReasonKind, name: string): Promise<string | null>;
    create(kind: ReasonKind, input: { name: string; position: number }): Promise<ReasonConfig>;
    update(kind: ReasonKind, id: string, patch: { name?: string; position?: number }): Promise<ReasonConfig>;
    delete(kind: ReasonKind, id: string): Promise<void>;
    /**
     * Wrap-ups that name the reason or disposition (history); idle reasons and tags are stored by
     * name, so never in use.
     */
    countUses(kind: ReasonKind, id: string): Promise<number>;
  };
  quickResponses: {
    list(): Promise<QuickResponseConfig[]>;
    get(id: string): Promise<QuickResponseConfig | null>;
    findIdByName(name: string): Promise<string | null>;
    create(input: { name: string; text: string; position: number }): Promise<QuickResponseConfig>;
    update(
      id: string,
      patch: { name?: string; text?: string; position?: number },
    ): Promise<QuickResponseConfig>;
    delete(id: string): Promise<void>;
  };
}

/** Every admin use case: core's Tx and the admin port on one transaction, and who acts. */
export interface AdminUseCaseContext {
  tx: Tx;
  admin: AdminTx;
  now: Date;
  actorId: string;
  actorRole: TRole;
}

export interface AdminUnitOfWork {
  adminTransaction<T>(fn: (tx: Tx, admin: AdminTx) => Promise<T>): Promise<T>;
}
