import type { Db } from './database.js';

export type AuditEntryRecord = {
  id: string;
  at: Date;
  organizationId: string | null;
  actorId: string | null;
  actorLogin: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

export type NewAuditEntry = Omit<AuditEntryRecord, 'id' | 'actorLogin'>;

export const insertAuditEntry = async ({ db, entry }: { db: Db; entry: NewAuditEntry }): Promise<void> => {
  await db
    .insertInto('auditLog')
    .values({ ...entry, details: JSON.stringify(entry.details) })
    .execute();
};

/** The organisation's newest entries first; `before` pages back in time. */
export const listAuditEntries = async ({
  db,
  organizationId,
  limit,
  before,
}: {
  db: Db;
  organizationId: string;
  limit: number;
  before?: Date | undefined;
}): Promise<AuditEntryRecord[]> => {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.actorId')
    .select([
      'auditLog.id',
      'auditLog.at',
      'auditLog.organizationId',
      'auditLog.actorId',
      'users.login as actorLogin',
      'auditLog.action',
      'auditLog.target',
      'auditLog.details',
      'auditLog.ip',
    ])
    .where('auditLog.organizationId', '=', organizationId);
  if (before) query = query.where('auditLog.at', '<', before);
  return query.orderBy('auditLog.at', 'desc').orderBy('auditLog.id', 'desc').limit(limit).execute();
};
