import type { Clock } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { DeskViews } from './desk-views';
import type { UseCaseRunner } from './services';

/** What routes and socket handlers get: built once by the composition root, never imported as a module global. */
export interface AppContext {
  config: Config;
  store: Store;
  clock: Clock;
  run: UseCaseRunner;
  /** Everything sent to a desktop, masked per viewer. */
  desk: DeskViews;
  logger: Logger;
}
