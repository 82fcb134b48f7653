import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { MessageRecord, OrderRecord, RatingRecord, TicketRecord } from '../domain/metrics/index.js';
import type { Platform } from '../domain/shared/index.js';
import type { Db, Trx } from './database.js';

/** Where records are stored: the shop row they belong to and its zone offset for the local day. */
export type RecordTarget = { organizationId: string; shopId: string; day: (time: number) => number };

/** A shop as the records read back name it (the engine keys shops by name). */
export type StoredShop = { id: string; name: string; platform: Platform };

// PostgreSQL allows 65,535 parameters per statement; 1,000 rows of ≤ 15 columns stays far below.
const chunkSize = 1_000;

const chunks = <T>(rows: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunkSize) out.push(rows.slice(i, i + chunkSize));
  return out;
};

const date = (ms: number | null | undefined): Date | null => (ms == null ? null : new Date(ms));

/** md5 of a message text, part of the natural key (texts can be long). */
export const textHash = (text: string): string => createHash('md5').update(text).digest('hex');

const affected = (result: { numInsertedOrUpdatedRows?: bigint | undefined }[]): number =>
  result.reduce((sum, one) => sum + Number(one.numInsertedOrUpdatedRows ?? 0n), 0);

/** Inserts messages, ignoring any already stored (same natural key); returns how many were new. */
export const insertMessages = async ({
  db,
  target,
  records,
}: {
  db: Db | Trx;
  target: (record: MessageRecord) => RecordTarget;
  records: MessageRecord[];
}): Promise<number> => {
  let inserted = 0;
  for (const chunk of chunks(records)) {
    const rows = chunk.map((m) => {
      const to = target(m);
      return {
        organizationId: to.organizationId,
        shopId: to.shopId,
        day: to.day(m.time),
        conversation: m.conversation ?? '',
        buyer: m.buyer,
        agent: m.agent,
        sender: m.sender,
        time: new Date(m.time),
        kind: m.kind,
        text: m.text,
        textHash: textHash(m.text),
      };
    });
    const result = await db
      .insertInto('messages')
      .values(rows)
      .onConflict((oc) => oc.constraint('messages_natural_key').doNothing())
      .execute();
    inserted += affected(result);
  }
  return inserted;
};

/**
 * Inserts orders; an order already stored is updated when a later export changed its payment,
 * refund, status or amount. Returns how many rows were inserted or changed.
 */
export const insertOrders = async ({
  db,
  target,
  records,
}: {
  db: Db | Trx;
  target: (record: OrderRecord) => RecordTarget;
  records: OrderRecord[];
}): Promise<number> => {
  let changed = 0;
  for (const chunk of chunks(records)) {
    const rows = chunk.map((o) => {
      const to = target(o);
      return {
        organizationId: to.organizationId,
        shopId: to.shopId,
        day: to.day(o.created),
        orderId: o.order,
        buyer: o.buyer,
        created: new Date(o.created),
        paid: date(o.paid),
        amount: o.amount,
        items: o.items,
        status: o.status,
        refund: o.refund,
        shipped: date(o.shipped),
        postage: o.postage ?? null,
        closedBy: o.closedBy ?? null,
        sku: o.sku ?? null,
      };
    });
    const result = await db
      .insertInto('orders')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['shopId', 'orderId'])
          .doUpdateSet((eb) => ({
            paid: eb.ref('excluded.paid'),
            amount: eb.ref('excluded.amount'),
            items: eb.ref('excluded.items'),
            status: eb.ref('excluded.status'),
            refund: eb.ref('excluded.refund'),
            shipped: eb.ref('excluded.shipped'),
            postage: eb.ref('excluded.postage'),
            closedBy: eb.ref('excluded.closedBy'),
            sku: eb.ref('excluded.sku'),
          }))
          .where(
            sql<boolean>`(orders.paid, orders.amount, orders.items, orders.status, orders.refund, orders.shipped, orders.postage, orders.closed_by, orders.sku)
              is distinct from (excluded.paid, excluded.amount, excluded.items, excluded.status, excluded.refund, excluded.shipped, excluded.postage, excluded.closed_by, excluded.sku)`,
          ),
      )
      .execute();
    changed += affected(result);
  }
  return changed;
};

/** Inserts ratings, ignoring any already stored. */
export const insertRatings = async ({
  db,
  target,
  records,
}: {
  db: Db | Trx;
  target: (record: RatingRecord) => RecordTarget;
  records: RatingRecord[];
}): Promise<number> => {
  let inserted = 0;
  for (const chunk of chunks(records)) {
    const rows = chunk.map((r) => {
      const to = target(r);
      return {
        organizationId: to.organizationId,
        shopId: to.shopId,
        day: to.day(r.time),
        conversation: r.conversation ?? '',
        buyer: r.buyer,
        agent: r.agent,
        time: new Date(r.time),
        stars: r.stars,
      };
    });
    const result = await db
      .insertInto('ratings')
      .values(rows)
      .onConflict((oc) => oc.constraint('ratings_natural_key').doNothing())
      .execute();
    inserted += affected(result);
  }
  return inserted;
};

/** Inserts tickets; a stored ticket takes the later export's times and flags. */
export const insertTickets = async ({
  db,
  target,
  records,
}: {
  db: Db | Trx;
  target: (record: TicketRecord) => RecordTarget;
  records: TicketRecord[];
}): Promise<number> => {
  let changed = 0;
  for (const chunk of chunks(records)) {
    const rows = chunk.map((t) => {
      const to = target(t);
      return {
        organizationId: to.organizationId,
        shopId: to.shopId,
        day: to.day(t.applied),
        ticket: t.ticket,
        agent: t.agent,
        applied: new Date(t.applied),
        reviewed: date(t.reviewed),
        ready: date(t.ready),
        resolved: date(t.resolved),
        awaitingCustomer: t.awaitingCustomer,
        sampled: t.sampled,
        samplePassed: t.samplePassed,
      };
    });
    const result = await db
      .insertInto('tickets')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['shopId', 'ticket']).doUpdateSet((eb) => ({
          reviewed: eb.ref('excluded.reviewed'),
          ready: eb.ref('excluded.ready'),
          resolved: eb.ref('excluded.resolved'),
          awaitingCustomer: eb.ref('excluded.awaitingCustomer'),
          sampled: eb.ref('excluded.sampled'),
          samplePassed: eb.ref('excluded.samplePassed'),
        })),
      )
      .execute();
    changed += affected(result);
  }
  return changed;
};
