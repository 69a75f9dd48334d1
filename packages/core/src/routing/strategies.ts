import type { Candidate } from '../model';

/** One small interface per strategy, registered by name (Rocket.Chat's IRoutingMethod, by name). */
export interface RoutingStrategy {
  readonly name: string;
  /** Picks one of the candidates, all of them eligible and under their limit; null when none. */
  choose(candidates: readonly Candidate[]): Candidate | null;
}

const pickMin = (candidates: readonly Candidate[], key: (c: Candidate) => number): Candidate | null => {
  let best: Candidate | null = null;
  let bestKey = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const k = key(c);
    // Ties go to the smaller id, so that the choice is deterministic on every process.
    if (k < bestKey || (k === bestKey && best !== null && c.agentId < best.agentId)) {
      best = c;
      bestKey = k;
    }
  }
  return best;
};

/**
 * The seeds' default: the agent who has waited the longest, counted from when they became
 * Available or were last offered a conversation, whichever is later; so that with several chats
 * each, offers go round the free agents instead of filling the first one up.
 */
export const longestAvailable: RoutingStrategy = {
  name: 'longest-available',
  choose: (candidates) =>
    pickMin(candidates, (c) => Math.max(c.availableSince.getTime(), c.lastOfferedAt?.getTime() ?? 0)),
};

/** The agent holding the fewest conversations relative to their limit. */
export const leastBusy: RoutingStrategy = {
  name: 'least-busy',
  choose: (candidates) =>
    pickMin(candidates, (c) => c.load / Math.max(1, c.limit) + c.availableSince.getTime() / 1e16),
};

/** The agent offered anything least recently. */
export const roundRobin: RoutingStrategy = {
  name: 'round-robin',
  choose: (candidates) => pickMin(candidates, (c) => c.lastOfferedAt?.getTime() ?? 0),
};

export const ROUTING_STRATEGIES: ReadonlyMap<string, RoutingStrategy> = new Map(
  [longestAvailable, leastBusy, roundRobin].map((s) => [s.name, s]),
);

export const getRoutingStrategy = (name: string): RoutingStrategy =>
  ROUTING_STRATEGIES.get(name) ?? longestAvailable;
