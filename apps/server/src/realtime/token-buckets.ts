/** How many events a key may send: `burst` at once, refilled at `perSecond`. */
export interface BucketLimit {
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key (a socket, a conversation, a user), in this process's memory. A bucket that
 * has refilled to its burst holds nothing worth keeping, so `sweep` drops it: memory follows the
 * keys active in the last moments, not every key ever seen.
 */
export const createTokenBuckets = ({ burst, perSecond }: BucketLimit, now: () => number = Date.now) => {
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
  };
  return {
    /** Takes one token; false when the key has none left (the event is refused, nothing is queued). */
    take: (key: string): boolean => {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: burst, at: t };
        buckets.set(key, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    },
    /** Takes every token the key has: it gets more only as they refill. */
    empty: (key: string): void => {
      buckets.set(key, { tokens: 0, at: now() });
    },
    sweep: () => {
      const t = now();
      for (const [key, bucket] of buckets) {
        refill(bucket, t);
        if (bucket.tokens >= burst) {
          buckets.delete(key);
        }
      }
    },
    get size() {
      return buckets.size;
    },
  };
};

export type TokenBuckets = ReturnType<typeof createTokenBuckets>;
