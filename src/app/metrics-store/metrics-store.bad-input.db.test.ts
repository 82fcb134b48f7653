import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import type { Actor } from '../accounts/index.js';
import { organizationWithShop } from './metrics-store.test-utils.js';
import { importRecords } from './metrics-store.import.js';

// An upload (the server hands the use-case a byte stream) that turns into zeros after thousands
// of good rows: the job is recorded as rejected with the line, and no order is stored, although
// skip mode wrote the first batches before the zeros came (the CLI test shows its progress).

const gib = 2 ** 30;
const clock = { now: () => new Date('2026-03-20T04:00:00Z') };
const at = new Date('2026-03-01T00:00:00Z');
const header = 'shop,order,buyer,created,paid,amount,items,status,refund\n';
const rows = Array.from(
  { length: 5_000 },
  (_, i) => `旗舰店,o${i},b${i},2026-03-10 10:00:00,2026-03-10 10:01:00,19.90,1,paid,0\n`,
).join('');

/** 2 GiB as it is read: the rows, then zeros, one reused chunk; counts the chunks taken. */
const upload = () => {
  let taken = 0;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    yield Buffer.from(header + rows);
    const zeros = Buffer.alloc(1 << 20);
    for (let sent = 0; sent < 2 * gib; sent += zeros.length) {
      taken++;
      yield zeros;
    }
  }
  return { source: bytes(), taken: () => taken };
};

describe('importing an upload that turns into NUL bytes', () => {
  let database: DatabaseHandle;
  let supervisor: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    supervisor = await organizationWithShop(database.db, at);
  });
  afterAll(() => database.close());

  const storedOrders = async () =>
    Number(
      (
        await database.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test.each(['reject', 'skip'] as const)(
    'in %s mode the job is rejected at the first line of zeros and nothing is stored',
    async (mode) => {
      const before = await storedOrders();
      const { source, taken } = upload();
      const job = await importRecords({
        db: database.db,
        clock,
        actor: supervisor,
        kind: 'orders',
        file: 'orders.csv',
        source,
        mode,
      });
      expect(job).toMatchObject({ status: 'rejected', rowsInserted: 0, errorCount: 1 });
      expect(job.issues).toEqual([
        expect.objectContaining({ code: 'import.encoding.binary', at: { file: 'orders.csv', line: 5_002 } }),
      ]);
      expect(taken()).toBe(1);
      expect(await storedOrders()).toBe(before);
    },
  );
});
