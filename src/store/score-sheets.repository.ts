import type { Selectable } from 'kysely';
import type { Db, Trx } from './database.js';
import type { ScoreSheetsTable } from './schema.js';

// 质检评分表: score sheets, their saved versions and how 抽检 uses them.

export type ScoreSheetRecord = Selectable<ScoreSheetsTable>;

export const listScoreSheets = async ({ db, organizationId }: { db: Db; organizationId: string }) =>
  db
    .selectFrom('scoreSheets')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .orderBy('createdAt')
    .orderBy('title')
    .execute();

/** A sheet; with `lock`, its row stays locked until the transaction ends (revising vs scoring). */
export const findScoreSheet = async ({
  db,
  organizationId,
  id,
  lock = false,
}: {
  db: Db | Trx;
  organizationId: string;
  id: string;
  lock?: boolean;
}): Promise<ScoreSheetRecord | undefined> =>
  db
    .selectFrom('scoreSheets')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .$if(lock, (query) => query.forUpdate())
    .executeTakeFirst();

// Each saved version is kept as it was: what a sample scored on it was scored against.
const keepVersion = (db: Db | Trx, sheet: ScoreSheetRecord, savedBy: string | null) =>
  db
    .insertInto('scoreSheetVersions')
    .values({
      sheetId: sheet.id,
      version: sheet.version,
      title: sheet.title,
      items: JSON.stringify(sheet.items),
      savedBy,
      savedAt: sheet.updatedAt,
    })
    .execute();

/** A new sheet (version 1), kept in its history too; run it in a transaction. */
export const insertScoreSheet = async ({
  db,
  sheet,
}: {
  db: Db | Trx;
  sheet: { organizationId: string; title: string; items: unknown; createdBy: string | null; at: Date };
}): Promise<ScoreSheetRecord> => {
  const saved = await db
    .insertInto('scoreSheets')
    .values({
      organizationId: sheet.organizationId,
      title: sheet.title,
      items: JSON.stringify(sheet.items),
      version: 1,
      createdBy: sheet.createdBy,
      createdAt: sheet.at,
      updatedAt: sheet.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await keepVersion(db, saved, sheet.createdBy);
  return saved;
};

/** A new version of a sheet, kept in its history: samples scored before keep the version they were scored with. */
export const reviseScoreSheet = async ({
  db,
  id,
  title,
  items,
  savedBy,
  at,
}: {
  db: Db | Trx;
  id: string;
  title: string;
  items: unknown;
  savedBy: string | null;
  at: Date;
}): Promise<ScoreSheetRecord> => {
  const saved = await db
    .updateTable('scoreSheets')
    .set((eb) => ({ title, items: JSON.stringify(items), version: eb('version', '+', 1), updatedAt: at }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await keepVersion(db, saved, savedBy);
  return saved;
};

/** Every saved version of a sheet, newest first. */
export const listScoreSheetVersions = async ({ db, sheetId }: { db: Db; sheetId: string }) =>
  db
    .selectFrom('scoreSheetVersions')
    .leftJoin('users', 'users.id', 'scoreSheetVersions.savedBy')
    .select([
      'scoreSheetVersions.version',
      'scoreSheetVersions.title',
      'scoreSheetVersions.items',
      'scoreSheetVersions.savedAt',
      'users.login as savedBy',
    ])
    .where('scoreSheetVersions.sheetId', '=', sheetId)
    .orderBy('scoreSheetVersions.version', 'desc')
    .execute();

/** Per version of a sheet, how many samples were scored on it. */
export const scoredByVersion = async ({ db, sheetId }: { db: Db; sheetId: string }) =>
  new Map(
    (
      await db
        .selectFrom('samples')
        .select(['sheetVersion', (eb) => eb.fn.countAll<string>().as('count')])
        .where('sheetId', '=', sheetId)
        .where('scoredAt', 'is not', null)
        .groupBy('sheetVersion')
        .execute()
    ).map((row) => [row.sheetVersion, Number(row.count)] as const),
  );

/** Archives a sheet (no new draws with it) or, with `at` null, brings it back. */
export const setScoreSheetArchived = async ({
  db,
  organizationId,
  id,
  at,
}: {
  db: Db;
  organizationId: string;
  id: string;
  at: Date | null;
}): Promise<ScoreSheetRecord | undefined> =>
  db
    .updateTable('scoreSheets')
    .set({ archivedAt: at })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

/** Per sheet: how many samples were drawn with it and how many of those are scored. */
export const scoreSheetUsage = async ({
  db,
  organizationId,
  sheetId,
}: {
  db: Db | Trx;
  organizationId: string;
  sheetId?: string | undefined;
}): Promise<{ sheetId: string; samples: number; scored: number }[]> =>
  (
    await db
      .selectFrom('samples')
      .select([
        'sheetId',
        (eb) => eb.fn.countAll<string>().as('samples'),
        (eb) => eb.fn.count<string>('scoredAt').as('scored'),
      ])
      .where('organizationId', '=', organizationId)
      .$if(sheetId !== undefined, (query) => query.where('sheetId', '=', sheetId ?? ''))
      .groupBy('sheetId')
      .execute()
  ).map((row) => ({ sheetId: row.sheetId, samples: Number(row.samples), scored: Number(row.scored) }));

/**
 * Deletes a sheet no sample was ever drawn with (samples would go with it), in one statement so a
 * draw at the same moment cannot lose its samples. Returns whether a sheet was deleted.
 */
export const deleteUnusedScoreSheet = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<boolean> => {
  const deleted = await db
    .deleteFrom('scoreSheets')
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('samples').select('samples.id').whereRef('samples.sheetId', '=', 'scoreSheets.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
};
