import type { Config } from '../../config/config.js';
import type { Role } from '../../domain/accounts/index.js';
import type { Db } from '../../store/database.js';

/** Where use-cases read the time; tests pass a fixed or stepping clock. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/**
 * Who performs a use-case. `userId` is null for the system (CLI commands run by the server's owner,
 * the demo seed); `ip` is recorded in the audit log.
 */
export type Actor = {
  userId: string | null;
  login: string;
  organizationId: string;
  role: Role;
  ip: string | null;
};

/** What every accounts use-case needs besides its input. */
export type AccountsDeps = { db: Db; clock: Clock; config: Config };
