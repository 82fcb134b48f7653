import { describe, expect, test } from 'vitest';
import { at, rating, settingsFor } from '../../../test/fixtures/metrics/metrics.fixture-kit.js';
import type { AgentParts, MetricsSettings, PddSettings, PlatformAssessment, TicketRecord } from './index.js';
import { assessJd, assessPdd, assessPlatforms, computeMetrics, MetricsData, textToDay } from './index.js';
import { emptyAgentParts } from './metrics.aggregate.js';

const ticket = (
  id: string,
  applied: string,
  reviewed: string,
  extra: Partial<TicketRecord> = {},
): TicketRecord =>
  ({
    shop: '京东店',
    ticket: id,
    agent: 'a',
    applied: at(applied),
    reviewed: at(reviewed),
    ready: at(reviewed),
    resolved: at(reviewed) + 600_000,
    awaitingCustomer: false,
    sampled: false,
    samplePassed: null,
    ...extra,
  }) as TicketRecord;

// 60 ratings, 48 good (80% vs 90%: −20 → 30); 10 tickets, 8 reviewed within 20 service minutes
// (80% vs 90%: −10 → 10); all handled in 10 min (10); 5 samples, 1 failed (< 20 samples: −1 → 19);
// 2 of 10 awaiting the customer (20% > 10%: −5). Score 64: the 60-70 tier, 5,000 元.
const tickets = [
  ...Array.from({ length: 7 }, (_, i) =>
    ticket(`t${i}`, '2026-03-10 10:00:00', '2026-03-10 10:10:00', { sampled: i < 5, samplePassed: i !== 0 }),
  ),
  ticket('late-evening', '2026-03-10 20:55:00', '2026-03-11 09:10:00'),
  ticket('slow1', '2026-03-10 10:00:00', '2026-03-10 10:30:00', { awaitingCustomer: true }),
  ticket('slow2', '2026-03-10 10:00:00', '2026-03-10 10:30:00', { awaitingCustomer: true }),
];

const jdData = () => {
  const settings: MetricsSettings = settingsFor('jd');
  const data = new MetricsData(() => settings);
  data.addMessage({
    shop: '京东店',
    platform: 'jd',
    buyer: 'x',
    agent: 'a',
    sender: 'buyer',
    time: at('2026-03-10 10:00:00'),
    text: '你好',
    kind: 'human',
  });
  for (let i = 0; i < 60; i++)
    data.addRating({ ...rating(`b${i}`, 'a', '2026-03-12 10:00:00', i < 48 ? 5 : 1), shop: '京东店' });
  for (const item of tickets) data.addTicket(item);
  return data;
};

describe('assessJd', () => {
  test('scores satisfaction, review, handling, samples and awaiting into the 60-70 tier', () => {
    const computation = computeMetrics({ data: jdData() });
    const [result] = assessPlatforms({
      computation,
      from: textToDay('2026-03-01') as number,
      to: textToDay('2026-03-31') as number,
    });
    expect(result).toMatchObject({
      platform: 'jd',
      from: '2026-03-01',
      to: '2026-03-31',
      score: 64,
      passed: false,
      tier: { penalty: 5000 },
    });
    expect(result?.checks.map((item) => [item.name, item.numerator, item.denominator, item.needed])).toEqual([
      ['satisfaction', 48, 60, 60],
      ['review20', 8, 10, 1],
      ['handle20', 10, 10, 0],
      ['spec', 4, 5, 1],
      ['awaiting', 2, 10, 1],
    ]);
  });

  test('with 50 ratings or fewer, each unsatisfied rating costs one point', () => {
    const parts = computeMetrics({ data: jdData() }).agentDays;
    const total = [...parts.values()].reduce((sum, item) => ({
      ...item,
      rated: sum.rated + item.rated,
      ratedGood: sum.ratedGood + item.ratedGood,
      ratedBad: sum.ratedBad + item.ratedBad,
    }));
    const result = assessJd({
      parts: { ...total, rated: 20, ratedGood: 17, ratedBad: 3 },
      tickets: [],
      settings: settingsFor('jd'),
      shop: '京东店',
      from: 0,
      to: 0,
    });
    expect(result.score).toBe(50 - 3 + 20 + 10 + 20);
  });
});

describe('assessPlatforms for Douyin', () => {
  test('sessions on the 15th and the 16th are judged in different half-month cycles', () => {
    const settings = settingsFor('douyin');
    const data = new MetricsData(() => settings);
    const say = (buyer: string, sender: 'buyer' | 'agent', time: string) =>
      data.addMessage({
        shop: '抖店',
        platform: 'douyin',
        buyer,
        agent: 'a',
        sender,
        time: at(time),
        text: '好的',
        kind: 'human',
      });
    say('b1', 'buyer', '2026-03-15 22:00:00');
    say('b1', 'agent', '2026-03-15 22:01:00');
    say('b2', 'buyer', '2026-03-16 10:00:00');
    say('b2', 'agent', '2026-03-16 10:03:00');
    const computation = computeMetrics({ data });
    const results = assessPlatforms({
      computation,
      from: textToDay('2026-03-01') as number,
      to: textToDay('2026-03-31') as number,
    });
    expect(results.map((item) => [item.from, item.to, item.passed])).toEqual([
      ['2026-03-01', '2026-03-15', true],
      ['2026-03-16', '2026-03-31', false],
    ]);
    expect(results[1]?.checks[0]).toMatchObject({
      name: 'dyFirstReply2mRate',
      numerator: 0,
      denominator: 1,
      needed: 1,
    });
    expect(results[1]?.checks[1]).toMatchObject({
      name: 'dyReply3mRate',
      numerator: 1,
      denominator: 1,
      passed: true,
    });
  });
});

describe('assessPdd with shop targets (店铺目标)', () => {
  // 36 answered messages waited 25.5 s each; 7 of 20 inquiries paid (35%); 1,234.56 元 and 13
  // items over 8 buying buyers (154.32 元, 1.625 items). 30 of 40 within 30 s: the platform line.
  const parts = Object.assign(emptyAgentParts(600), {
    pddMessages: 40,
    pddWithin: 32,
    pddAnswered: 36,
    pddWaitSum: 36 * 25_500,
    inquiries: 20,
    inquiriesPaid: 7,
    sales: 123_456,
    buyers: 8,
    items: 13,
  });
  const assess = (pdd: Partial<PddSettings>, values: Partial<AgentParts> = {}) =>
    assessPdd({
      parts: { ...parts, ...values },
      settings: settingsFor('pdd', { pdd }),
      shop: '拼多多店',
      from: 0,
      to: 0,
    });
  const summary = (result: PlatformAssessment) =>
    result.checks.map((item) => [item.name, item.value, item.target, item.passed, item.needed, item.toPass]);

  test('missed targets fail with what each would take, marked as shop targets', () => {
    const result = assess({
      avgResponseSecTarget: 20,
      conversionTarget: 0.5,
      aovTarget: 200,
      itemsPerBuyerTarget: 2,
    });
    expect(summary(result)).toEqual([
      ['pddReply30sRate', 0.8, 0.8, true, 0, null],
      // 25.5 s against 20 s: every answered message 5.5 s sooner.
      ['pddAvgResponseSec', 25.5, 20, false, 5.5, '还需每条人工回复平均快 5.5 秒'],
      // ceil(0.5 × 20 − 7) = 3 more inquiring buyers paying.
      ['conversion', 0.35, 0.5, false, 3, '还需 3 位询单买家付款'],
      // 200 元 × 8 buyers = 1,600 元, 365.44 元 more than 1,234.56 元.
      ['aov', 154.32, 200, false, 365.44, '还需 365.44 元销售额（买家数不变）'],
      // 2 × 8 = 16 items, 3 more than 13.
      ['itemsPerBuyer', 1.625, 2, false, 3, '还需 3 件（买家数不变）'],
    ]);
    expect(result.checks.map((item) => [item.shopTarget, item.atMost, item.unit])).toEqual([
      [false, false, 'rate'],
      [true, true, 'seconds'],
      [true, false, 'rate'],
      [true, false, 'yuan'],
      [true, false, 'items'],
    ]);
    // The platform's verdict stands on its own line; the indicators judged are no longer measures.
    expect(result.passed).toBe(true);
    expect(result.measures).toEqual([]);
  });

  test('values exactly at their targets pass and need nothing', () => {
    const result = assess({
      avgResponseSecTarget: 25.5,
      conversionTarget: 0.35,
      aovTarget: 154.32,
      itemsPerBuyerTarget: 1.625,
    });
    expect(result.checks.map((item) => [item.name, item.passed, item.needed, item.toPass])).toEqual([
      ['pddReply30sRate', true, 0, null],
      ['pddAvgResponseSec', true, 0, null],
      ['conversion', true, 0, null],
      ['aov', true, 0, null],
      ['itemsPerBuyer', true, 0, null],
    ]);
  });

  test('a wait a little over its target rounds the cut up to a tenth of a second; 客单价 to a 分', () => {
    // 25.5 s against 25.44 s: 0.06 s rounds up to 0.1 s. 154.32 元 against 154.33 元: 8 × 0.01 元.
    const result = assess({ avgResponseSecTarget: 25.44, aovTarget: 154.33 });
    expect(summary(result).slice(1)).toEqual([
      ['pddAvgResponseSec', 25.5, 25.44, false, 0.1, '还需每条人工回复平均快 0.1 秒'],
      ['aov', 154.32, 154.33, false, 0.08, '还需 0.08 元销售额（买家数不变）'],
    ]);
    expect(result.measures?.map((item) => item.name)).toEqual(['conversion', 'itemsPerBuyer']);
  });

  test('without targets the four stay measures; a target without a denominator is not judged', () => {
    expect(assess({}).checks.map((item) => item.name)).toEqual(['pddReply30sRate']);
    expect(assess({}).measures?.map((item) => item.name)).toEqual([
      'pddAvgResponseSec',
      'conversion',
      'aov',
      'itemsPerBuyer',
    ]);
    const empty = assess(
      { aovTarget: 100, conversionTarget: 0.3 },
      { buyers: 0, sales: 0, items: 0, inquiries: 0, inquiriesPaid: 0 },
    );
    expect(summary(empty).slice(1)).toEqual([
      ['conversion', null, 0.3, true, 0, null],
      ['aov', null, 100, true, 0, null],
    ]);
  });
});
