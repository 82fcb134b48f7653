import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../database.js';
import { createTestDatabase } from '../test-utils.js';
import { migrations } from './index.js';
import { runMigrations } from './migrations.js';

describe('runMigrations', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  test('the registry lists migrations in the order of their numbered names, without gaps', () => {
    const numbers = migrations.map((migration) => Number(migration.name.slice(0, 4)));
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  test('running the migrations again on a migrated database applies nothing', async () => {
    expect(await runMigrations({ db: database.db })).toEqual({ applied: [] });
  });

  test('every accounts table exists after migrating', async () => {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db);
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'organizations',
        'shops',
        'sub_accounts',
        'teams',
        'users',
        'user_sub_accounts',
        'sessions',
        'login_attempts',
        'audit_log',
      ]),
    );
  });

  test('a shop gets the Asia/Shanghai time zone by default, and an unknown platform is refused', async () => {
    const { db } = database;
    const org = await db
      .insertInto('organizations')
      .values({ name: '测试' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const shop = await db
      .insertInto('shops')
      .values({ organizationId: org.id, platform: 'tmall', name: '店' })
      .returning('timeZone')
      .executeTakeFirstOrThrow();
    expect(shop.timeZone).toBe('Asia/Shanghai');
    await expect(
      db.insertInto('shops').values({ organizationId: org.id, platform: 'amazon', name: '店2' }).execute(),
    ).rejects.toThrow(/check constraint/);
  });

  test('deleting an organisation removes its shops, teams and users with it', async () => {
    const { db } = database;
    const org = await db
      .insertInto('organizations')
      .values({ name: '要删的' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('teams').values({ organizationId: org.id, name: '组' }).execute();
    await db
      .insertInto('users')
      .values({
        organizationId: org.id,
        login: 'gone',
        displayName: '走',
        role: 'agent',
        teamId: null,
        passwordHash: 'x',
      })
      .execute();
    await db.deleteFrom('organizations').where('id', '=', org.id).execute();
    const left = await db.selectFrom('users').select('id').where('organizationId', '=', org.id).execute();
    expect(left).toEqual([]);
  });
});

describe('migrating an empty database', () => {
  test('applies every registered migration in order, on a brand-new embedded database', async () => {
    // createTestDatabase may load a cached migrated template, so start from nothing here.
    const empty = await createDatabase({ url: 'memory://', dataDir: '' });
    try {
      expect(await runMigrations({ db: empty.db })).toEqual({
        applied: migrations.map((migration) => migration.name),
      });
    } finally {
      await empty.close();
    }
  });
});

describe('a fresh migrated database', () => {
  test('starts from an empty, fully migrated schema on PGlite and on PostgreSQL', async () => {
    const database = await createTestDatabase();
    try {
      const count = await database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
      expect(await runMigrations({ db: database.db })).toEqual({ applied: [] });
    } finally {
      await database.close();
    }
  });
});
