import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SharedReadsPgliteDialect } from './pglite-dialect.js';

// Embedded PGlite has one session: a plain read waiting for a long transaction (an import) runs
// inside it instead of waiting for its end; writes still wait; a failed read leaves it intact.

type Tables = { items: { id: number; name: string } };

/** Settles `promise` into a value for ordering checks, without an unhandled rejection. */
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('SharedReadsPgliteDialect', () => {
  let pglite: PGlite;
  let db: Kysely<Tables>;

  beforeAll(async () => {
    pglite = await PGlite.create();
    db = new Kysely<Tables>({ dialect: new SharedReadsPgliteDialect(pglite, 20) });
    await sql`create table items (id int primary key, name text not null)`.execute(db);
  });
  afterAll(() => db.destroy());

  const names = () => db.selectFrom('items').select('name').orderBy('id').execute();

  test('a read during a long transaction answers before it ends, and a failed read leaves it intact', async () => {
    await db.deleteFrom('items').execute();
    const order: string[] = [];
    let seen: { name: string }[] = [];
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 1, name: 'importing' }).execute();
      // The transaction waits for the read it let in: with a read that waited for the end, this
      // would never finish.
      seen = await names();
      order.push('read');
      const failed = await settle(sql`select ${'not a number'}::int as n`.execute(db));
      expect(failed.ok).toBe(false);
      await trx.insertInto('items').values({ id: 2, name: 'after the failed read' }).execute();
      order.push('commit');
    });
    expect(order).toEqual(['read', 'commit']);
    // Inside the transaction the read saw its row before it was committed.
    expect(seen).toEqual([{ name: 'importing' }]);
    expect(await names()).toEqual([{ name: 'importing' }, { name: 'after the failed read' }]);
  });

  test('a write during a transaction waits for its end, and a rolled-back transaction takes none of it', async () => {
    await db.deleteFrom('items').execute();
    const order: string[] = [];
    let write: Promise<unknown> = Promise.resolve();
    await settle(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 1, name: 'rejected' }).execute();
        write = db
          .insertInto('items')
          .values({ id: 3, name: 'someone else' })
          .execute()
          .then(() => order.push('write'));
        // A read let in later answers while the write still waits.
        await names();
        order.push('read');
        throw new Error('reject the import');
      }),
    );
    await write;
    expect(order).toEqual(['read', 'write']);
    expect(await names()).toEqual([{ name: 'someone else' }]);
  });

  test('a locking read waits for the transaction like a write', async () => {
    await db.deleteFrom('items').execute();
    await db.insertInto('items').values({ id: 1, name: 'kept' }).execute();
    const order: string[] = [];
    let locking: Promise<unknown> = Promise.resolve();
    await db.transaction().execute(async (trx) => {
      locking = sql`select name from items for update`.execute(db).then(() => order.push('locking read'));
      await names();
      order.push('plain read');
      await trx.updateTable('items').set({ name: 'changed' }).execute();
    });
    await locking;
    expect(order).toEqual(['plain read', 'locking read']);
  });
});
