import type { Db } from './database.js';

export type LoginAttemptRecord = { login: string; ip: string | null; at: Date; success: boolean };

export const insertLoginAttempt = async ({ db, attempt }: { db: Db; attempt: LoginAttemptRecord }) => {
  await db.insertInto('loginAttempts').values(attempt).execute();
};

/** Attempts since `since` for this login or from this IP address, oldest first. */
export const listRecentLoginAttempts = async ({
  db,
  login,
  ip,
  since,
}: {
  db: Db;
  login: string;
  ip: string | null;
  since: Date;
}): Promise<LoginAttemptRecord[]> =>
  db
    .selectFrom('loginAttempts')
    .select(['login', 'ip', 'at', 'success'])
    .where('at', '>', since)
    .where((eb) => (ip ? eb.or([eb('login', '=', login), eb('ip', '=', ip)]) : eb('login', '=', login)))
    .orderBy('at')
    .execute();

/** Forgets attempts older than `before`; the throttle never looks further back than its window. */
export const deleteLoginAttemptsBefore = async ({ db, before }: { db: Db; before: Date }) => {
  await db.deleteFrom('loginAttempts').where('at', '<', before).execute();
};
