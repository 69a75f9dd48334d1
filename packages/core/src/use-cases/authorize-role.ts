import type { TRole } from '@switchboard/contracts';
import { AppError } from '../errors';

/** Administrators configure; supervisors watch and may reveal; agents converse. */
export const authorizeRole = ({ role, allowed }: { role: TRole; allowed: readonly TRole[] }): void => {
  if (!allowed.includes(role)) {
    throw new AppError('FORBIDDEN');
  }
};
