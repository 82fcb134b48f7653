import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  computeMetrics,
  MetricsData,
  type MetricsSettings,
  resolveSettings,
  rollUp,
  type SettingsPresets,
  textToDay,
} from '../../domain/metrics/index.js';
import { readMessages, readOrders } from '../../io/records/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { insertShop, insertSubAccount } from '../../store/shops.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { insertUser, setUserSubAccounts } from '../../store/users.repository.js';
import type { Actor } from '../accounts/index.js';
import { AppError } from '../accounts/index.js';
import { loadPresets } from '../metrics/metrics.settings.js';
import { importRecords } from './metrics-store.import.js';
import { explainMetric, metricsFor } from './metrics-store.usecases.js';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/metrics');
const messagesFile = join(fixtures, 'one-day.messages.csv');
const ordersFile = join(fixtures, 'one-day.orders.csv');
const clock = { now: () => new Date('2026-03-20T04:00:00Z') };
const at = new Date('2026-03-01T00:00:00Z');

const errorCode = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

/** The engine run straight over the fixture files, the reference the database must reproduce. */
const computeFromFiles = async (presets: SettingsPresets) => {
  const data = new MetricsData(
    (_shop, platform): MetricsSettings =>
      resolveSettings({ presets, platform: platform ?? 'taobao', on: '2026-03-10' }),
  );
  for await (const batch of readMessages({ file: messagesFile })) for (const m of batch) data.addMessage(m);
  for await (const batch of readOrders({ file: ordersFile })) for (const o of batch) data.addOrder(o);
  const day = textToDay('2026-03-10');
  return rollUp({
    computation: computeMetrics({ data }),
    from: day,
    to: day,
    by: 'agent',
    now: clock.now().getTime(),
  });
};

describe('stored KPI records', () => {
  let database: DatabaseHandle;
  let presets: SettingsPresets;
  let supervisor: Actor;
  let agent: Actor;
  let folder: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    presets = await loadPresets();
    folder = mkdtempSync(join(tmpdir(), 'kefu-metrics-store-'));
    const { db } = database;
    const organization = await insertOrganization({ db, name: '测试', demo: false, createdAt: at });
    const shop = await insertShop({
      db,
      shop: { organizationId: organization.id, name: '旗舰店', platform: 'tmall', createdAt: at },
    });
    const sub = await insertSubAccount({ db, subAccount: { shopId: shop.id, name: 'a1', createdAt: at } });
    const user = await insertUser({
      db,
      user: {
        organizationId: organization.id,
        login: 'xiaomei',
        displayName: '小美',
        role: 'agent',
        teamId: null,
        passwordHash: 'x',
        mustChangePassword: false,
        createdAt: at,
      },
    });
    await setUserSubAccounts({ db, userId: user.id, subAccountIds: [sub.id] });
    const base = { organizationId: organization.id, ip: null };
    supervisor = { ...base, userId: null, login: 'zhuguan', role: 'supervisor' };
    agent = { ...base, userId: user.id, login: 'xiaomei', role: 'agent' };
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock });
  const count = async (table: 'messages' | 'orders') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('importing the same files twice stores each message and order once', async () => {
    const first = await importRecords({
      ...deps(),
      actor: supervisor,
      kind: 'messages',
      file: messagesFile,
      mode: 'reject',
    });
    expect(first).toMatchObject({ status: 'done', rowsRead: 21, rowsInserted: 21, rowsRejected: 0 });
    await importRecords({ ...deps(), actor: supervisor, kind: 'orders', file: ordersFile, mode: 'reject' });
    const again = await importRecords({
      ...deps(),
      actor: supervisor,
      kind: 'messages',
      file: messagesFile,
      mode: 'reject',
    });
    expect(again).toMatchObject({ status: 'done', rowsRead: 21, rowsInserted: 0 });
    const orders = await importRecords({
      ...deps(),
      actor: supervisor,
      kind: 'orders',
      file: ordersFile,
      mode: 'skip',
    });
    expect(orders.rowsInserted).toBe(0);
    expect(await count('messages')).toBe(21);
    expect(await count('orders')).toBe(4);
  });

  test('a re-imported order whose refund changed is updated, not duplicated', async () => {
    const file = join(folder, 'orders.refund.csv');
    writeFileSync(
      file,
      'shop,order,buyer,created,paid,amount,items,status,refund\n旗舰店,o2,b2,2026-03-10 12:00:00,2026-03-10 12:01:00,50.00,1,refunded,50.00\n',
    );
    const job = await importRecords({ ...deps(), actor: supervisor, kind: 'orders', file, mode: 'reject' });
    expect(job.rowsInserted).toBe(1);
    const row = await database.db
      .selectFrom('orders')
      .select(['refund', 'status'])
      .where('orderId', '=', 'o2')
      .executeTakeFirstOrThrow();
    expect({ refund: Number(row.refund), status: row.status }).toEqual({ refund: 5000, status: 'refunded' });
    // A later export that adds the postage (运费) updates it too.
    const withPostage = join(folder, 'orders.postage.csv');
    writeFileSync(
      withPostage,
      'shop,order,buyer,created,paid,amount,items,status,refund,postage\n旗舰店,o2,b2,2026-03-10 12:00:00,2026-03-10 12:01:00,50.00,1,refunded,50.00,8.00\n',
    );
    const again = await importRecords({
      ...deps(),
      actor: supervisor,
      kind: 'orders',
      file: withPostage,
      mode: 'reject',
    });
    expect(again.rowsInserted).toBe(1);
    const postage = await database.db
      .selectFrom('orders')
      .select('postage')
      .where('orderId', '=', 'o2')
      .executeTakeFirstOrThrow();
    expect(Number(postage.postage)).toBe(800);
    expect(await count('orders')).toBe(4);
    // Put the fixture back for the comparison with the engine below.
    await importRecords({ ...deps(), actor: supervisor, kind: 'orders', file: ordersFile, mode: 'reject' });
  });

  test('a dry run reports what would be new and stores nothing', async () => {
    const file = join(folder, 'messages.dry.csv');
    writeFileSync(
      file,
      'shop,platform,buyer,agent,sender,time,text,kind\n旗舰店,tmall,d1,a1,buyer,2026-03-11 09:00:00,你好,human\n',
    );
    const job = await importRecords({
      ...deps(),
      actor: supervisor,
      kind: 'messages',
      file,
      mode: 'reject',
      dryRun: true,
    });
    expect(job).toMatchObject({ status: 'done', rowsRead: 1, rowsInserted: 1 });
    expect(await count('messages')).toBe(21);
  });

  test('in reject mode a file with one bad row writes nothing and records a rejected job', async () => {
    const file = join(folder, 'messages.bad.csv');
    writeFileSync(
      file,
      'shop,platform,buyer,agent,sender,time,text,kind\n旗舰店,tmall,n1,a1,buyer,2026-03-11 09:00:00,你好,human\n旗舰店,tmall,n1,a1,robot,2026-03-11 09:00:05,在的,human\n',
    );
    const job = await importRecords({ ...deps(), actor: supervisor, kind: 'messages', file, mode: 'reject' });
    expect(job).toMatchObject({ status: 'rejected', rowsInserted: 0, errorCount: 1 });
    expect(job.issues[0]?.at).toMatchObject({ line: 3, field: 'sender' });
    expect(await count('messages')).toBe(21);
  });

  test('in skip mode exactly the bad rows are reported by line and the others stored', async () => {
    const file = join(folder, 'messages.skip.csv');
    writeFileSync(
      file,
      [
        'shop,platform,buyer,agent,sender,time,text,kind',
        '旗舰店,tmall,s1,a1,buyer,2026-03-11 09:00:00,你好,human',
        '旗舰店,tmall,s1,a1,agent,not-a-time,在的,human',
        '旗舰店,tmall,s1,a1,agent,2026-03-11 09:00:20,在的亲,human',
        '旗舰店,tmall,s1,a1,robot,2026-03-11 09:00:30,在的,human',
      ].join('\n'),
    );
    const job = await importRecords({ ...deps(), actor: supervisor, kind: 'messages', file, mode: 'skip' });
    expect(job).toMatchObject({ status: 'done', rowsRead: 4, rowsInserted: 2, rowsRejected: 2 });
    expect(job.issues.map((issue) => [issue.at?.line, issue.at?.field])).toEqual([
      [3, 'time'],
      [5, 'sender'],
    ]);
    await database.db.deleteFrom('messages').where('buyer', '=', 's1').execute();
  });

  test('records of a shop that does not exist are refused with the shop named', async () => {
    const file = join(folder, 'orders.other-shop.csv');
    writeFileSync(
      file,
      'shop,order,buyer,created,paid,amount,items,status,refund\n别的店,x1,b1,2026-03-10 10:00:00,,1.00,1,created,0\n',
    );
    expect(
      await errorCode(importRecords({ ...deps(), actor: supervisor, kind: 'orders', file, mode: 'reject' })),
    ).toBe('validation.failed');
  });

  test('an agent may not import', async () => {
    expect(
      await errorCode(
        importRecords({ ...deps(), actor: agent, kind: 'orders', file: ordersFile, mode: 'reject' }),
      ),
    ).toBe('auth.forbidden');
  });

  test('metrics from the database equal the engine run over the same files', async () => {
    const expected = await computeFromFiles(presets);
    const stored = await metricsFor({
      ...deps(),
      actor: supervisor,
      presets,
      from: '2026-03-10',
      to: '2026-03-10',
      by: 'agent',
    });
    expect(stored.rows.length).toBe(2);
    expect(stored.rows.map(({ userId: _u, displayName: _d, teamId: _t, parts: _p, ...row }) => row)).toEqual(
      expected.rows,
    );
    expect(stored.shop).toEqual(expected.shop);
    expect(stored.rows.find((row) => row.agent === 'a1')?.displayName).toBe('小美');
    // 响应时长分布: every response time of the rows once — as many as the means count.
    const responses = stored.rows.reduce((sum, row) => sum + row.parts.respCount, 0);
    expect(responses).toBeGreaterThan(0);
    expect(stored.responseDistribution.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(responses);
    const one = await metricsFor({
      ...deps(),
      actor: supervisor,
      presets,
      from: '2026-03-10',
      to: '2026-03-10',
      by: 'agent',
      agent: 'a1',
    });
    const a1 = stored.rows.find((row) => row.agent === 'a1')?.parts.respCount;
    expect(one.responseDistribution.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(a1);
  });

  test('an agent sees only the rows of their own sub-accounts and cannot roll up by shop', async () => {
    const own = await metricsFor({
      ...deps(),
      actor: agent,
      presets,
      from: '2026-03-10',
      to: '2026-03-10',
      by: 'agent',
    });
    expect(own.rows.map((row) => row.agent)).toEqual(['a1']);
    expect(
      await errorCode(
        metricsFor({ ...deps(), actor: agent, presets, from: '2026-03-10', to: '2026-03-10', by: 'shop' }),
      ),
    ).toBe('auth.forbidden');
    expect(
      await errorCode(
        explainMetric({
          ...deps(),
          actor: agent,
          presets,
          metric: 'consulted',
          agent: 'a2',
          day: '2026-03-10',
        }),
      ),
    ).toBe('auth.forbidden');
  });

  test('a drill-down lists the buyers behind a number with their messages', async () => {
    const rows = await metricsFor({
      ...deps(),
      actor: supervisor,
      presets,
      from: '2026-03-10',
      to: '2026-03-10',
      by: 'agent',
    });
    const a1 = rows.rows.find((row) => row.agent === 'a1');
    const explained = await explainMetric({
      ...deps(),
      actor: supervisor,
      presets,
      metric: 'consulted',
      agent: 'a1',
      day: '2026-03-10',
    });
    expect(explained.buyers.length).toBe(a1?.consulted);
    const b1 = explained.buyers.find((buyer) => buyer.buyer === 'b1');
    expect(b1?.messages[0]).toMatchObject({ sender: 'buyer', text: '在吗' });
  });
});
