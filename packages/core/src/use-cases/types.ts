import type { DomainEvent } from '../events';
import type { Tx } from '../ports';

export interface UseCaseContext {
  tx: Tx;
  now: Date;
}

export interface UseCaseResult<T> {
  value: T;
  events: DomainEvent[];
}
