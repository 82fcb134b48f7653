import type { Db } from './database.js';

export type TeamRecord = { id: string; organizationId: string; name: string; memberCount: number };

const teamsWithCounts = (db: Db, organizationId: string) =>
  db
    .selectFrom('teams')
    .select(['teams.id', 'teams.organizationId', 'teams.name'])
    .select((eb) =>
      eb
        .selectFrom('users')
        .whereRef('users.teamId', '=', 'teams.id')
        .select(eb.fn.countAll<number>().as('count'))
        .as('memberCount'),
    )
    .where('teams.organizationId', '=', organizationId);

const toTeam = (row: {
  id: string;
  organizationId: string;
  name: string;
  memberCount: number | string | null;
}) => ({
  ...row,
  // PostgreSQL returns count(*) as a bigint string, PGlite as a number.
  memberCount: Number(row.memberCount ?? 0),
});

export const listTeams = async ({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<TeamRecord[]> =>
  (await teamsWithCounts(db, organizationId).orderBy('teams.name').execute()).map(toTeam);

export const findTeam = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<TeamRecord | undefined> => {
  const row = await teamsWithCounts(db, organizationId).where('teams.id', '=', id).executeTakeFirst();
  return row && toTeam(row);
};

export const findTeamByName = async ({
  db,
  organizationId,
  name,
}: {
  db: Db;
  organizationId: string;
  name: string;
}): Promise<{ id: string } | undefined> =>
  db
    .selectFrom('teams')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();

export const insertTeam = async ({
  db,
  team,
}: {
  db: Db;
  team: { organizationId: string; name: string; createdAt: Date };
}): Promise<TeamRecord> => {
  const row = await db
    .insertInto('teams')
    .values(team)
    .returning(['id', 'organizationId', 'name'])
    .executeTakeFirstOrThrow();
  return { ...row, memberCount: 0 };
};

export const renameTeam = async ({
  db,
  organizationId,
  id,
  name,
}: {
  db: Db;
  organizationId: string;
  id: string;
  name: string;
}): Promise<boolean> => {
  const result = await db
    .updateTable('teams')
    .set({ name })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};
