import type { Clock, EventBus } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { PasswordWork } from '../http/password-work';
import type { DeskViews } from './desk-views';
import type { UseCaseRunner } from './services';

/** What routes and socket handlers get: built once by the composition root, never imported as a module global. */
export interface AppContext {
  config: Config;
  store: Store;
  clock: Clock;
  run: UseCaseRunner;
  /** For what happens outside a use case (a session ending) but still has listeners. */
  events: EventBus;
  /** Everything sent to a desktop, masked per viewer. */
  desk: DeskViews;
  logger: Logger;
  /** Password hashing, bounded in concurrency (scrypt takes 128 MiB a hash). */
  passwords: PasswordWork;
}
