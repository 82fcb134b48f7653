import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from './database.js';
import type { Database, FindingsTable } from './schema.js';

// Reading and reviewing findings (质检结果). Agents are narrowed to their own sub-accounts: the
// caller passes the (shop, sub-account) pairs an agent may see, or null for everyone.

export type FindingRecord = Selectable<FindingsTable> & { shopName: string };

/** A sub-account in a shop: how chats name an agent. */
export type AgentKey = { shopId: string; agent: string };

export type FindingFilter = {
  organizationId: string;
  status?: string | undefined;
  ruleId?: string | undefined;
  agent?: string | undefined;
  shopId?: string | undefined;
  fromDay?: number | undefined;
  toDay?: number | undefined;
  /** null = every agent; otherwise only these (an agent's own sub-accounts; may be empty). */
  visible: AgentKey[] | null;
};

type FindingsScope = ExpressionBuilder<Database, 'findings'>;

const narrowTo = (eb: FindingsScope, visible: AgentKey[]) =>
  eb.or(
    visible.map((key) =>
      eb.and([eb('findings.shopId', '=', key.shopId), eb('findings.agent', '=', key.agent)]),
    ),
  );

const matching = (filter: FindingFilter) => (eb: FindingsScope) => {
  const conditions = [eb('findings.organizationId', '=', filter.organizationId)];
  if (filter.status !== undefined) conditions.push(eb('findings.status', '=', filter.status));
  if (filter.ruleId !== undefined) conditions.push(eb('findings.ruleId', '=', filter.ruleId));
  if (filter.agent !== undefined) conditions.push(eb('findings.agent', '=', filter.agent));
  if (filter.shopId !== undefined) conditions.push(eb('findings.shopId', '=', filter.shopId));
  if (filter.fromDay !== undefined) conditions.push(eb('findings.day', '>=', filter.fromDay));
  if (filter.toDay !== undefined) conditions.push(eb('findings.day', '<=', filter.toDay));
  if (filter.visible !== null)
    conditions.push(filter.visible.length === 0 ? eb.lit(false) : narrowTo(eb, filter.visible));
  return eb.and(conditions);
};

const withShop = (db: Db) =>
  db
    .selectFrom('findings')
    .innerJoin('shops', 'shops.id', 'findings.shopId')
    .selectAll('findings')
    .select('shops.name as shopName');

/** A page of findings (newest message first) with the total and counts by rule and by agent. */
export const listFindings = async ({
  db,
  filter,
  limit,
  offset,
}: {
  db: Db;
  filter: FindingFilter;
  limit: number;
  offset: number;
}) => {
  const where = matching(filter);
  const findings = await withShop(db)
    .where(where)
    .orderBy('findings.messageTime', 'desc')
    .orderBy('findings.start')
    .orderBy('findings.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const byRule = await db
    .selectFrom('findings')
    .select(['findings.ruleId', (eb) => eb.fn.countAll<string>().as('count')])
    .where(where)
    .groupBy('findings.ruleId')
    .orderBy('count', 'desc')
    .orderBy('findings.ruleId')
    .execute();
  const byAgent = await db
    .selectFrom('findings')
    .select([
      'findings.agent',
      (eb) => eb.fn.countAll<string>().as('count'),
      (eb) => eb.fn.sum<string>('findings.points').as('points'),
    ])
    .where(where)
    .groupBy('findings.agent')
    .orderBy('count', 'desc')
    .orderBy('findings.agent')
    .execute();
  return {
    findings,
    total: byRule.reduce((sum, row) => sum + Number(row.count), 0),
    byRule: byRule.map((row) => ({ ruleId: row.ruleId, count: Number(row.count) })),
    byAgent: byAgent.map((row) => ({
      agent: row.agent,
      count: Number(row.count),
      points: Math.round(Number(row.points ?? 0) * 10) / 10,
    })),
  };
};

export const findFinding = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<FindingRecord | undefined> =>
  withShop(db)
    .where('findings.organizationId', '=', organizationId)
    .where('findings.id', '=', id)
    .executeTakeFirst();

export type ReviewChanges = Partial<
  Pick<
    FindingRecord,
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
  >
>;

/**
 * Applies a review step only if the finding is still in `expected` status, so two reviewers acting
 * at once cannot both succeed. Returns false when the status had changed.
 */
export const updateFindingReview = async ({
  db,
  id,
  expected,
  changes,
}: {
  db: Db;
  id: string;
  expected: string;
  changes: ReviewChanges;
}): Promise<boolean> => {
  const rows = await db
    .updateTable('findings')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', expected)
    .returning('id')
    .execute();
  return rows.length === 1;
};

/** The findings of one conversation, for the conversation view. */
export const conversationFindings = async ({
  db,
  organizationId,
  shopId,
  conversation,
}: {
  db: Db;
  organizationId: string;
  shopId: string;
  conversation: string;
}) =>
  db
    .selectFrom('findings')
    .select(['id', 'messageTime', 'messageTextHash', 'agent', 'start', 'end', 'ruleId', 'status'])
    .where('organizationId', '=', organizationId)
    .where('shopId', '=', shopId)
    .where('conversation', '=', conversation)
    .orderBy('messageTime')
    .orderBy('start')
    .execute();

/** Per agent and status: how many findings and their points, for QA scores. */
export const findingTotalsByAgent = async ({
  db,
  organizationId,
  shopId,
  fromDay,
  toDay,
}: {
  db: Db;
  organizationId: string;
  shopId?: string | undefined;
  fromDay: number;
  toDay: number;
}) => {
  let query = db
    .selectFrom('findings')
    .select([
      'agent',
      'status',
      (eb) => eb.fn.countAll<string>().as('count'),
      (eb) => eb.fn.sum<string>('points').as('points'),
    ])
    .where('organizationId', '=', organizationId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay);
  if (shopId !== undefined) query = query.where('shopId', '=', shopId);
  const rows = await query.groupBy(['agent', 'status']).execute();
  return rows.map((row) => ({
    agent: row.agent,
    status: row.status,
    count: Number(row.count),
    points: Number(row.points ?? 0),
  }));
};

/**
 * Reviewed findings of agent messages (however an appeal ended), with the message text, for the
 * learning-loop export; ordered by message so one message's findings come together.
 */
export const reviewedFindings = async ({
  db,
  organizationId,
  limit,
  offset,
}: {
  db: Db;
  organizationId: string;
  limit: number;
  offset: number;
}) =>
  db
    .selectFrom('findings')
    .innerJoin('messages', (join) =>
      join
        .onRef('messages.shopId', '=', 'findings.shopId')
        .onRef('messages.buyer', '=', 'findings.buyer')
        .onRef('messages.agent', '=', 'findings.agent')
        .onRef('messages.time', '=', 'findings.messageTime')
        .onRef('messages.textHash', '=', 'findings.messageTextHash'),
    )
    .select([
      'findings.id',
      'findings.shopId',
      'findings.conversation',
      'findings.buyer',
      'findings.messageTime',
      'findings.messageTextHash',
      'findings.ruleId',
      'findings.status',
      'findings.orderId',
      'findings.dismissReason',
      'findings.reviewNote',
      'findings.decisionNote',
      'messages.conversation as storedConversation',
      'messages.text',
    ])
    .where('findings.organizationId', '=', organizationId)
    .where('findings.status', 'in', ['confirmed', 'dismissed', 'appeal_upheld', 'appeal_rejected'])
    .where('messages.sender', '=', 'agent')
    .orderBy('findings.shopId')
    .orderBy('findings.messageTime')
    .orderBy('findings.messageTextHash')
    .orderBy('findings.id')
    .limit(limit)
    .offset(offset)
    .execute();

/** The buyer's last messages before `time` in a conversation, newest first, with agent replies between. */
export const messagesBefore = async ({
  db,
  shopId,
  conversation,
  buyer,
  time,
}: {
  db: Db;
  shopId: string;
  conversation: string;
  buyer: string;
  time: Date;
}) =>
  db
    .selectFrom('messages')
    .select(['sender', 'text'])
    .where('shopId', '=', shopId)
    .where('conversation', '=', conversation)
    .where('buyer', '=', buyer)
    .where('time', '<', time)
    .where('time', '>', new Date(time.getTime() - 86_400_000))
    .orderBy('time', 'desc')
    .limit(6)
    .execute();
