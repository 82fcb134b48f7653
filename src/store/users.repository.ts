import type { Db } from './database.js';
import type { SubAccountRecord } from './shops.repository.js';

export type UserRecord = {
  id: string;
  organizationId: string;
  login: string;
  displayName: string;
  role: string;
  teamId: string | null;
  teamName: string | null;
  subAccounts: SubAccountRecord[];
  disabled: boolean;
  certifiedAt: Date | null;
  mustChangePassword: boolean;
  createdAt: Date;
};

export type UserFilter = { role?: string | undefined; teamId?: string | undefined; q?: string | undefined };

const selectUsers = (db: Db) =>
  db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.teamId')
    .select([
      'users.id',
      'users.organizationId',
      'users.login',
      'users.displayName',
      'users.role',
      'users.teamId',
      'teams.name as teamName',
      'users.disabled',
      'users.certifiedAt',
      'users.mustChangePassword',
      'users.createdAt',
    ]);

type UserRow = Omit<UserRecord, 'subAccounts'>;

const withSubAccounts = async (db: Db, rows: UserRow[]): Promise<UserRecord[]> => {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('userSubAccounts')
    .innerJoin('subAccounts', 'subAccounts.id', 'userSubAccounts.subAccountId')
    .select(['userSubAccounts.userId', 'subAccounts.id', 'subAccounts.shopId', 'subAccounts.name'])
    .where(
      'userSubAccounts.userId',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('subAccounts.name')
    .execute();
  return rows.map((row) => ({
    ...row,
    subAccounts: links
      .filter((link) => link.userId === row.id)
      .map(({ id, shopId, name }) => ({ id, shopId, name })),
  }));
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export const listUsers = async ({
  db,
  organizationId,
  filter = {},
}: {
  db: Db;
  organizationId: string;
  filter?: UserFilter;
}): Promise<UserRecord[]> => {
  let query = selectUsers(db).where('users.organizationId', '=', organizationId);
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (filter.teamId) query = query.where('users.teamId', '=', filter.teamId);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('users.login', 'ilike', pattern), eb('users.displayName', 'ilike', pattern)]),
    );
  }
  return withSubAccounts(db, await query.orderBy('users.createdAt').orderBy('users.login').execute());
};

export const findUser = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<UserRecord | undefined> => {
  const row = await selectUsers(db)
    .where('users.organizationId', '=', organizationId)
    .where('users.id', '=', id)
    .executeTakeFirst();
  return row && (await withSubAccounts(db, [row]))[0];
};

/** The user and password hash for a sign-in, across organisations (logins are globally unique). */
export const findUserCredentials = async ({
  db,
  login,
}: {
  db: Db;
  login: string;
}): Promise<{ id: string; organizationId: string; passwordHash: string; disabled: boolean } | undefined> =>
  db
    .selectFrom('users')
    .select(['id', 'organizationId', 'passwordHash', 'disabled'])
    .where('login', '=', login)
    .executeTakeFirst();

export const findPasswordHash = async ({ db, id }: { db: Db; id: string }): Promise<string | undefined> =>
  (await db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirst())?.passwordHash;

export const loginExists = async ({ db, login }: { db: Db; login: string }): Promise<boolean> =>
  (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()) !== undefined;

export type NewUserRecord = {
  organizationId: string;
  login: string;
  displayName: string;
  role: string;
  teamId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: Date;
};

export const insertUser = async ({ db, user }: { db: Db; user: NewUserRecord }): Promise<{ id: string }> =>
  db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();

export type UserChanges = {
  displayName?: string | undefined;
  role?: string | undefined;
  teamId?: string | null | undefined;
  disabled?: boolean | undefined;
  passwordHash?: string | undefined;
  mustChangePassword?: boolean | undefined;
};

export const updateUser = async ({ db, id, changes }: { db: Db; id: string; changes: UserChanges }) => {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', id).execute();
};

/** Replaces the user's sub-accounts with `subAccountIds`. */
export const setUserSubAccounts = async ({
  db,
  userId,
  subAccountIds,
}: {
  db: Db;
  userId: string;
  subAccountIds: string[];
}) => {
  await db.deleteFrom('userSubAccounts').where('userId', '=', userId).execute();
  if (subAccountIds.length === 0) return;
  await db
    .insertInto('userSubAccounts')
    .values(subAccountIds.map((subAccountId) => ({ userId, subAccountId })))
    .execute();
};
