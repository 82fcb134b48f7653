import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SettingsPresets } from '../../domain/metrics/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { listShops } from '../../store/shops.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import type { Actor } from '../accounts/index.js';
import { seedDemo } from '../demo/demo.seed.js';
import { loadPresets } from '../metrics/metrics.settings.js';
import { importRecords } from './metrics-store.import.js';
import { getShopMetricSettings, saveShopMetricSettings } from './metrics-store.settings.js';
import { listMetricRestatements, metricsFor } from './metrics-store.usecases.js';

const now = new Date('2026-03-20T04:00:00Z');
const clock = { now: () => now };
const bytes = (text: string) =>
  (async function* () {
    yield new TextEncoder().encode(text);
  })();

// Every buyer waits 40 s for the reply (slow only under a threshold below 40 s). tb_late pays
// two days after asking: converted only under an attribution window longer than same/next day.
const messages = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  '天猫旗舰店,tmall,tb_a,旗舰店:小美,buyer,2026-03-10 10:00:00,有货吗,human',
  '天猫旗舰店,tmall,tb_a,旗舰店:小美,agent,2026-03-10 10:00:40,有的亲,human',
  '天猫旗舰店,tmall,tb_b,旗舰店:小美,buyer,2026-03-11 10:00:00,有货吗,human',
  '天猫旗舰店,tmall,tb_b,旗舰店:小美,agent,2026-03-11 10:00:40,有的亲,human',
  '天猫旗舰店,tmall,tb_late,旗舰店:小美,buyer,2026-03-12 10:00:00,能便宜吗,human',
  '天猫旗舰店,tmall,tb_late,旗舰店:小美,agent,2026-03-12 10:00:40,已经是活动价了,human',
].join('\n');
const orders = [
  'shop,order,buyer,created,paid,amount,items,status,refund',
  '天猫旗舰店,L1,tb_late,2026-03-14 09:00:00,2026-03-14 09:01:00,88.00,1,paid,0.00',
].join('\n');

describe('店铺绩效设置 (shop metric settings)', () => {
  let database: DatabaseHandle;
  let presets: SettingsPresets;
  let supervisor: Actor;
  let shopId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    presets = await loadPresets();
    const { db } = database;
    const demo = await seedDemo({ db, clock, password: 'not-used-here' });
    supervisor = {
      organizationId: demo.organizationId,
      ip: null,
      userId: null,
      login: 'zg',
      role: 'supervisor',
    };
    const shops = await listShops({ db, organizationId: demo.organizationId });
    shopId = shops.find((shop) => shop.name === '天猫旗舰店')?.id ?? '';
    const deps = { db, clock, actor: supervisor, mode: 'reject' as const };
    await importRecords({ ...deps, kind: 'messages', file: 'chats.csv', source: bytes(messages) });
    await importRecords({ ...deps, kind: 'orders', file: 'orders.csv', source: bytes(orders), shopId });
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock, actor: supervisor, presets });
  const dayRows = async (from: string, to: string) =>
    (await metricsFor({ ...deps(), by: 'agent-day', from, to, shopIds: [shopId] })).rows;

  test('without a version, the shop follows the presets', async () => {
    const view = await getShopMetricSettings({ ...deps(), shopId });
    expect(view).toMatchObject({ shop: { name: '天猫旗舰店', platform: 'tmall' }, today: '2026-03-20' });
    expect(view.versions).toEqual([]);
    expect(view.current).toEqual({ effectiveFrom: null, settings: view.preset });
    expect(view.preset.slowThresholdSec).toBe(60);
  });

  test('unknown keys, out-of-range values and impossible dates are refused, each by its field', async () => {
    const save = (effectiveFrom: string, overrides: unknown) =>
      saveShopMetricSettings({ ...deps(), shopId, effectiveFrom, overrides });
    const refused = await save('2026-03-11', {
      slowThresholdSec: -5,
      response: { capSecs: 300 },
      attribution: { kind: 'days', days: 90 },
      speed: 1,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'validation.failed' });
    expect((refused as { details: { path: string }[] }).details.map((detail) => detail.path).sort()).toEqual([
      'body.overrides.attribution.days',
      'body.overrides.response.capSecs',
      'body.overrides.slowThresholdSec',
      'body.overrides.speed',
    ]);
    await expect(save('2026-02-30', { slowThresholdSec: 30 })).rejects.toMatchObject({
      details: [{ path: 'body.effectiveFrom' }],
    });
    await expect(save('2026-03-11', [])).rejects.toMatchObject({ details: [{ path: 'body.overrides' }] });
    expect((await getShopMetricSettings({ ...deps(), shopId })).versions).toEqual([]);
  });

  test('agents may neither read nor save settings, and another organisation’s shop is not found', async () => {
    const agent: Actor = { ...supervisor, role: 'agent' };
    await expect(getShopMetricSettings({ ...deps(), actor: agent, shopId })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(
      saveShopMetricSettings({ ...deps(), actor: agent, shopId, effectiveFrom: '2026-03-11', overrides: {} }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    const stranger: Actor = { ...supervisor, organizationId: '00000000-0000-4000-8000-000000000000' };
    await expect(getShopMetricSettings({ ...deps(), actor: stranger, shopId })).rejects.toMatchObject({
      code: 'not_found',
      details: [{ path: 'params.shopId' }],
    });
  });

  test('a version from a day recomputes that day on, and each stored day uses the version of its day', async () => {
    const before = await dayRows('2026-03-10', '2026-03-11');
    expect(before.map((row) => row.slowTurns)).toEqual([0, 0]);
    const view = await saveShopMetricSettings({
      ...deps(),
      shopId,
      effectiveFrom: '2026-03-11',
      overrides: { slowThresholdSec: 30 },
    });
    expect(view.versions).toMatchObject([
      {
        effectiveFrom: '2026-03-11',
        overrides: { slowThresholdSec: 30 },
        settings: { slowThresholdSec: 30 },
      },
    ]);
    expect(view.current).toMatchObject({ effectiveFrom: '2026-03-11', settings: { slowThresholdSec: 30 } });
    const stale = await database.db
      .selectFrom('metricDays')
      .select(['day', 'stale'])
      .where('shopId', '=', shopId)
      .orderBy('day')
      .execute();
    expect(stale.map((row) => row.stale)).toEqual([false, true]);
    const after = await dayRows('2026-03-10', '2026-03-11');
    expect(after.map((row) => [row.day, row.slowTurns])).toEqual([
      ['2026-03-10', 0],
      ['2026-03-11', 1],
    ]);
  });

  test('one recompute spanning a version boundary still computes each day with its own version', async () => {
    await database.db.updateTable('metricDays').set({ stale: true }).where('shopId', '=', shopId).execute();
    const rows = await dayRows('2026-03-10', '2026-03-11');
    expect(rows.map((row) => [row.day, row.slowTurns])).toEqual([
      ['2026-03-10', 0],
      ['2026-03-11', 1],
    ]);
  });

  test('a longer attribution window converts a reported inquiry, logged as a restatement; audited', async () => {
    const reported = await dayRows('2026-03-12', '2026-03-12');
    expect(reported[0]).toMatchObject({ inquiries: 1, inquiriesPaid: 0, sales: 0 });
    await saveShopMetricSettings({
      ...deps(),
      shopId,
      effectiveFrom: '2026-03-12',
      overrides: { attribution: { kind: 'days', days: 2 } },
    });
    // Saving the same day again replaces that version.
    const view = await saveShopMetricSettings({
      ...deps(),
      shopId,
      effectiveFrom: '2026-03-12',
      overrides: { slowThresholdSec: 30, attribution: { kind: 'days', days: 3 } },
    });
    expect(view.versions.map((version) => version.effectiveFrom)).toEqual(['2026-03-11', '2026-03-12']);
    expect(view.versions[1]?.settings.attribution).toEqual({ kind: 'days', days: 3 });
    // What the version changed: against the version before it, on the same day's presets.
    expect(view.versions[1]?.previous).toMatchObject({
      slowThresholdSec: 30,
      attribution: { kind: 'days', days: 2 },
    });
    expect(view.versions[0]?.previous).toEqual(view.preset);
    const restated = await dayRows('2026-03-12', '2026-03-12');
    expect(restated[0]).toMatchObject({ inquiriesPaid: 1, sales: 88 });
    const log = await listMetricRestatements({ db: database.db, actor: supervisor, limit: 10 });
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ day: '2026-03-12', metric: 'inquiriesPaid', before: 0, after: 1 }),
      ]),
    );
    const audit = await database.db
      .selectFrom('auditLog')
      .select(['action', 'target', 'details'])
      .where('action', '=', 'metrics.settings_saved')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit).toContainEqual({
      action: 'metrics.settings_saved',
      target: shopId,
      details: {
        shop: '天猫旗舰店',
        effectiveFrom: '2026-03-12',
        overrides: { slowThresholdSec: 30, attribution: { kind: 'days', days: 3 } },
      },
    });
  });

  test('provisional days follow the shop’s attribution window in force today', async () => {
    const read = () =>
      metricsFor({ ...deps(), by: 'agent', from: '2026-03-12', to: '2026-03-12', shopIds: [shopId] });
    expect((await read()).provisionalDays).toEqual([]);
    await saveShopMetricSettings({
      ...deps(),
      shopId,
      effectiveFrom: '2026-03-12',
      overrides: { attribution: { kind: 'days', days: 15 } },
    });
    expect((await read()).provisionalDays).toEqual(['2026-03-12']);
  });
});
