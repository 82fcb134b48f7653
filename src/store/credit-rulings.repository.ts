import type { Db, Trx } from './database.js';

// 落实客服改判: a supervisor's ruling on who is credited with one order.

export type CreditRuling = { shopId: string; orderId: string; agent: string | null; reason: string };

/** The order's shop-local day and buyer, or undefined when the shop has no such order. */
export const findOrderForRuling = async ({
  db,
  shopId,
  orderId,
}: {
  db: Db | Trx;
  shopId: string;
  orderId: string;
}) =>
  db
    .selectFrom('orders')
    .select(['day', 'buyer'])
    .where('shopId', '=', shopId)
    .where('orderId', '=', orderId)
    .executeTakeFirst();

/** Whether `agent` wrote to `buyer` in the shop (a ruling may only pick an agent who served). */
export const agentChattedWith = async ({
  db,
  shopId,
  buyer,
  agent,
}: {
  db: Db | Trx;
  shopId: string;
  buyer: string;
  agent: string;
}): Promise<boolean> =>
  (await db
    .selectFrom('messages')
    .select('agent')
    .where('shopId', '=', shopId)
    .where('buyer', '=', buyer)
    .where('agent', '=', agent)
    .where('sender', '=', 'agent')
    .limit(1)
    .executeTakeFirst()) !== undefined;

export const findCreditRuling = async ({
  db,
  shopId,
  orderId,
}: {
  db: Db | Trx;
  shopId: string;
  orderId: string;
}) =>
  db
    .selectFrom('creditRulings')
    .select(['agent', 'reason'])
    .where('shopId', '=', shopId)
    .where('orderId', '=', orderId)
    .executeTakeFirst();

export const upsertCreditRuling = async ({
  db,
  organizationId,
  ruling,
  createdBy,
  at,
}: {
  db: Db | Trx;
  organizationId: string;
  ruling: CreditRuling;
  createdBy: string | null;
  at: Date;
}): Promise<void> => {
  await db
    .insertInto('creditRulings')
    .values({ organizationId, ...ruling, createdBy, createdAt: at })
    .onConflict((conflict) =>
      conflict
        .columns(['shopId', 'orderId'])
        .doUpdateSet({ agent: ruling.agent, reason: ruling.reason, createdBy, createdAt: at }),
    )
    .execute();
};

export const deleteCreditRuling = async ({
  db,
  shopId,
  orderId,
}: {
  db: Db | Trx;
  shopId: string;
  orderId: string;
}) => {
  await db.deleteFrom('creditRulings').where('shopId', '=', shopId).where('orderId', '=', orderId).execute();
};

/** The organisation's rulings, newest first, with the shop's name and who made them. */
export const listCreditRulings = async ({ db, organizationId }: { db: Db; organizationId: string }) =>
  db
    .selectFrom('creditRulings')
    .innerJoin('shops', 'shops.id', 'creditRulings.shopId')
    .leftJoin('users', 'users.id', 'creditRulings.createdBy')
    .select([
      'shops.name as shop',
      'creditRulings.orderId as order',
      'creditRulings.agent',
      'creditRulings.reason',
      'users.displayName as ruledBy',
      'creditRulings.createdAt',
    ])
    .where('creditRulings.organizationId', '=', organizationId)
    .orderBy('creditRulings.createdAt', 'desc')
    .execute();
