import type { Db } from './database.js';

export type SessionRecord = {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  organizationId: string;
  role: string;
  login: string;
  disabled: boolean;
  mustChangePassword: boolean;
};

export const insertSession = async ({
  db,
  session,
}: {
  db: Db;
  session: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    createdAt: Date;
    ip: string | null;
  };
}): Promise<void> => {
  await db.insertInto('sessions').values(session).execute();
};

/** The session with the signed-in user's identity, if it exists and has not expired at `now`. */
export const findActiveSession = async ({
  db,
  id,
  now,
}: {
  db: Db;
  id: string;
  now: Date;
}): Promise<SessionRecord | undefined> =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id',
      'sessions.userId',
      'sessions.csrfToken',
      'sessions.expiresAt',
      'users.organizationId',
      'users.role',
      'users.login',
      'users.disabled',
      'users.mustChangePassword',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expiresAt', '>', now)
    .executeTakeFirst();

export const deleteSession = async ({ db, id }: { db: Db; id: string }): Promise<void> => {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
};

/** Ends every session of a user (after a password reset or when disabled), except `keep`. */
export const deleteUserSessions = async ({ db, userId, keep }: { db: Db; userId: string; keep?: string }) => {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keep) query = query.where('id', '!=', keep);
  await query.execute();
};

export const deleteExpiredSessions = async ({ db, now }: { db: Db; now: Date }): Promise<void> => {
  await db.deleteFrom('sessions').where('expiresAt', '<=', now).execute();
};
