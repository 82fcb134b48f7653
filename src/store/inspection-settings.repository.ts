import { type Selectable, sql } from 'kysely';
import type { Db, Trx } from './database.js';
import type { SamplesTable, ShopRuleSettingsTable } from './schema.js';

// Shop rule settings (店铺质检设置) and samples (抽检); score sheets are in score-sheets.repository.ts.

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
