import { type Selectable, sql } from 'kysely';
import type { Db, Trx } from './database.js';
import type { SamplesTable, ScoreSheetsTable, ShopRuleSettingsTable } from './schema.js';

// Shop rule settings (店铺质检设置), score sheets (质检评分表) and samples (抽检).

export type ShopSettingsRecord = Selectable<ShopRuleSettingsTable>;

/** Every settings version of some shops, oldest first per shop. */
export const listShopSettings = async ({
  db,
  organizationId,
  shopIds,
}: {
  db: Db;
  organizationId: string;
  shopIds: string[];
}): Promise<ShopSettingsRecord[]> =>
  shopIds.length === 0
    ? []
    : db
        .selectFrom('shopRuleSettings')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('shopId', 'in', shopIds)
        .orderBy('shopId')
        .orderBy('effectiveFrom')
        .execute();

/** Saves the settings that apply from `effectiveFrom`; saving the same day again replaces them. */
export const saveShopSettings = async ({
  db,
  settings,
}: {
  db: Db;
  settings: {
    organizationId: string;
    shopId: string;
    effectiveFrom: string;
    rules: unknown;
    custom: unknown;
    createdBy: string | null;
    createdAt: Date;
  };
}): Promise<ShopSettingsRecord> => {
  const row = {
    ...settings,
    rules: JSON.stringify(settings.rules),
    custom: JSON.stringify(settings.custom),
  };
  return db
    .insertInto('shopRuleSettings')
    .values(row)
    .onConflict((oc) =>
      oc.constraint('shop_rule_settings_effective_unique').doUpdateSet({
        rules: row.rules,
        custom: row.custom,
        createdBy: row.createdBy,
        createdAt: row.createdAt,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
};

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

export type SampleRecord = Selectable<SamplesTable> & { shopName: string };

/**
 * The conversations of a period, each with an agent who sent a manual reply in it (chats without
 * a conversation id: one per buyer and day, with an empty `conversation`).
 */
export const selectSampleCandidates = async ({
  db,
  shopIds,
  fromDay,
  toDay,
}: {
  db: Db;
  shopIds: string[];
  fromDay: number;
  toDay: number;
}) =>
  shopIds.length === 0
    ? []
    : db
        .selectFrom('messages')
        .select(['shopId', 'conversation', 'buyer', 'agent', (eb) => eb.fn.min('day').as('day')])
        .where('shopId', 'in', shopIds)
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .where('sender', '=', 'agent')
        .where('kind', 'in', ['human', 'assist'])
        // Chats exported without a conversation id are one conversation per buyer and day.
        .groupBy(['shopId', 'conversation', 'buyer', 'agent', sql`case when conversation = '' then day end`])
        .execute();

/** Stores drawn samples; one already drawn for the same sheet and conversation is kept as it is. */
export const insertSamples = async ({
  db,
  samples,
}: {
  db: Db;
  samples: {
    organizationId: string;
    sheetId: string;
    shopId: string;
    day: number;
    conversation: string;
    buyer: string;
    agent: string;
    createdBy: string | null;
    createdAt: Date;
  }[];
}) => {
  if (samples.length === 0) return;
  await db
    .insertInto('samples')
    .values(samples)
    .onConflict((oc) => oc.constraint('samples_conversation_unique').doNothing())
    .execute();
};

const samplesWithShop = (db: Db | Trx) =>
  db
    .selectFrom('samples')
    .innerJoin('shops', 'shops.id', 'samples.shopId')
    .selectAll('samples')
    .select('shops.name as shopName');

/** The samples of a sheet for some conversations (after a draw). */
export const findSamples = async ({
  db,
  organizationId,
  sheetId,
  keys,
}: {
  db: Db;
  organizationId: string;
  sheetId: string;
  keys: { shopId: string; conversation: string }[];
}): Promise<SampleRecord[]> =>
  keys.length === 0
    ? []
    : samplesWithShop(db)
        .where('samples.organizationId', '=', organizationId)
        .where('samples.sheetId', '=', sheetId)
        .where((eb) =>
          eb.or(
            keys.map((key) =>
              eb.and([
                eb('samples.shopId', '=', key.shopId),
                eb('samples.conversation', '=', key.conversation),
              ]),
            ),
          ),
        )
        .orderBy('samples.agent')
        .orderBy('samples.day')
        .orderBy('samples.conversation')
        .execute();

export const listSamples = async ({
  db,
  organizationId,
  fromDay,
  toDay,
}: {
  db: Db;
  organizationId: string;
  fromDay: number;
  toDay: number;
}): Promise<SampleRecord[]> =>
  samplesWithShop(db)
    .where('samples.organizationId', '=', organizationId)
    .where('samples.day', '>=', fromDay)
    .where('samples.day', '<=', toDay)
    .orderBy('samples.agent')
    .orderBy('samples.day')
    .orderBy('samples.conversation')
    .execute();

export const findSample = async ({
  db,
  organizationId,
  id,
}: {
  db: Db | Trx;
  organizationId: string;
  id: string;
}): Promise<SampleRecord | undefined> =>
  samplesWithShop(db)
    .where('samples.organizationId', '=', organizationId)
    .where('samples.id', '=', id)
    .executeTakeFirst();

export const scoreSampleRow = async ({
  db,
  id,
  score,
}: {
  db: Db | Trx;
  id: string;
  score: {
    sheetVersion: number;
    scores: number[];
    total: number;
    comment: string | null;
    scoredBy: string | null;
    scoredAt: Date;
  };
}) => {
  await db
    .updateTable('samples')
    .set({ ...score, scores: JSON.stringify(score.scores) })
    .where('id', '=', id)
    .execute();
};
