import { sql } from 'kysely';
import type { Db, Trx } from './database.js';

// Materialised KPI results: engine parts per agent-day and shop-day, which days are fresh, and the
// log of restated numbers. Parts are JSON the domain encodes (agentPartsToJson).

export type MetricDayStatus = { shopId: string; day: number; settingsHash: string; stale: boolean };

type DayRange = { db: Db | Trx; shopIds: string[]; fromDay: number; toDay: number };

/** The computed days of the shops in [fromDay, toDay]; a day without a row was never computed. */
export const selectMetricDays = async ({
  db,
  shopIds,
  fromDay,
  toDay,
}: DayRange): Promise<MetricDayStatus[]> =>
  shopIds.length === 0
    ? []
    : db
        .selectFrom('metricDays')
        .select(['shopId', 'day', 'settingsHash', 'stale'])
        .where('shopId', 'in', shopIds)
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .execute();

// Serialises a shop's stale marks with the storing of its recomputed days (see replaceShopResults).
const lockShopResults = (db: Db | Trx, shopId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${shopId}))`.execute(db);

/** Each shop's stale-mark counter (0 when never marked): a recompute notes it before it reads. */
export const selectMetricGenerations = async ({
  db,
  shopIds,
}: {
  db: Db | Trx;
  shopIds: string[];
}): Promise<Map<string, number>> => {
  const rows =
    shopIds.length === 0
      ? []
      : await db
          .selectFrom('metricGenerations')
          .select(['shopId', 'generation'])
          .where('shopId', 'in', shopIds)
          .execute();
  return new Map(shopIds.map((id) => [id, rows.find((row) => row.shopId === id)?.generation ?? 0]));
};

/**
 * Marks a shop's computed days in [fromDay, toDay] as needing a recompute and raises the shop's
 * counter, so that a recompute that read the records before this mark stores its days stale.
 */
export const markMetricDaysStale = async ({
  db,
  shopId,
  fromDay,
  toDay,
}: {
  db: Db | Trx;
  shopId: string;
  fromDay: number;
  toDay: number;
}): Promise<void> => {
  await lockShopResults(db, shopId);
  await db
    .insertInto('metricGenerations')
    .values({ shopId, generation: 1 })
    .onConflict((conflict) =>
      conflict.column('shopId').doUpdateSet({ generation: sql`metric_generations.generation + 1` }),
    )
    .execute();
  await db
    .updateTable('metricDays')
    .set({ stale: true })
    .where('shopId', '=', shopId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute();
};

export type StoredAgentDay = { shopId: string; day: number; agent: string; parts: unknown };
export type StoredShopDay = { shopId: string; day: number; parts: unknown };

export const selectAgentDays = async ({
  db,
  shopIds,
  fromDay,
  toDay,
}: DayRange): Promise<StoredAgentDay[]> =>
  shopIds.length === 0
    ? []
    : db
        .selectFrom('metricAgentDays')
        .select(['shopId', 'day', 'agent', 'parts'])
        .where('shopId', 'in', shopIds)
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .execute();

export const selectShopDays = async ({ db, shopIds, fromDay, toDay }: DayRange): Promise<StoredShopDay[]> =>
  shopIds.length === 0
    ? []
    : db
        .selectFrom('metricShopDays')
        .select(['shopId', 'day', 'parts'])
        .where('shopId', 'in', shopIds)
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .execute();

// PostgreSQL allows 65,535 parameters per statement; 1,000 rows of 5 columns stays far below.
const chunkSize = 1_000;
const inChunks = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let at = 0; at < rows.length; at += chunkSize) await write(rows.slice(at, at + chunkSize));
};

/**
 * Replaces one shop's results on `days` with freshly computed parts and marks those days fresh —
 * unless the shop's counter moved past `generation` (noted before the records were read): then an
 * import or settings change landed meanwhile and the days are stored stale, to be recomputed.
 * Recomputes and stale marks of the same shop wait for each other (advisory lock), so they never
 * interleave.
 */
export const replaceShopResults = async ({
  trx,
  organizationId,
  shopId,
  days,
  settingsHash,
  generation,
  agentDays,
  shopDays,
  at,
}: {
  trx: Trx;
  organizationId: string;
  shopId: string;
  days: number[];
  settingsHash: string;
  generation: number;
  agentDays: { day: number; agent: string; parts: unknown }[];
  shopDays: { day: number; parts: unknown }[];
  at: Date;
}): Promise<void> => {
  if (days.length === 0) return;
  await lockShopResults(trx, shopId);
  const stale =
    ((await selectMetricGenerations({ db: trx, shopIds: [shopId] })).get(shopId) ?? 0) !== generation;
  for (const table of ['metricAgentDays', 'metricShopDays'] as const)
    await trx.deleteFrom(table).where('shopId', '=', shopId).where('day', 'in', days).execute();
  await inChunks(agentDays, (chunk) =>
    trx
      .insertInto('metricAgentDays')
      .values(chunk.map((row) => ({ organizationId, shopId, ...row, parts: JSON.stringify(row.parts) })))
      .execute(),
  );
  await inChunks(shopDays, (chunk) =>
    trx
      .insertInto('metricShopDays')
      .values(chunk.map((row) => ({ organizationId, shopId, ...row, parts: JSON.stringify(row.parts) })))
      .execute(),
  );
  await inChunks(days, (chunk) =>
    trx
      .insertInto('metricDays')
      .values(chunk.map((day) => ({ organizationId, shopId, day, settingsHash, stale, computedAt: at })))
      .onConflict((conflict) =>
        conflict.columns(['shopId', 'day']).doUpdateSet({ settingsHash, stale, computedAt: at }),
      )
      .execute(),
  );
};

/** When each of a shop's days was last computed (what a restatement changes was reported then). */
export const selectComputedAt = async ({
  db,
  shopId,
  days,
}: {
  db: Db | Trx;
  shopId: string;
  days: number[];
}) =>
  days.length === 0
    ? []
    : db
        .selectFrom('metricDays')
        .select(['day', 'computedAt'])
        .where('shopId', '=', shopId)
        .where('day', 'in', days)
        .execute();

export type Restatement = {
  shopId: string;
  day: number;
  agent: string;
  metric: string;
  before: number;
  after: number;
  reportedAt: Date;
  restatedAt: Date;
};

export const insertRestatements = async ({
  db,
  organizationId,
  restatements,
}: {
  db: Db | Trx;
  organizationId: string;
  restatements: Restatement[];
}): Promise<void> =>
  inChunks(restatements, (chunk) =>
    db
      .insertInto('metricRestatements')
      .values(chunk.map((row) => ({ organizationId, ...row })))
      .execute(),
  );

/** The organisation's latest restatements, newest first, optionally of the days [fromDay, toDay]. */
export const listRestatements = async ({
  db,
  organizationId,
  fromDay,
  toDay,
  limit,
}: {
  db: Db;
  organizationId: string;
  fromDay?: number | undefined;
  toDay?: number | undefined;
  limit: number;
}) => {
  let query = db
    .selectFrom('metricRestatements')
    .innerJoin('shops', 'shops.id', 'metricRestatements.shopId')
    .select([
      'shops.name as shop',
      'metricRestatements.day',
      'metricRestatements.agent',
      'metricRestatements.metric',
      'metricRestatements.before',
      'metricRestatements.after',
      'metricRestatements.reportedAt',
      'metricRestatements.restatedAt',
    ])
    .where('metricRestatements.organizationId', '=', organizationId);
  if (fromDay !== undefined) query = query.where('metricRestatements.day', '>=', fromDay);
  if (toDay !== undefined) query = query.where('metricRestatements.day', '<=', toDay);
  return query
    .orderBy('metricRestatements.restatedAt', 'desc')
    .orderBy('metricRestatements.day')
    .limit(limit)
    .execute();
};
