import { type AuditEntryRecord, listAuditEntries } from '../../store/audit.repository.js';
import { authorize } from './accounts.authorize.js';
import type { AccountsDeps, Actor } from './accounts.types.js';

/** The organisation's audit log, newest first, for admins. */
export const listAudit = async ({
  db,
  actor,
  limit = 100,
  before,
}: Pick<AccountsDeps, 'db'> & {
  actor: Actor;
  limit?: number | undefined;
  before?: Date | undefined;
}): Promise<AuditEntryRecord[]> => {
  authorize(actor, 'audit.read');
  return listAuditEntries({ db, organizationId: actor.organizationId, limit, before });
};
