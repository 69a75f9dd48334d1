import type { Candidate, CandidateRanking } from '../model';

/**
 * One small interface per strategy, registered by name (Rocket.Chat's IRoutingMethod, by name).
 *
 * A strategy is a ranking: it chooses the first candidate by `compare`, ties going to the smaller
 * agent id so that every process decides alike. The store orders candidates by the same `ranking`
 * and may hand over only the best few: as a choice only ever moves the chosen agent back (a later
 * offer, a higher load), n decisions over the best n+k candidates are the decisions over all of them
 * (route-waiting-conversations relies on it, and the store's tests check the two orders agree).
 */
export interface RoutingStrategy {
  readonly name: string;
  readonly ranking: CandidateRanking;
  /** Negative when `a` comes first. */
  compare(a: Candidate, b: Candidate): number;
  /** Picks one of the candidates, all of them eligible and under their limit; null when none. */
  choose(candidates: readonly Candidate[]): Candidate | null;
}

const byId = (a: Candidate, b: Candidate) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);

const defineStrategy = (
  name: string,
  ranking: CandidateRanking,
  compareKeys: (a: Candidate, b: Candidate) => number,
): RoutingStrategy => {
  const compare = (a: Candidate, b: Candidate) => compareKeys(a, b) || byId(a, b);
  return {
    name,
    ranking,
    compare,
    choose: (candidates) => {
      let best: Candidate | null = null;
      for (const c of candidates) {
        if (best === null || compare(c, best) < 0) {
          best = c;
        }
      }
      return best;
    },
  };
};

/** When the agent became ready for another conversation: Available, or last offered one, whichever is later. */
export const readySince = (c: Candidate): number =>
  Math.max(c.availableSince.getTime(), c.lastOfferedAt?.getTime() ?? 0);

/**
 * The seeds' default: the agent who has waited the longest, counted from when they became
 * Available or were last offered a conversation, whichever is later; so that with several chats
 * each, offers go round the free agents instead of filling the first one up.
 */
export const longestAvailable = defineStrategy(
  'longest-available',
  'ready-since',
  (a, b) => readySince(a) - readySince(b),
);

/** The agent holding the fewest conversations relative to their limit; then the longest Available. */
export const leastBusy = defineStrategy(
  'least-busy',
  'load-ratio',
  (a, b) =>
    // Cross-multiplied: exact in integers, so the store's order and this one never disagree.
    a.load * Math.max(1, b.limit) - b.load * Math.max(1, a.limit) ||
    a.availableSince.getTime() - b.availableSince.getTime(),
);

/** The agent offered anything least recently (never offered first). */
export const roundRobin = defineStrategy(
  'round-robin',
  'last-offered',
  (a, b) => (a.lastOfferedAt?.getTime() ?? 0) - (b.lastOfferedAt?.getTime() ?? 0),
);

export const ROUTING_STRATEGIES: ReadonlyMap<string, RoutingStrategy> = new Map(
  [longestAvailable, leastBusy, roundRobin].map((s) => [s.name, s]),
);

export const getRoutingStrategy = (name: string): RoutingStrategy =>
  ROUTING_STRATEGIES.get(name) ?? longestAvailable;
