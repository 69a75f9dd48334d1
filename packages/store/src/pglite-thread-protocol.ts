import type { EventLoopUtilization } from 'node:perf_hooks';
import type { MessageFanout, OfferWithContext } from './views';

/** The messages between the server's thread and the database thread (`pglite-thread.ts`). */

type RowMode = 'array' | 'object' | undefined;

export type PgliteThreadRequest =
  | { id: number; op: 'query'; transaction?: number; text: string; params: unknown[]; rowMode?: RowMode }
  | { id: number; op: 'exec'; transaction?: number; text: string; rowMode?: RowMode }
  | { id: number; op: 'begin' }
  | { id: number; op: 'commit' | 'rollback'; transaction: number }
  | {
      id: number;
      op: 'core';
      name: string;
      kind: CoreKind;
      input: unknown;
      now: Date;
      /** Read the views of the offers and messages it made, after the commit (see CoreRun). */
      readAhead: boolean;
    }
  | { id: number; op: 'load' | 'close' };

/** `tx`: core's Tx; `admin`: core's Tx and the administrator's repository on one transaction. */
export type CoreKind = 'tx' | 'admin';

/** The answer to `core`: the function's result, and the views of the offers and messages it made if asked. */
export interface CoreRun<R> {
  result: R;
  /** Read right after the commit, one per `offer.created` among the result's events. */
  offers: OfferWithContext[];
  /**
   * Read right after the commit, one per `message.created` among the result's events (but an
   * opening message's, which no one is pushed), keyed by message id.
   */
  fanouts: [string, MessageFanout][];
}

/** An error as it crosses threads: its message and PostgreSQL's fields (code, detail, constraint, ...). */
export interface RemoteError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean>;
  /** Core's AppError: its code and details, to be thrown as one on the other side. */
  app?: { code: string; details: unknown };
  cause?: RemoteError;
}

/** One answer; answers ready at the same time (a commit group's) cross as one array of them. */
export type PgliteThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: RemoteError };

/** How busy the database thread has been since it started: its event loop, and its CPU time (Linux). */
export type ThreadLoad = EventLoopUtilization & { cpuMs?: number | undefined };
