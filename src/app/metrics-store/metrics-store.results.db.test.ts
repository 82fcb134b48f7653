import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  localDay,
  metricsEngineVersion,
  type RollUpBy,
  rollUp,
  type SettingsPresets,
} from '../../domain/metrics/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import type { Actor } from '../accounts/index.js';
import { seedDemo } from '../demo/demo.seed.js';
import { loadPresets } from '../metrics/metrics.settings.js';
import { computeStored, metricsScope } from './metrics-store.compute.js';
import { seedDemoMetrics } from './metrics-store.demo.js';
import { importRecords } from './metrics-store.import.js';
import { settingsHashOf } from './metrics-store.results.js';
import {
  markMetricDaysStale,
  replaceShopResults,
  selectMetricGenerations,
} from '../../store/metric-results.repository.js';
import { inTransaction } from '../../store/database.js';
import { listMetricRestatements, metricsFor } from './metrics-store.usecases.js';

const now = new Date('2026-03-20T04:00:00Z');
const clock = { now: () => now };
const bytes = (text: string) =>
  (async function* () {
    yield new TextEncoder().encode(text);
  })();

const computedAt = async (database: DatabaseHandle) =>
  (await database.db.selectFrom('metricDays').select(['day', 'computedAt', 'stale']).execute()).map(
    (row) => ({ ...row, computedAt: row.computedAt.getTime() }),
  );

describe('KPI results materialised per agent-day', () => {
  let database: DatabaseHandle;
  let presets: SettingsPresets;
  let supervisor: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    presets = await loadPresets();
    const { db } = database;
    const demo = await seedDemo({ db, clock, password: 'not-used-here' });
    await seedDemoMetrics({
      db,
      organizationId: demo.organizationId,
      now,
      options: { days: 10, buyersPerDay: 12, seed: 3 },
    });
    supervisor = {
      organizationId: demo.organizationId,
      ip: null,
      userId: null,
      login: 'zg',
      role: 'supervisor',
    };
  });
  afterAll(() => database.close());

  const period = { from: '2026-03-12', to: '2026-03-18' };
  const fromDayOf = (day: string) => localDay(Date.parse(`${day}T00:00:00+08:00`), 8 * 3_600_000);

  test.each<RollUpBy>(['agent-day', 'agent', 'team', 'shop'])(
    'rolled up by %s, stored parts give exactly what a fresh computation gives',
    async (by) => {
      const stored = await metricsFor({ db: database.db, clock, actor: supervisor, presets, by, ...period });
      const fromDay = localDay(Date.parse(`${period.from}T00:00:00+08:00`), 8 * 3_600_000);
      const toDay = fromDay + 6;
      const { computation } = await computeStored({
        db: database.db,
        actor: supervisor,
        presets,
        fromDay,
        toDay,
      });
      const fresh = rollUp({ computation, from: fromDay, to: toDay, by, now: now.getTime() });
      expect(stored.rows.length).toBeGreaterThan(0);
      expect(
        stored.rows.map(({ userId: _u, displayName: _d, teamId: _t, parts: _p, ...row }) => row),
      ).toEqual(fresh.rows);
      expect(stored.shop).toEqual(fresh.shop);
    },
  );

  test('a second read computes nothing: every day of every shop is stored once and stays fresh', async () => {
    const before = await computedAt(database);
    const { shops } = await metricsScope({ db: database.db, actor: supervisor });
    expect(before.length).toBe(shops.length * 7);
    expect(before.every((row) => !row.stale)).toBe(true);
    await metricsFor({ db: database.db, clock, actor: supervisor, presets, by: 'agent', ...period });
    expect(await computedAt(database)).toEqual(before);
  });

  test('changed settings recompute the stored days', async () => {
    const before = await computedAt(database);
    const later = { now: () => new Date(now.getTime() + 60_000) };
    const changed = structuredClone(presets);
    changed.versions[0] = { ...changed.versions[0], slowThresholdSec: 7 } as (typeof changed.versions)[0];
    await metricsFor({
      db: database.db,
      clock: later,
      actor: supervisor,
      presets: changed,
      by: 'agent',
      ...period,
    });
    const after = await computedAt(database);
    expect(after.every((row) => row.computedAt === now.getTime() + 60_000)).toBe(true);
    expect(after.length).toBe(before.length);
    // Back to the original settings for the tests that follow.
    await metricsFor({ db: database.db, clock, actor: supervisor, presets, by: 'agent', ...period });
  });

  test('days stored by an older engine version are recomputed on the next read', async () => {
    const older = settingsHashOf(presets, metricsEngineVersion - 1);
    expect(older).not.toBe(settingsHashOf(presets));
    await database.db.updateTable('metricDays').set({ settingsHash: older }).execute();
    const later = { now: () => new Date(now.getTime() + 120_000) };
    await metricsFor({ db: database.db, clock: later, actor: supervisor, presets, by: 'agent', ...period });
    const after = await computedAt(database);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((row) => row.computedAt === now.getTime() + 120_000)).toBe(true);
  });

  test('a recompute that read before an import or settings save stores its days stale, not fresh', async () => {
    const { db } = database;
    const { shops } = await metricsScope({ db, actor: supervisor });
    const shopId = (shops[0] as { id: string }).id;
    const store = async (generation: number) => {
      await inTransaction(db, (trx) =>
        replaceShopResults({
          trx,
          organizationId: supervisor.organizationId,
          shopId,
          days: [fromDayOf(period.from)],
          settingsHash: settingsHashOf(presets),
          generation,
          agentDays: [],
          shopDays: [],
          at: now,
        }),
      );
      return (await db.selectFrom('metricDays').select('stale').where('shopId', '=', shopId).execute()).find(
        () => true,
      )?.stale;
    };
    const noted = (await selectMetricGenerations({ db, shopIds: [shopId] })).get(shopId) ?? 0;
    expect(await store(noted)).toBe(false);
    // An import lands while the recompute runs: it marks the shop's days stale and moves the counter.
    await markMetricDaysStale({ db, shopId, fromDay: 0, toDay: 100_000 });
    expect(await store(noted)).toBe(true);
    const current = (await selectMetricGenerations({ db, shopIds: [shopId] })).get(shopId) ?? 0;
    expect(current).toBe(noted + 1);
    expect(await store(current)).toBe(false);
    // Leave every day stale-free again for the tests that follow.
    await markMetricDaysStale({ db, shopId, fromDay: 0, toDay: 100_000 });
    await metricsFor({ db, clock, actor: supervisor, presets, by: 'agent', ...period });
  });

  test('an import marks the days it can change stale; the next read restates them and logs what changed', async () => {
    const { shops } = await metricsScope({ db: database.db, actor: supervisor });
    const shop = shops[0];
    if (!shop) throw new Error('the demo has shops');
    const day = '2026-03-15';
    const messages = [
      'shop,platform,buyer,agent,sender,time,text,kind',
      `${shop.name},${shop.platform},restated-buyer,restated-agent,buyer,${day} 10:00:00,这款有货吗,human`,
      `${shop.name},${shop.platform},restated-buyer,restated-agent,agent,${day} 10:00:20,亲，有货的,human`,
    ].join('\n');
    const deps = { db: database.db, clock, actor: supervisor, mode: 'reject' as const, shopId: shop.id };
    await importRecords({ ...deps, kind: 'messages', file: 'late.csv', source: bytes(messages) });
    const first = await metricsFor({
      db: database.db,
      clock,
      actor: supervisor,
      presets,
      by: 'agent-day',
      ...period,
    });
    const row = () => first.rows.find((one) => one.agent === 'restated-agent');
    expect(row()).toMatchObject({ inquiries: 1, inquiriesPaid: 0, sales: 0 });

    const orders = [
      'shop,order,buyer,created,paid,amount,items,status,refund',
      `${shop.name},late-order,restated-buyer,${day} 10:30:00,${day} 10:31:00,88.00,1,paid,0.00`,
    ].join('\n');
    await importRecords({ ...deps, kind: 'orders', file: 'late-orders.csv', source: bytes(orders) });
    const stale = await database.db
      .selectFrom('metricDays')
      .select('day')
      .where('shopId', '=', shop.id)
      .where('stale', '=', true)
      .execute();
    expect(stale.length).toBe(7);

    const restated = await metricsFor({
      db: database.db,
      clock,
      actor: supervisor,
      presets,
      by: 'agent-day',
      ...period,
    });
    expect(restated.rows.find((one) => one.agent === 'restated-agent')).toMatchObject({
      inquiriesPaid: 1,
      sales: 88,
    });
    const log = await listMetricRestatements({ db: database.db, actor: supervisor, ...period, limit: 50 });
    expect(log.filter((entry) => entry.agent === 'restated-agent')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ day, metric: 'inquiriesPaid', before: 0, after: 1 }),
        expect.objectContaining({ day, metric: 'sales', before: 0, after: 88 }),
      ]),
    );
  });
});
