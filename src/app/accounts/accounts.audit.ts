import type { Db } from '../../store/database.js';
import { insertAuditEntry } from '../../store/audit.repository.js';
import type { Clock } from './accounts.types.js';

/** Who did it, as far as it is known (a failed login has no actor). */
export type AuditActor = { userId: string | null; organizationId: string | null; ip: string | null };

/**
 * Appends one entry to the audit log. Other areas use it too (exports, answer-key access):
 * `action` is `area.verb` (`users.created`), `target` what it was done to.
 */
export const recordAudit = async ({
  db,
  clock,
  actor,
  action,
  target = null,
  details = {},
}: {
  db: Db;
  clock: Clock;
  actor: AuditActor;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}): Promise<void> => {
  await insertAuditEntry({
    db,
    entry: {
      at: clock.now(),
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action,
      target,
      details,
      ip: actor.ip,
    },
  });
};
