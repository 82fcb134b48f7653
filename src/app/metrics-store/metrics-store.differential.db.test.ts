import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dayToText, type MetricsSettings, type SettingsPresets } from '../../domain/metrics/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { insertShop } from '../../store/shops.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import type { Actor } from '../accounts/index.js';
import { writeDemoData } from '../demo-data/index.js';
import { loadPresets } from '../metrics/metrics.settings.js';
import { type ReferenceRow, referenceKpis, referenceShop } from './metrics-store.differential.sql.js';
import { importRecords } from './metrics-store.import.js';
import { metricsFor, type StoredMetricsRow } from './metrics-store.usecases.js';

// The engine against an independent reading of kpi.md in SQL, over ≥ 50,000 generated messages
// imported through the real use-case: every per agent-day number must agree.

const demo = { shops: 5, agents: 3, days: 21, buyersPerDay: 70, seed: 20_260_301, start: '2026-02-01' };
const clock = { now: () => new Date('2026-04-01T04:00:00Z') };
const at = new Date('2026-01-01T00:00:00Z');

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
const seconds = (sumMs: number, count: number) => (count === 0 ? null : Math.round(sumMs / count / 10) / 100);
const per = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 100) / 100);

/** The engine's published values recomputed from the reference parts, the same rounding. */
const referenceValues = (row: ReferenceRow | undefined) => {
  const r =
    row ??
    ({
      consulted: 0,
      served: 0,
      inquiries: 0,
      inquiriesOrdered: 0,
      inquiriesPaid: 0,
      respCount: 0,
      respSum: 0,
      firstCount: 0,
      firstSum: 0,
      pddMessages: 0,
      pddWithin: 0,
      sales: 0,
      buyers: 0,
    } as ReferenceRow);
  return {
    consulted: r.consulted,
    served: r.served,
    replyRate: rate(r.served, r.consulted),
    unanswered: r.consulted - r.served,
    inquiries: r.inquiries,
    inquiriesOrdered: r.inquiriesOrdered,
    inquiriesPaid: r.inquiriesPaid,
    conversion: rate(r.inquiriesPaid, r.inquiries),
    lostInquiries: r.inquiries - r.inquiriesPaid,
    sales: Math.round(r.sales) / 100,
    buyers: r.buyers,
    aov: per(r.sales / 100, r.buyers),
    avgResponseSec: seconds(r.respSum, r.respCount),
    firstResponseSec: seconds(r.firstSum, r.firstCount),
    pddReply30sRate: rate(r.pddWithin, r.pddMessages),
  };
};
type Compared = ReturnType<typeof referenceValues>;
const engineValues = (row: StoredMetricsRow): Compared => {
  const picked = {} as Record<keyof Compared, number | null>;
  for (const key of Object.keys(referenceValues(undefined)) as (keyof Compared)[]) picked[key] = row[key];
  return picked as Compared;
};

// The generated days, with a day either side for replies and payments after midnight.
const period = () => {
  const first = Date.parse(`${demo.start}T00:00:00Z`) / 86_400_000;
  return { fromDay: first - 1, toDay: first + demo.days + 1 };
};
const periodText = () => ({ from: dayToText(period().fromDay), to: dayToText(period().toDay) });

describe('KPI engine against SQL written from kpi.md', () => {
  let database: DatabaseHandle;
  let presets: SettingsPresets;
  let actor: Actor;
  let folder: string;
  let messages = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    presets = await loadPresets();
    folder = mkdtempSync(join(tmpdir(), 'kefu-differential-'));
    const { db } = database;
    const generated = await writeDemoData({ ...demo, out: folder });
    messages = generated.counts.messages;
    const organization = await insertOrganization({ db, name: '对照', demo: false, createdAt: at });
    for (const shop of generated.shops)
      await insertShop({
        db,
        shop: { organizationId: organization.id, name: shop.name, platform: shop.platform, createdAt: at },
      });
    actor = { organizationId: organization.id, ip: null, userId: null, login: 'zhuguan', role: 'supervisor' };
    for (const kind of ['messages', 'orders', 'ratings'] as const) {
      const job = await importRecords({
        db,
        clock,
        actor,
        kind,
        file: generated.files[kind],
        mode: 'reject',
      });
      expect(job.status).toBe('done');
    }
  }, 120_000);
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('every per agent-day KPI the SQL expresses equals the engine', async () => {
    expect(messages).toBeGreaterThanOrEqual(50_000);
    const settings = presets.versions[0]?.settings as MetricsSettings;
    const reference = await referenceKpis(database.db, actor.organizationId, {
      adPattern: settings.adPatterns.join('|'),
      staffPattern: settings.filters.staffPatterns.join('|'),
    });
    const computed = await metricsFor({
      db: database.db,
      clock,
      actor,
      presets,
      by: 'agent-day',
      ...periodText(),
    });
    const key = (shop: string, agent: string, day: string) => `${shop}|${agent}|${day}`;
    const byKey = new Map(reference.map((row) => [key(row.shop, row.agent, dayToText(row.day)), row]));
    const differences: string[] = [];
    const seen = new Set<string>();
    for (const row of computed.rows) {
      const id = key(row.shop, row.agent ?? '', row.day ?? '');
      seen.add(id);
      const expected = referenceValues(byKey.get(id));
      const actual = engineValues(row);
      for (const metric of Object.keys(expected) as (keyof Compared)[])
        if (expected[metric] !== actual[metric])
          differences.push(`${id} ${metric}: engine ${actual[metric]}, SQL ${expected[metric]}`);
    }
    for (const [id, row] of byKey)
      if (!seen.has(id) && row.consulted + row.buyers > 0) differences.push(`${id}: only in SQL`);
    // The data must exercise every compared metric, or agreement would prove little.
    const total = (field: keyof ReferenceRow) => reference.reduce((sum, row) => sum + Number(row[field]), 0);
    expect(reference.length).toBeGreaterThan(200);
    for (const field of [
      'served',
      'inquiriesOrdered',
      'inquiriesPaid',
      'firstCount',
      'pddWithin',
      'buyers',
    ] as const)
      expect(total(field)).toBeGreaterThan(100);
    expect(total('consulted')).toBeGreaterThan(total('served'));
    expect(total('inquiries')).toBeLessThan(total('consulted'));
    expect(differences.slice(0, 40)).toEqual([]);
  }, 120_000);

  test('shop-level silent sales and advertisers equal the engine', async () => {
    const settings = presets.versions[0]?.settings as MetricsSettings;
    const shop = await referenceShop(
      database.db,
      actor.organizationId,
      {
        adPattern: settings.adPatterns.join('|'),
        staffPattern: settings.filters.staffPatterns.join('|'),
      },
      period(),
    );
    const computed = await metricsFor({
      db: database.db,
      clock,
      actor,
      presets,
      by: 'shop',
      ...periodText(),
    });
    expect(shop.silentBuyers).toBeGreaterThan(100);
    expect(shop.advertisers).toBeGreaterThan(20);
    expect({
      silentSales: computed.shop.silentSales,
      silentBuyers: computed.shop.silentBuyers,
      advertisers: computed.shop.advertisers,
    }).toEqual({ ...shop, silentSales: Math.round(shop.silentSales) / 100 });
  }, 120_000);
});
