import { describe, expect, test } from 'vitest';
import { agentSays, buyerSays, load, order } from '../../../test/fixtures/metrics/metrics.fixture-kit.js';
import { assessPlatforms, computeMetrics, rollUp, textToDay } from '../../domain/metrics/index.js';
import { assessmentsCsv, metricsJson, metricsTable } from './metrics.write.js';

// `kefu metrics --assess` output for a PDD shop with shop targets (店铺目标), by hand: on 10 March
// b1 is answered in 20 s and b2 in 60 s (1 of 2 within 30 s; mean wait 80 s / 2 = 40 s); b1 pays
// 300 元 for 3 items, b2 does not (1 of 2 inquiries paid). Targets: wait ≤ 30 s (10 s to cut),
// conversion ≥ 60% (ceil(0.6 × 2 − 1) = 1 more buyer paying), 客单价 ≥ 250 元 (300 元: met);
// 客件数 has no target and stays a measure.
const run = () => {
  const day = textToDay('2026-03-10') as number;
  const data = load({
    messages: [
      buyerSays('b1', 'a', '2026-03-10 10:00:00', '在吗', 'pdd'),
      agentSays('b1', 'a', '2026-03-10 10:00:20', 'human', 'pdd'),
      buyerSays('b2', 'a', '2026-03-10 11:00:00', '在吗', 'pdd'),
      agentSays('b2', 'a', '2026-03-10 11:01:00', 'human', 'pdd'),
    ],
    orders: [order('o1', 'b1', '2026-03-10 10:30:00', '2026-03-10 10:31:00', 300, 3)],
    override: { pdd: { avgResponseSecTarget: 30, conversionTarget: 0.6, aovTarget: 250 } },
  });
  const computation = computeMetrics({ data });
  return { computation, assessments: assessPlatforms({ computation, from: day, to: day }) };
};

describe('assessment output with PDD shop targets', () => {
  test('CSV has one line per check, shop targets marked 店铺目标 with their own units', () => {
    const lines = assessmentsCsv(run().assessments).trim().split('\n');
    expect(lines).toEqual([
      '店铺,平台,考核周期,指标,口径,数值,目标,分子/分母,结果,差距,总分,结论',
      '旗舰店,pdd,2026-03-10~2026-03-10,30秒应答率,平台规则,0.5,0.8,1/2,未达标,还需 1 条买家消息在 30 秒内人工回复,,未达标',
      '旗舰店,pdd,2026-03-10~2026-03-10,平均人工响应时长,店铺目标,40,30,80/2,未达标,还需每条人工回复平均快 10 秒,,未达标',
      '旗舰店,pdd,2026-03-10~2026-03-10,询单转化率,店铺目标,0.5,0.6,1/2,未达标,还需 1 位询单买家付款,,未达标',
      '旗舰店,pdd,2026-03-10~2026-03-10,客单价,店铺目标,300,250,300/1,达标,,,未达标',
    ]);
  });

  test('the table and JSON carry the same checks; 客件数 without a target stays a measure', () => {
    const { computation, assessments } = run();
    const day = textToDay('2026-03-10') as number;
    const report = rollUp({ computation, from: day, to: day, by: 'agent', now: Date.parse('2026-04-01') });
    const table = metricsTable(report, assessments);
    expect(table).toMatch(/平均人工响应时长 +店铺目标 +40 +30 .*还需每条人工回复平均快 10 秒/);
    const json = JSON.parse(metricsJson(report, assessments)).assessments[0];
    expect(json.checks[3]).toMatchObject({ name: 'aov', shopTarget: true, unit: 'yuan', passed: true });
    expect(json.measures.map((item: { name: string }) => item.name)).toEqual(['itemsPerBuyer']);
  });
});
