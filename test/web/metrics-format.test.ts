import { describe, expect, test } from 'vitest';
import { type AgentParts, agentFields, valuesOf } from '../../src/domain/metrics/index.js';
import type { StoredMetricsRow } from '../../web/src/api/metrics.api.js';
import { bucketLabel, perDay, totalsOf } from '../../web/src/features/metrics/metrics.format.js';

const partsOf = (values: Partial<Record<(typeof agentFields)[number], number>>): AgentParts => ({
  ...(Object.fromEntries(agentFields.map((field) => [field, values[field] ?? 0])) as Record<
    (typeof agentFields)[number],
    number
  >),
  histogram: new Uint32Array(601),
  beyondCap: new Map(),
});

/** A row as GET /api/metrics sends it: the engine's values of `parts`, and the parts it exposes. */
const rowOf = (agent: string, parts: AgentParts, day?: string): StoredMetricsRow => ({
  shop: '天猫旗舰店',
  agent,
  ...(day ? { day } : {}),
  provisional: false,
  ...valuesOf(parts),
  userId: null,
  displayName: null,
  teamId: null,
  parts: {
    respCount: parts.respCount,
    respSumCappedSec: parts.respSumCapped / 1000,
    rated: parts.rated,
    ratedGood: parts.ratedGood,
  },
});

const sumParts = (all: AgentParts[]): AgentParts =>
  partsOf(Object.fromEntries(agentFields.map((field) => [field, all.reduce((s, p) => s + p[field], 0)])));

// 小美 serves many buyers quickly and her one rating is good; 阿慧 serves one buyer with many slow
// turns and nine bad ratings. Weighting the agents' means by served buyers gives 18.2 s and 90.9%;
// the shop's true numbers are 91 s (1,820 s over 20 turns) and 10% (1 good of 10 ratings).
const xiaomei = partsOf({
  consulted: 10,
  served: 10,
  respCount: 2,
  respSumCapped: 20_000,
  rated: 1,
  ratedGood: 1,
  inquiries: 4,
  inquiriesPaid: 1,
  sales: 12_990,
  buyers: 1,
});
const ahui = partsOf({
  consulted: 2,
  served: 1,
  respCount: 18,
  respSumCapped: 1_800_000,
  rated: 9,
  ratedGood: 0,
  inquiries: 1,
});

describe('dashboard totals', () => {
  test('means and rates are recomputed from the summed parts, as the engine rolls up a shop', () => {
    const totals = totalsOf([rowOf('旗舰店:小美', xiaomei), rowOf('旗舰店:阿慧', ahui)]);
    const shop = valuesOf(sumParts([xiaomei, ahui]));
    expect(totals.avgResponseSec).toBe(91);
    expect(totals.satisfaction).toBe(0.1);
    expect(totals).toMatchObject({ rated: 10, ratedGood: 1, consulted: 12, served: 11 });
    for (const key of ['avgResponseSec', 'satisfaction', 'replyRate', 'conversion', 'aov'] as const)
      expect(totals[key]).toBeCloseTo(shop[key] ?? Number.NaN, 2);
  });

  test('without turns or ratings the mean and the satisfaction have no value', () => {
    const totals = totalsOf([rowOf('旗舰店:小美', partsOf({ consulted: 1 }))]);
    expect(totals.avgResponseSec).toBeNull();
    expect(totals.satisfaction).toBeNull();
    expect(totalsOf([]).satisfaction).toBeNull();
  });

  test('each day of the trend sums its own agent-days', () => {
    const days = perDay(
      [
        rowOf('旗舰店:小美', xiaomei, '2026-11-01'),
        rowOf('旗舰店:阿慧', ahui, '2026-11-01'),
        rowOf('旗舰店:阿慧', ahui, '2026-11-02'),
      ],
      '2026-11-01',
      '2026-11-03',
    );
    expect(days.map((day) => day.totals.avgResponseSec)).toEqual([91, 100, null]);
    expect(days.map((day) => day.totals.satisfaction)).toEqual([0.1, 0, null]);
  });
});

describe('响应时长分布 labels', () => {
  test('each bar names its range, the unit once when both ends share it', () => {
    const buckets = [15, 30, 60, 120, null].map((upToSec) => ({ upToSec, count: 0 }));
    expect(buckets.map((bucket, index) => bucketLabel(bucket, buckets[index - 1]))).toEqual([
      '≤ 15 秒',
      '15-30 秒',
      '30 秒-1 分',
      '1-2 分',
      '> 2 分',
    ]);
  });
});
