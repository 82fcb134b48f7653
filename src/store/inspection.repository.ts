import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Db, Trx } from './database.js';
import type { Database, FindingsTable, InspectionRunsTable } from './schema.js';

// Bulk inspection runs (质检任务) and the chats they read. Findings live in
// inspection-findings.repository.ts.

export type RunRecord = Selectable<InspectionRunsTable>;

export const insertRun = async ({
  db,
  run,
}: {
  db: Db;
  run: {
    organizationId: string;
    shopId: string | null;
    fromDay: number;
    toDay: number;
    messagesTotal: number;
    createdBy: string | null;
    startedAt: Date;
  };
}): Promise<RunRecord> =>
  db
    .insertInto('inspectionRuns')
    .values({ ...run, status: 'running', error: null, finishedAt: null })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateRun = async ({
  db,
  id,
  changes,
}: {
  db: Db;
  id: string;
  changes: Partial<Pick<RunRecord, 'status' | 'messagesChecked' | 'findingsCount' | 'error' | 'finishedAt'>>;
}): Promise<RunRecord> =>
  db.updateTable('inspectionRuns').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const findRun = async ({ db, organizationId, id }: { db: Db; organizationId: string; id: string }) =>
  db
    .selectFrom('inspectionRuns')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listRuns = async ({
  db,
  organizationId,
  limit,
}: {
  db: Db;
  organizationId: string;
  limit: number;
}): Promise<RunRecord[]> =>
  db
    .selectFrom('inspectionRuns')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .orderBy('startedAt', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();

type ShopDays = { shopIds: string[]; fromDay: number; toDay: number };

const inShopDays =
  ({ shopIds, fromDay, toDay }: ShopDays) =>
  (eb: ExpressionBuilder<Database, 'messages'>) =>
    eb.and([eb('shopId', 'in', shopIds), eb('day', '>=', fromDay), eb('day', '<=', toDay)]);

export const countMessages = async ({ db, ...range }: { db: Db } & ShopDays): Promise<number> => {
  if (range.shopIds.length === 0) return 0;
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where(inShopDays(range))
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

export type ChatRow = {
  day: number;
  conversation: string;
  buyer: string;
  agent: string;
  sender: string;
  time: Date;
  kind: string;
  text: string;
  textHash: string;
};

/** Where a batch of a shop's chats ends; the next batch starts after it. */
export type ChatCursor = Pick<ChatRow, 'conversation' | 'buyer' | 'time' | 'sender' | 'agent' | 'textHash'>;

/**
 * One batch of a shop's messages in [fromDay, toDay], ordered by conversation, buyer and time
 * (then the rest of the natural key, so the order is total and keyset paging never skips a row).
 */
export const selectChatBatch = async ({
  db,
  shopId,
  fromDay,
  toDay,
  after,
  limit,
}: {
  db: Db;
  shopId: string;
  fromDay: number;
  toDay: number;
  after: ChatCursor | null;
  limit: number;
}): Promise<ChatRow[]> => {
  let query = db
    .selectFrom('messages')
    .select(['day', 'conversation', 'buyer', 'agent', 'sender', 'time', 'kind', 'text', 'textHash'])
    .where('shopId', '=', shopId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay);
  if (after)
    query = query.where(
      sql<boolean>`(conversation, buyer, time, sender, agent, text_hash) > (${after.conversation}, ${after.buyer}, ${after.time}, ${after.sender}, ${after.agent}, ${after.textHash})`,
    );
  return query
    .orderBy('conversation')
    .orderBy('buyer')
    .orderBy('time')
    .orderBy('sender')
    .orderBy('agent')
    .orderBy('textHash')
    .limit(limit)
    .execute();
};

/** The messages of one conversation (or, without an id, of one buyer on some days), in time order. */
export const selectConversationMessages = async ({
  db,
  shopId,
  conversation,
  buyer,
  days,
}: {
  db: Db;
  shopId: string;
  conversation: string;
  buyer?: string | undefined;
  days?: { from: number; to: number } | undefined;
}) => {
  let query = db
    .selectFrom('messages')
    .select(['day', 'buyer', 'agent', 'sender', 'time', 'kind', 'text', 'textHash'])
    .where('shopId', '=', shopId)
    .where('conversation', '=', conversation);
  if (buyer !== undefined) query = query.where('buyer', '=', buyer);
  if (days) query = query.where('day', '>=', days.from).where('day', '<=', days.to);
  return query.orderBy('time').orderBy('sender').limit(5_000).execute();
};

export type OrderFactsRow = {
  orderId: string;
  buyer: string;
  created: Date;
  paid: Date | null;
  amount: string | number | bigint;
  shipped: Date | null;
  postage: string | number | bigint | null;
  closedBy: string | null;
};

/** The orders of some buyers of a shop created in [from, to]. */
export const selectBuyerOrders = async ({
  db,
  shopId,
  buyers,
  from,
  to,
}: {
  db: Db;
  shopId: string;
  buyers: string[];
  from: Date;
  to: Date;
}): Promise<OrderFactsRow[]> =>
  buyers.length === 0
    ? []
    : db
        .selectFrom('orders')
        .select(['orderId', 'buyer', 'created', 'paid', 'amount', 'shipped', 'postage', 'closedBy'])
        .where('shopId', '=', shopId)
        .where('buyer', 'in', buyers)
        .where('created', '>=', from)
        .where('created', '<=', to)
        .execute();

export type NewFinding = Omit<
  Selectable<FindingsTable>,
  | 'id'
  | 'status'
  | 'dismissReason'
  | 'reviewNote'
  | 'reviewedBy'
  | 'reviewedAt'
  | 'appealText'
  | 'appealedBy'
  | 'appealedAt'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionNote'
>;

// 16 columns a row: 1,000 rows stay far below PostgreSQL's 65,535 parameters.
const upsertChunk = 1_000;

/**
 * Stores a run's findings. A finding already stored (same shop, conversation, message time, rule
 * and offset) takes the new run's data but keeps its review status, notes and reviewers.
 */
export const upsertFindings = async ({ db, findings }: { db: Db | Trx; findings: NewFinding[] }) => {
  for (let index = 0; index < findings.length; index += upsertChunk) {
    await db
      .insertInto('findings')
      .values(findings.slice(index, index + upsertChunk))
      .onConflict((oc) =>
        oc.constraint('findings_natural_key').doUpdateSet((eb) => ({
          runId: eb.ref('excluded.runId'),
          day: eb.ref('excluded.day'),
          buyer: eb.ref('excluded.buyer'),
          agent: eb.ref('excluded.agent'),
          messageTextHash: eb.ref('excluded.messageTextHash'),
          ruleVersion: eb.ref('excluded.ruleVersion'),
          ruleTitle: eb.ref('excluded.ruleTitle'),
          kind: eb.ref('excluded.kind'),
          points: eb.ref('excluded.points'),
          end: eb.ref('excluded.end'),
          evidence: eb.ref('excluded.evidence'),
          orderId: eb.ref('excluded.orderId'),
        })),
      )
      .execute();
  }
};

/**
 * After a run: open findings of its shops and days that it did not find again (a rule switched off,
 * a chat re-imported differently) are removed. Reviewed findings stay, whatever the run found.
 */
export const deleteUnfoundOpenFindings = async ({
  db,
  organizationId,
  runId,
  shopIds,
  fromDay,
  toDay,
}: { db: Db; organizationId: string; runId: string } & ShopDays): Promise<number> => {
  if (shopIds.length === 0) return 0;
  const rows = await db
    .deleteFrom('findings')
    .where('organizationId', '=', organizationId)
    .where('shopId', 'in', shopIds)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('runId', 'is', null), eb('runId', '!=', runId)]))
    .returning('id')
    .execute();
  return rows.length;
};

/** How many findings of the run's shops and days the run stored or refreshed. */
export const countRunFindings = async ({ db, runId }: { db: Db; runId: string }): Promise<number> => {
  const row = await db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('runId', '=', runId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
};
