import type {
  MessageRecord,
  OrderRecord,
  RatingRecord,
  ReplyKind,
  Sender,
  TicketRecord,
} from '../domain/metrics/index.js';
import type { Fen, Millis } from '../domain/shared/index.js';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from './database.js';
import type { StoredShop } from './metrics.repository.js';
import type { Database } from './schema.js';

// Reading stored KPI records back as engine records, and the people behind sub-accounts.

const ms = (value: Date): Millis => value.getTime() as Millis;
const msOrNull = (value: Date | null): Millis | null => (value ? ms(value) : null);
const fen = (value: string | number | bigint): Fen => Number(value) as Fen;

/** A shop set and a day range [fromDay, toDay] (shop-local day numbers). */
export type RecordRange = { db: Db; shops: StoredShop[]; fromDay: number; toDay: number };

const shopIndex = (shops: StoredShop[]) => new Map(shops.map((shop) => [shop.id, shop]));

// The record tables are all keyed by shop and shop-local day.
type DayTables = 'messages' | 'orders' | 'ratings' | 'tickets';

/** The rows of the range's shops and days, as a where clause any record table accepts. */
const inRange =
  ({ byId, fromDay, toDay }: { byId: Map<string, StoredShop>; fromDay: number; toDay: number }) =>
  (eb: ExpressionBuilder<Database, DayTables>) =>
    eb.and([eb('shopId', 'in', [...byId.keys()]), eb('day', '>=', fromDay), eb('day', '<=', toDay)]);

const shopOf = (byId: Map<string, StoredShop>, id: string): StoredShop => {
  const shop = byId.get(id);
  if (!shop) throw new Error(`shop ${id} was not asked for`);
  return shop;
};

/** Messages of the shops in the range, as engine records (shop = the shop's name). */
export const selectMessages = async ({
  db,
  shops,
  fromDay,
  toDay,
}: RecordRange): Promise<MessageRecord[]> => {
  if (shops.length === 0) return [];
  const byId = shopIndex(shops);
  const rows = await db
    .selectFrom('messages')
    .select(['shopId', 'conversation', 'buyer', 'agent', 'sender', 'time', 'kind', 'text'])
    .where(inRange({ byId, fromDay, toDay }))
    .orderBy('time')
    .execute();
  return rows.map((row) => {
    const shop = shopOf(byId, row.shopId);
    const record: MessageRecord = {
      shop: shop.name,
      platform: shop.platform,
      buyer: row.buyer,
      agent: row.agent,
      sender: row.sender as Sender,
      time: ms(row.time),
      text: row.text,
      kind: row.kind as ReplyKind,
    };
    if (row.conversation !== '') record.conversation = row.conversation;
    return record;
  });
};

type Rulings = Map<string, string | null>;

/** The shops' credit rulings (落实客服改判), keyed by shop and order id; few, so read whole. */
const selectRulings = async (db: Db, shopIds: string[]): Promise<Rulings> => {
  const rows = await db
    .selectFrom('creditRulings')
    .select(['shopId', 'orderId', 'agent'])
    .where('shopId', 'in', shopIds)
    .execute();
  return new Map(rows.map((row) => [`${row.shopId}/${row.orderId}`, row.agent]));
};

const creditOf = (rulings: Rulings, shopId: string, orderId: string) => {
  const key = `${shopId}/${orderId}`;
  return rulings.has(key) ? { creditAgent: rulings.get(key) ?? null } : {};
};

/** Orders of the shops created in the range, with any credit ruling. */
export const selectOrders = async ({ db, shops, fromDay, toDay }: RecordRange): Promise<OrderRecord[]> => {
  if (shops.length === 0) return [];
  const byId = shopIndex(shops);
  const rows = await db.selectFrom('orders').selectAll().where(inRange({ byId, fromDay, toDay })).execute();
  const rulings = await selectRulings(db, [...byId.keys()]);
  return rows.map((row) => ({
    shop: shopOf(byId, row.shopId).name,
    order: row.orderId,
    buyer: row.buyer,
    created: ms(row.created),
    paid: msOrNull(row.paid),
    amount: fen(row.amount),
    items: row.items,
    status: row.status,
    refund: fen(row.refund),
    shipped: msOrNull(row.shipped),
    postage: row.postage === null ? null : fen(row.postage),
    closedBy: row.closedBy as OrderRecord['closedBy'],
    sku: row.sku,
    ...creditOf(rulings, row.shopId, row.orderId),
  }));
};

/** Ratings of the shops in the range. */
export const selectRatings = async ({ db, shops, fromDay, toDay }: RecordRange): Promise<RatingRecord[]> => {
  if (shops.length === 0) return [];
  const byId = shopIndex(shops);
  const rows = await db.selectFrom('ratings').selectAll().where(inRange({ byId, fromDay, toDay })).execute();
  return rows.map((row) => {
    const record: RatingRecord = {
      shop: shopOf(byId, row.shopId).name,
      buyer: row.buyer,
      agent: row.agent,
      time: ms(row.time),
      stars: row.stars as RatingRecord['stars'],
    };
    if (row.conversation !== '') record.conversation = row.conversation;
    return record;
  });
};

/** Tickets of the shops applied for in the range. */
export const selectTickets = async ({ db, shops, fromDay, toDay }: RecordRange): Promise<TicketRecord[]> => {
  if (shops.length === 0) return [];
  const byId = shopIndex(shops);
  const rows = await db.selectFrom('tickets').selectAll().where(inRange({ byId, fromDay, toDay })).execute();
  return rows.map((row) => ({
    shop: shopOf(byId, row.shopId).name,
    ticket: row.ticket,
    agent: row.agent,
    applied: ms(row.applied),
    reviewed: msOrNull(row.reviewed),
    ready: msOrNull(row.ready),
    resolved: msOrNull(row.resolved),
    awaitingCustomer: row.awaitingCustomer,
    sampled: row.sampled,
    samplePassed: row.samplePassed,
  }));
};

/** A sub-account (the agent name in records) with the user and team it belongs to. */
export type AgentOwner = {
  agent: string;
  shopId: string;
  userId: string;
  displayName: string;
  teamId: string | null;
  teamName: string | null;
};

/** Every sub-account of the organisation held by a user, with the user's team. */
export const selectAgentOwners = async ({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<AgentOwner[]> =>
  db
    .selectFrom('userSubAccounts')
    .innerJoin('subAccounts', 'subAccounts.id', 'userSubAccounts.subAccountId')
    .innerJoin('users', 'users.id', 'userSubAccounts.userId')
    .leftJoin('teams', 'teams.id', 'users.teamId')
    .select([
      'subAccounts.name as agent',
      'subAccounts.shopId',
      'users.id as userId',
      'users.displayName',
      'users.teamId',
      'teams.name as teamName',
    ])
    .where('users.organizationId', '=', organizationId)
    .execute();

/** The messages of some buyers of a shop on one local day, in time order (drill-downs). */
export const selectConversations = async ({
  db,
  shopId,
  buyers,
  day,
}: {
  db: Db;
  shopId: string;
  buyers: string[];
  day: number;
}) =>
  buyers.length === 0
    ? []
    : db
        .selectFrom('messages')
        .select(['buyer', 'agent', 'sender', 'time', 'kind', 'text'])
        .where('shopId', '=', shopId)
        .where('buyer', 'in', buyers)
        .where('day', '>=', day)
        .where('day', '<=', day + 1)
        .orderBy('time')
        .execute();
