import { AppError } from '@switchboard/core';

/**
 * Password hashing (scrypt, 128 MiB a hash) with bounded concurrency: at most `concurrency` hashes
 * run at once, so memory stays bounded whatever arrives, and at most `maxWaiting` wait their turn
 * (a shift of agents logging in at once all get in, in turn). Past that the work is refused with
 * `RATE_LIMITED` and a `Retry-After`, rather than queued without end.
 */
export const createPasswordWork = ({
  concurrency,
  maxWaiting,
}: {
  concurrency: number;
  maxWaiting: number;
}) => {
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };

  return {
    run: async <T>(work: () => Promise<T>): Promise<T> => {
      if (running >= concurrency) {
        if (waiting.length >= maxWaiting) {
          throw new AppError('RATE_LIMITED', 'Too many log-ins at once; try again in a few seconds', {
            retryAfterSeconds: 5,
          });
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
};

export type PasswordWork = ReturnType<typeof createPasswordWork>;
