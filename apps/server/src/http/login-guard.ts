import { AppError } from '@switchboard/core';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Failed log-ins, counted per address (across accounts: one client guessing many accounts) and
 * per account (across addresses: many clients guessing one account), in fixed windows. Past
 * either cap, log-ins from that address or to that account are refused with `RATE_LIMITED` until
 * the window ends. Successful log-ins are not counted, so a whole office behind one address logs
 * in at a shift's start. Counts are this process's own.
 */
export const createLoginGuard = ({
  perAddress,
  perAccount,
  windowMs,
  now = Date.now,
}: {
  perAddress: number;
  perAccount: number;
  windowMs: number;
  now?: () => number;
}) => {
  const failures = new Map<string, Window>();

  const current = (key: string): Window | undefined => {
    const window = failures.get(key);
    if (window && window.resetAt <= now()) {
      failures.delete(key);
      return undefined;
    }
    return window;
  };

  const refuse = (window: Window): never => {
    throw new AppError('RATE_LIMITED', 'Too many failed log-ins; try again later', {
      retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now()) / 1000)),
    });
  };

  const sweep = () => {
    for (const key of failures.keys()) {
      current(key);
    }
  };

  const count = (key: string) => {
    if (failures.size > 10_000) {
      sweep();
    }
    const window = current(key);
    if (window) {
      window.count += 1;
    } else {
      failures.set(key, { count: 1, resetAt: now() + windowMs });
    }
  };

  return {
    /** Before any password work: refuses an address or an account past its cap. */
    check: (address: string, account: string) => {
      const byAddress = current(`ip:${address}`);
      if (byAddress && byAddress.count >= perAddress) {
        refuse(byAddress);
      }
      const byAccount = current(`account:${account}`);
      if (byAccount && byAccount.count >= perAccount) {
        refuse(byAccount);
      }
    },
    failed: (address: string, account: string) => {
      count(`ip:${address}`);
      count(`account:${account}`);
    },
  };
};

export type LoginGuard = ReturnType<typeof createLoginGuard>;
