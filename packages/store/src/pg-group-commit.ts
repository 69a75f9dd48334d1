import { postAgentMessage, postCustomerMessage } from '@switchboard/core';
import { conversationFromRow } from './channel-tx';
import { createGroupCommit } from './group-commit';
import { conversationFromDriverRow, lockConversationsInOrder } from './message-statements';
import { messagesPushed, type ReadAhead } from './read-ahead';
import type { TxFunction, transactOn } from './transact';
import type { MessageFanout } from './views';

/**
 * Group commit on PostgreSQL, for the messages customers and agents write: the most frequent
 * transactions by far, each a lock of its conversation and an append. Those that arrive at one
 * process while its previous group runs commit together (group-commit.ts), in order, in one
 * transaction on one connection: one BEGIN, one COMMIT (one WAL flush) for all of them, and after
 * the commit one statement reads the fan-outs of every message pushed (read ahead, as PGlite's
 * thread does). A group of n messages is n + 4 round trips (BEGIN, the locks, n appends, COMMIT,
 * the fan-outs) instead of 5n, and PostgreSQL's CPU per message falls with them.
 *
 * A message use case locks its own conversation only. A group holds several, so it first locks all
 * of them in the order of their ids (`lockConversationsInOrder`): two groups on two processes can
 * wait for each other but never deadlock. The rows that statement locked are what each
 * conversation's first lock in the group answers (createTx's `prelocked`): nothing else can have
 * changed them in between, so a message costs the group one statement, its append. If one of a group's functions throws (a message to an
 * ended conversation), or the commit fails, the group rolls back and each runs again alone, with
 * its own result or error, as on PGlite. Each is answered only after its COMMIT.
 *
 * Everything else (offers, transfers, routing, which lock agents and several conversations in an
 * order of their own) runs alone as before.
 */

type Call = { fn: TxFunction<unknown, unknown>; input: unknown; now: Date };

/** The functions grouped, and the conversation each one locks (its input's `conversationId`). */
const GROUPED = new Set<unknown>([postCustomerMessage, postAgentMessage]);
const conversationOf = (input: unknown) => (input as { conversationId: string }).conversationId;

export const createPostgresGroupCommit = ({
  here,
  readFanouts,
  fanoutsReadAhead,
}: {
  here: ReturnType<typeof transactOn>;
  /** Reads the fan-outs of new messages; undefined when nothing reads them ahead. */
  readFanouts: ((messageIds: string[]) => Promise<[string, MessageFanout][]>) | undefined;
  fanoutsReadAhead: ReadAhead<MessageFanout>;
}) => {
  const group = createGroupCommit<Call, unknown>({
    runOne: ({ fn, input, now }) => here.transact(fn, input, now),
    runGroup: async (calls) => {
      const ids = [...new Set(calls.map((c) => conversationOf(c.input)))];
      const results = await here.transactGroup(calls, async (dbTx) => {
        const rows = await lockConversationsInOrder(dbTx, 'only', { ids });
        return new Map(
          rows.map((raw) => [raw.id as string, conversationFromRow(conversationFromDriverRow(raw))]),
        );
      });
      // Committed: a failed read changes nothing of that, the push then reads each view itself.
      const made = readFanouts ? results.flatMap(messagesPushed) : [];
      if (made.length > 0) {
        fanoutsReadAhead.keep(await readFanouts!(made).catch(() => []));
      }
      return results;
    },
  });
  /** Runs `fn` in a group if it is one of those grouped; undefined otherwise (the caller runs it). */
  return <I, R>(fn: TxFunction<I, R>, input: I, now: Date): Promise<R> | undefined =>
    GROUPED.has(fn)
      ? (group.run({ fn: fn as TxFunction<unknown, unknown>, input, now }) as Promise<R>)
      : undefined;
};
