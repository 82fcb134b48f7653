import type { Db } from './database.js';

export type OrganizationRecord = { id: string; name: string; demo: boolean; createdAt: Date };

export const insertOrganization = async ({
  db,
  name,
  demo,
  createdAt,
}: {
  db: Db;
  name: string;
  demo: boolean;
  createdAt: Date;
}): Promise<OrganizationRecord> =>
  db.insertInto('organizations').values({ name, demo, createdAt }).returningAll().executeTakeFirstOrThrow();

export const countOrganizations = async ({ db }: { db: Db }): Promise<number> => {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

export const findDemoOrganizations = async ({ db }: { db: Db }): Promise<OrganizationRecord[]> =>
  db.selectFrom('organizations').selectAll().where('demo', '=', true).execute();

/** Deletes an organisation and, through ON DELETE CASCADE, everything that belongs to it. */
export const deleteOrganization = async ({ db, id }: { db: Db; id: string }): Promise<void> => {
  await db.deleteFrom('organizations').where('id', '=', id).execute();
};

/** The oldest organisation: the one a single-organisation installation has. */
export const findFirstOrganization = async ({ db }: { db: Db }): Promise<OrganizationRecord | undefined> =>
  db.selectFrom('organizations').selectAll().orderBy('createdAt').limit(1).executeTakeFirst();
