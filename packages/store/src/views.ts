import type {
  TAuditEntry,
  TChannel,
  TConversationDetail,
  TConversationSummary,
  TCustomerConversation,
  TEntryPointInfo,
  TMe,
  TMessage,
  TOffer,
  TQuickResponse,
  TReason,
  TSettings,
} from '@switchboard/contracts';
import { COMPOSE_LIMITS, type MessageAttachment, type StoredMessage } from '@switchboard/core';
import { and, asc, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { builtSqlStatements, builtStatement, builtStatements } from './built-statements';
import type { Db } from './db';
import { createHistoryViews } from './history-views';
import { fromDriverRow } from './message-statements';
import type { ReadAhead } from './read-ahead';
import {
  auditLog,
  contacts,
  conversations,
  dispositions,
  entryPoints,
  idleReasons,
  messages,
  offers,
  participants,
  queues,
  quickResponses,
  routingRequests,
  users,
  wrapUpReasons,
  wrapUpTags,
} from './schema';
import { createTransferViews } from './transfer-views';
import {
  equalsConstant,
  pgTextArray,
  readSettings,
  settingsFrom,
  storedSettingsSql,
  toStoredMessage,
} from './tx';

/** Read models: rows shaped into the contracts' DTOs. Reads only; who may read is decided by the caller. */

const OFFER_PREVIEW_MESSAGES = 5;

/**
 * Offers with what their popover shows and what masking they need, built once (it runs for every
 * offer made): one row per id given. Keyed by how many: one offer is looked up by `=`; with
 * `= any(array)` PostgreSQL cannot know the array is short, and plans the statement anew on every
 * run (1.3 ms a read where `=` takes 0.5, measured from the server's thread).
 */
const offersWithContext = builtStatements((db, many: 'one' | 'many') => {
  const preview = sql<StoredMessageJson[] | null>`(
    select json_agg(p order by p.seq) from (
      select m.id, m.seq, m.conversation_id, m.author, m.author_user_id, m.author_name, m.body,
             m.system_event, m.client_message_id, m.created_at
      from ${messages} m where m.conversation_id = ${offers.conversationId} and m.author <> 'system'
      order by m.seq desc limit ${sql.raw(String(OFFER_PREVIEW_MESSAGES))}
    ) p)`;
  // The columns the offer shows, not whole rows.
  return db
    .select({
      id: offers.id,
      conversationId: offers.conversationId,
      offeredAt: offers.offeredAt,
      deadlineAt: offers.deadlineAt,
      agentName: users.name,
      channel: conversations.channel,
      customerName: conversations.customerName,
      customerEmail: conversations.customerEmail,
      arrivedAt: conversations.arrivedAt,
      proactive: conversations.proactive,
      queueName: queues.name,
      entryPointName: entryPoints.name,
      region: entryPoints.region,
      providerConfig: entryPoints.providerConfig,
      contactIdentity: contacts.identity,
      preview,
      // Only a transfer's or an invitation's offer has a request: one index look-up, no join for the others.
      request: sql<{ kind: 'transfer' | 'conference'; requestedBy: string; comment: string | null } | null>`(
        select json_build_object('kind', r.kind, 'requestedBy', coalesce(u.name, ''), 'comment', r.comment)
        from ${routingRequests} r left join ${users} u on u.id = r.requested_by
        where r.id = ${offers.requestId})`,
      settings: storedSettingsSql,
    })
    .from(offers)
    .innerJoin(users, eq(users.id, offers.userId))
    .innerJoin(conversations, eq(conversations.id, offers.conversationId))
    .innerJoin(queues, eq(queues.id, conversations.queueId))
    .innerJoin(entryPoints, eq(entryPoints.id, conversations.entryPointId))
    .leftJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(
      many === 'many'
        ? sql`${offers.id} = any(${sql.placeholder('offerIds')}::uuid[])`
        : eq(offers.id, sql.placeholder('offerId')),
    );
});

/**
 * The seeds' popover per channel: WhatsApp shows the customer's phone and our source number, SMS
 * the same, Messenger the source page. A WhatsApp wa_id is a phone number without its `+`.
 */
export const popoverFields = (
  channel: TOffer['channel'],
  identity: string | null,
  config: Record<string, string | null>,
): Pick<TOffer, 'customerPhone' | 'sourceNumber' | 'sourcePage'> => {
  const defined = (v: string | null | undefined) => (v ? v : undefined);
  switch (channel) {
    case 'whatsapp':
      return {
        ...(identity ? { customerPhone: identity.startsWith('+') ? identity : `+${identity}` } : {}),
        ...(defined(config.displayPhoneNumber) ? { sourceNumber: config.displayPhoneNumber as string } : {}),
      };
    case 'sms':
      return {
        ...(identity ? { customerPhone: identity } : {}),
        ...(defined(config.phoneNumber) ? { sourceNumber: config.phoneNumber as string } : {}),
      };
    case 'messenger':
      return defined(config.pageName) ? { sourcePage: config.pageName as string } : {};
    default:
      return {};
  }
};

/** What masking a view needs besides the view: the settings and the entry point's region. */
export interface MaskingInput {
  settings: TSettings;
  region: string | null;
}

/** An offer as its popover shows it, with what masking it needs. */
export type OfferWithContext = MaskingInput & { offer: TOffer };

/** Everything the push of a new message needs (see getMessageFanout). */
export type MessageFanout = MaskingInput & {
  message: TMessage;
  /** 'agents': never delivered to the customer. */
  audience: 'all' | 'agents';
  channel: TChannel;
  liveParticipantIds: string[];
  pendingOffer: { id: string; userId: string } | null;
};

/** Conversations' customer token hashes kept in memory: a hash never changes once written. */
const TOKEN_HASHES_KEPT = 20_000;

/** A messages row as json_agg writes it: column names, times as text. */
interface StoredMessageJson {
  id: string;
  seq: number;
  conversation_id: string;
  author: 'customer' | 'agent' | 'system';
  author_user_id: string | null;
  author_name: string;
  body: string;
  system_event: string | null;
  client_message_id: string | null;
  created_at: string;
  delivery_status?: 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | null;
  delivery_error?: { code: string; providerCode: string | null; reason: string } | null;
  attachments?: MessageAttachment[] | null;
}

const fromMessageJson = (m: StoredMessageJson): TMessage =>
  toMessageDto({
    id: m.id,
    seq: m.seq,
    conversationId: m.conversation_id,
    author: m.author,
    authorUserId: m.author_user_id,
    authorName: m.author_name,
    body: m.body,
    systemEvent: m.system_event,
    clientMessageId: m.client_message_id,
    createdAt: new Date(m.created_at),
    deliveryStatus: m.delivery_status ?? null,
    deliveryError: m.delivery_error ?? null,
    audience: 'all',
    attachments: m.attachments ?? null,
  });

export const toMessageDto = (m: StoredMessage): TMessage => ({
  id: m.id,
  seq: m.seq,
  conversationId: m.conversationId,
  author: m.author,
  authorName: m.authorName,
  body: m.body,
  systemEvent: (m.systemEvent as TMessage['systemEvent']) ?? null,
  clientMessageId: m.clientMessageId,
  createdAt: m.createdAt.toISOString(),
  ...(m.deliveryStatus ? { deliveryStatus: m.deliveryStatus, deliveryError: m.deliveryError ?? null } : {}),
  ...(m.attachments?.length ? { attachments: m.attachments } : {}),
});

/** The fan-out of a new message (see readMessageFanout), built once: it runs for every message. */
const messageFanout = builtStatement((db) =>
  db
    .select({
      m: messages,
      channel: conversations.channel,
      region: entryPoints.region,
      live: sql<string[] | string>`array(
          select p.user_id from ${participants} p
          where p.conversation_id = ${messages.conversationId} and p.state <> 'done')`,
      pending: sql<{ id: string; userId: string } | null>`(
          select json_build_object('id', o.id, 'userId', o.user_id) from ${offers} o
          where o.conversation_id = ${messages.conversationId} and o.status = 'pending'
            and o.offered_at < ${messages.createdAt} limit 1)`,
      settings: storedSettingsSql,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(entryPoints, eq(entryPoints.id, conversations.entryPointId))
    .where(eq(messages.id, sql.placeholder('messageId'))),
);

/**
 * The fan-outs of several messages (those a commit group stored) in one statement, one text per
 * count of messages: each message found by its key in a lateral subquery (its LIMIT keeps it one:
 * an index look-up per message whatever the planner's statistics say; `= any(...)` was planned as
 * a scan of every message on a table not analyzed yet). Its keys are written as a VALUES list of
 * that many rows rather than an unnested array: PostgreSQL estimates an array parameter at 100
 * elements, so it judged the prepared statement's generic plan dearer than planning it again for
 * each group, and planned every run anew (0.5 ms on PGlite). Readers round the count up to a power
 * of two (see readMessageFanouts).
 */
const messageFanouts = builtSqlStatements<
  number,
  Record<string, unknown> & {
    fan_channel: TChannel;
    fan_region: string | null;
    fan_live: string[] | string;
    fan_pending: { id: string; userId: string } | null;
    fan_settings: Record<string, unknown> | null;
  }
>(
  (count) => sql`
    select f.*, ${storedSettingsSql} as fan_settings
    from (values ${sql.join(
      Array.from({ length: count }, (_, i) => sql`(${sql.placeholder(`m${i}`)}::uuid)`),
      sql`, `,
    )}) as w(id)
    cross join lateral (
      select m.*, c.channel as fan_channel, e.region as fan_region,
        array(select p.user_id from ${participants} p
          where p.conversation_id = m.conversation_id and p.state <> 'done') as fan_live,
        (select json_build_object('id', o.id, 'userId', o.user_id) from ${offers} o
          where o.conversation_id = m.conversation_id and o.status = 'pending'
            and o.offered_at < m.created_at limit 1) as fan_pending
      from ${messages} m
      join ${conversations} c on c.id = m.conversation_id
      join ${entryPoints} e on e.id = c.entry_point_id
      where m.id = w.id
      limit 1
    ) f`,
);
const messageFromFanoutRow = fromDriverRow(messages);
/** A key of a fan-out read that finds nothing (ids are random UUIDs, never this one). */
const NO_MESSAGE = '00000000-0000-0000-0000-000000000000';

export const createViews = (
  db: Db,
  {
    offersReadAhead,
    fanoutsReadAhead,
  }: {
    offersReadAhead?: ReadAhead<OfferWithContext> | undefined;
    fanoutsReadAhead?: ReadAhead<MessageFanout> | undefined;
  } = {},
) => {
  const listMessages = async ({
    conversationId,
    after = 0,
    limit = 500,
    forCustomer = false,
  }: {
    conversationId: string;
    after?: number;
    limit?: number;
    /** The customer's own view: lines for agents only (a transfer's) are left out. */
    forCustomer?: boolean;
  }): Promise<TMessage[]> => {
    const rows = await db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          gt(messages.seq, after),
          forCustomer ? eq(messages.audience, 'all') : undefined,
        ),
      )
      .orderBy(asc(messages.seq))
      .limit(limit);
    return rows.map((r) => toMessageDto(toStoredMessage(r)));
  };

  const lastMessages = async (conversationId: string, count: number): Promise<TMessage[]> => {
    const rows = await db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(desc(messages.seq))
      .limit(count);
    return rows.reverse().map((r) => toMessageDto(toStoredMessage(r)));
  };

  const getMessage = async (messageId: string): Promise<TMessage | null> => {
    const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
    return row ? toMessageDto(toStoredMessage(row)) : null;
  };

  /** When the customer's oldest message not yet answered by an agent arrived: the blue timer. */
  const waitingSince = async (conversationId: string): Promise<string | null> => {
    const [lastAgent] = await db
      .select({ seq: sql<number | null>`max(${messages.seq})` })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.author, 'agent')));
    const [first] = await db
      .select({ createdAt: messages.createdAt })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          eq(messages.author, 'customer'),
          gt(messages.seq, Number(lastAgent?.seq ?? 0)),
        ),
      )
      .orderBy(asc(messages.seq))
      .limit(1);
    const since = first?.createdAt;
    return since ? new Date(since).toISOString() : null;
  };

  const conversationHeader = async (conversationId: string) => {
    const [row] = await db
      .select({
        c: conversations,
        queueName: queues.name,
        responseTargetSeconds: queues.responseTargetSeconds,
        entryPointName: entryPoints.name,
        entryPointDeletedAt: entryPoints.deletedAt,
        activeAgents: sql<number>`(select count(*) from ${participants} p
          where p.conversation_id = ${conversations.id} and p.state = 'active')`,
        invitee: sql<string | null>`(select u.name from ${offers} o
          join ${routingRequests} r on r.id = o.request_id join ${users} u on u.id = o.user_id
          where o.conversation_id = ${conversations.id} and o.status = 'pending' and r.kind = 'conference' limit 1)`,
        templates: entryPoints.templates,
      })
      .from(conversations)
      .innerJoin(queues, eq(queues.id, conversations.queueId))
      .innerJoin(entryPoints, eq(entryPoints.id, conversations.entryPointId))
      .where(eq(conversations.id, conversationId));
    return row ?? null;
  };

  const getConversationSummary = async ({
    conversationId,
    userId,
  }: {
    conversationId: string;
    userId: string;
  }): Promise<TConversationSummary | null> => {
    const header = await conversationHeader(conversationId);
    const [participant] = await db
      .select()
      .from(participants)
      .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId)))
      .orderBy(desc(participants.joinedAt))
      .limit(1);
    if (!header || !participant) {
      return null;
    }
    const { c } = header;
    const [last] = await lastMessages(conversationId, 1);
    return {
      id: c.id,
      channel: c.channel,
      status: c.status,
      queueName: header.queueName,
      entryPointName: header.entryPointName,
      customerName: c.customerName,
      customerEmail: c.customerEmail,
      arrivedAt: c.arrivedAt.toISOString(),
      customerLeft: c.customerLeft,
      composeLimit: COMPOSE_LIMITS[c.channel],
      participation: {
        state: participant.state,
        role: participant.role,
        joinedAt: participant.joinedAt.toISOString(),
        endedAt: participant.endedAt?.toISOString() ?? null,
      },
      conference: Number(header.activeAgents) > 1,
      conferenceRequest: header.invitee ? { agentName: header.invitee } : null,
      waitingSince: c.status === 'active' && !c.customerLeft ? await waitingSince(conversationId) : null,
      responseTargetSeconds: header.responseTargetSeconds,
      lastMessage: last ?? null,
      ...(header.entryPointDeletedAt ? { entryPointDeleted: true } : {}),
      ...(c.channel === 'whatsapp' || c.channel === 'messenger'
        ? { customerWroteAt: c.lastCustomerMessageAt?.toISOString() ?? null }
        : {}),
      ...(c.channel === 'whatsapp' ? { templates: header.templates } : {}),
    };
  };

  const getConversationDetail = async (input: {
    conversationId: string;
    userId: string;
  }): Promise<TConversationDetail | null> => {
    const summary = await getConversationSummary(input);
    return summary
      ? { ...summary, messages: await listMessages({ conversationId: input.conversationId }) }
      : null;
  };

  /**
   * Offers as the popover shows them, with what masking they need (the settings, the entry point's
   * region): one query for any number, as one is read for every offer made. Unknown ids are left out.
   */
  const readOffersWithContext = async (offerIds: string[]): Promise<OfferWithContext[]> =>
    (offerIds.length === 1
      ? await offersWithContext(db, 'one', { offerId: offerIds[0] })
      : await offersWithContext(db, 'many', { offerIds })
    ).map((row) => ({
      settings: settingsFrom(row.settings),
      region: row.region,
      offer: {
        id: row.id,
        conversationId: row.conversationId,
        channel: row.channel,
        queueName: row.queueName,
        entryPointName: row.entryPointName,
        customerName: row.customerName,
        customerEmail: row.customerEmail,
        agentName: row.agentName,
        arrivedAt: row.arrivedAt.toISOString(),
        offeredAt: row.offeredAt.toISOString(),
        deadlineAt: row.deadlineAt.toISOString(),
        proactive: row.proactive,
        preview: (row.preview ?? []).map(fromMessageJson),
        ...popoverFields(row.channel, row.contactIdentity, row.providerConfig),
        request: row.request ?? null,
      },
    }));

  /**
   * One offer as readOffersWithContext gives it. An offer just made may have been read already, on
   * the database thread right after its commit (see the store's `offersReadAhead`): that view is
   * taken instead of a query.
   */
  const getOfferWithContext = async (offerId: string): Promise<OfferWithContext | null> =>
    offersReadAhead?.take(offerId) ?? (await readOffersWithContext([offerId]))[0] ?? null;

  /**
   * Everything the push of a new message needs, in one query (it runs for every message): the
   * message, its channel, the agents to push it to, the agent holding an offer of the
   * conversation made before the message (an offer made after it already shows it), and what
   * masking needs.
   */
  const readMessageFanout = async (messageId: string): Promise<MessageFanout | null> => {
    const [row] = await messageFanout(db, { messageId });
    if (!row) {
      return null;
    }
    return {
      message: toMessageDto(toStoredMessage(row.m)),
      audience: row.m.audience,
      channel: row.channel,
      liveParticipantIds: pgTextArray(row.live),
      pendingOffer: row.pending,
      settings: settingsFrom(row.settings),
      region: row.region,
    };
  };

  /** The fan-outs of several messages in one statement, keyed by message id (those found). */
  const readMessageFanouts = async (messageIds: string[]): Promise<[string, MessageFanout][]> => {
    if (messageIds.length === 0) {
      return [];
    }
    if (messageIds.length === 1) {
      const one = await readMessageFanout(messageIds[0]!);
      return one ? [[messageIds[0]!, one]] : [];
    }
    // Counts rounded up to a power of two, the rest of the keys an id no message has: a handful
    // of statement texts, each prepared and given its generic plan soon, instead of one per count.
    const size = 2 ** Math.ceil(Math.log2(messageIds.length));
    const rows = await messageFanouts(
      db,
      size,
      Object.fromEntries(Array.from({ length: size }, (_, i) => [`m${i}`, messageIds[i] ?? NO_MESSAGE])),
    );
    return rows.map((row) => {
      const m = messageFromFanoutRow(row);
      return [
        m.id,
        {
          message: toMessageDto(toStoredMessage(m)),
          audience: m.audience,
          channel: row.fan_channel,
          liveParticipantIds: pgTextArray(row.fan_live),
          pendingOffer: row.fan_pending,
          settings: settingsFrom(row.fan_settings),
          region: row.fan_region,
        },
      ];
    });
  };

  /**
   * A new message's fan-out as readMessageFanout gives it; the database thread may have read it
   * right after the commit that stored the message (see the store's `fanoutsReadAhead`).
   */
  const getMessageFanout = async (messageId: string): Promise<MessageFanout | null> =>
    fanoutsReadAhead?.take(messageId) ?? (await readMessageFanout(messageId));

  const getMe = async (userId: string): Promise<TMe | null> => {
    const [u] = await db.select().from(users).where(eq(users.id, userId));
    return u
      ? {
          id: u.id,
          email: u.email,
          name: u.name,
          role: u.role,
          state: u.state,
          stateReason: u.stateReason,
          stateSince: u.stateSince.toISOString(),
        }
      : null;
  };

  const listReasons = async (): Promise<{
    idleReasons: TReason[];
    wrapUpReasons: TReason[];
    dispositions: TReason[];
    tags: TReason[];
  }> => ({
    dispositions: await db
      .select({ id: dispositions.id, name: dispositions.name })
      .from(dispositions)
      .orderBy(asc(dispositions.position), asc(dispositions.name)),
    tags: await db
      .select({ id: wrapUpTags.id, name: wrapUpTags.name })
      .from(wrapUpTags)
      .orderBy(asc(wrapUpTags.position), asc(wrapUpTags.name)),
    idleReasons: await db
      .select({ id: idleReasons.id, name: idleReasons.name })
      .from(idleReasons)
      .orderBy(asc(idleReasons.position), asc(idleReasons.name)),
    wrapUpReasons: await db
      .select({ id: wrapUpReasons.id, name: wrapUpReasons.name })
      .from(wrapUpReasons)
      .orderBy(asc(wrapUpReasons.position), asc(wrapUpReasons.name)),
  });

  /** Every list an agent works with, as the bootstrap and the `lists.changed` push give them. */
  const listDeskLists = async () => {
    const [reasons, quickResponses] = await Promise.all([listReasons(), listQuickResponses()]);
    return { ...reasons, quickResponses };
  };

  /** The quick responses of the `>>` pane, in the administrator's order. */
  const listQuickResponses = async (): Promise<TQuickResponse[]> =>
    db
      .select({ id: quickResponses.id, name: quickResponses.name, text: quickResponses.text })
      .from(quickResponses)
      .orderBy(asc(quickResponses.position), asc(quickResponses.name));

  /** The agent's pending offers, oldest first, each as readOffersWithContext gives it. */
  const listPendingOffers = async (userId: string): Promise<OfferWithContext[]> => {
    const rows = await db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.userId, userId), equalsConstant(offers.status, 'pending')))
      .orderBy(asc(offers.offeredAt));
    const found = new Map((await readOffersWithContext(rows.map((r) => r.id))).map((v) => [v.offer.id, v]));
    return rows.flatMap((r) => found.get(r.id) ?? []);
  };

  const listOpenConversations = async (userId: string): Promise<TConversationSummary[]> => {
    const rows = await db
      .select({ conversationId: participants.conversationId })
      .from(participants)
      .where(and(eq(participants.userId, userId), ne(participants.state, 'done')))
      .orderBy(asc(participants.joinedAt));
    const views = await Promise.all(
      rows.map((r) => getConversationSummary({ conversationId: r.conversationId, userId })),
    );
    return views.filter((v): v is TConversationSummary => v !== null);
  };

  /** The agents who take part live in a conversation: the recipients of its pushes. */
  const listLiveParticipantIds = async (conversationId: string): Promise<string[]> => {
    const rows = await db
      .select({ userId: participants.userId })
      .from(participants)
      .where(and(eq(participants.conversationId, conversationId), ne(participants.state, 'done')));
    return rows.map((r) => r.userId);
  };

  /** Every agent who took part, wrap-up done or not: they all see the conversation's last state. */
  const listParticipantIds = async (conversationId: string): Promise<string[]> => {
    const rows = await db
      .selectDistinct({ userId: participants.userId })
      .from(participants)
      .where(eq(participants.conversationId, conversationId));
    return rows.map((r) => r.userId);
  };

  const getCustomerConversation = async (conversationId: string): Promise<TCustomerConversation | null> => {
    const header = await conversationHeader(conversationId);
    if (!header) {
      return null;
    }
    const [agent] = await db
      .select({ name: users.name })
      .from(participants)
      .innerJoin(users, eq(users.id, participants.userId))
      .where(and(eq(participants.conversationId, conversationId), eq(participants.state, 'active')))
      .orderBy(asc(participants.joinedAt))
      .limit(1);
    return {
      id: header.c.id,
      status: header.c.status,
      customerName: header.c.customerName,
      customerLeft: header.c.customerLeft,
      composeLimit: COMPOSE_LIMITS[header.c.channel],
      agentName: agent?.name ?? null,
      messages: await listMessages({ conversationId, forCustomer: true }),
    };
  };

  // Written once with the conversation and never changed (conversations are not deleted either),
  // so a hash read once stays true: every customer message is checked against it.
  const tokenHashes = new Map<string, string>();
  const getCustomerTokenHash = async (conversationId: string): Promise<string | null> => {
    const kept = tokenHashes.get(conversationId);
    if (kept !== undefined) {
      return kept;
    }
    const [row] = await db
      .select({ hash: conversations.customerTokenHash })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    const hash = row?.hash ?? null;
    if (hash !== null) {
      if (tokenHashes.size >= TOKEN_HASHES_KEPT) {
        tokenHashes.delete(tokenHashes.keys().next().value as string);
      }
      tokenHashes.set(conversationId, hash);
    }
    return hash;
  };

  const getEntryPointInfo = async (key: string): Promise<TEntryPointInfo | null> => {
    const [row] = await db.select().from(entryPoints).where(eq(entryPoints.key, key));
    if (!row || row.deletedAt || row.channel !== 'livechat') {
      return null;
    }
    return {
      key: row.key,
      name: row.name,
      composeLimit: COMPOSE_LIMITS[row.channel],
      acceptsFiles: (await readSettings(db)).acceptCustomerFiles,
    };
  };

  const getSettings = () => readSettings(db);

  const listAuditLog = async ({
    limit,
    before,
  }: {
    limit: number;
    before?: number;
  }): Promise<TAuditEntry[]> => {
    const rows = await db
      .select({ entry: auditLog, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(before === undefined ? undefined : lt(auditLog.id, before))
      .orderBy(desc(auditLog.id))
      .limit(limit);
    return rows.map(({ entry: r, actorName }) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorName,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      details: r.details as Record<string, unknown>,
    }));
  };

  /** The region of the conversation's entry point, for phone numbers written in national form. */
  const getRegion = async (conversationId: string): Promise<string | null> => {
    const [row] = await db
      .select({ region: entryPoints.region })
      .from(conversations)
      .innerJoin(entryPoints, eq(entryPoints.id, conversations.entryPointId))
      .where(eq(conversations.id, conversationId));
    return row?.region ?? null;
  };

  return {
    listMessages,
    getMessage,
    getConversationSummary,
    getConversationDetail,
    getOfferWithContext,
    readOffersWithContext,
    getMessageFanout,
    readMessageFanout,
    readMessageFanouts,
    getMe,
    listReasons,
    listQuickResponses,
    listDeskLists,
    listPendingOffers,
    listOpenConversations,
    listLiveParticipantIds,
    listParticipantIds,
    getCustomerConversation,
    getCustomerTokenHash,
    getEntryPointInfo,
    getSettings,
    listAuditLog,
    getRegion,
    ...createTransferViews(db),
    ...createHistoryViews(db, listMessages),
  };
};

export type Views = ReturnType<typeof createViews>;
