import { describe, expect, test } from 'vitest';
import { at, settingsFor } from '../../../test/fixtures/metrics/metrics.fixture-kit.js';
import { type AgentParts, emptyAgentParts } from './metrics.aggregate.js';
import { assessPdd } from './metrics.assessment.js';
import { assessmentCycles, assessStoredShop } from './metrics.assessment.periods.js';
import type { Millis } from '../shared/index.js';
import type { TicketRecord } from './metrics.records.js';
import { textToDay } from './metrics.time.js';

const day = (text: string) => textToDay(text) as number;

const parts = (values: Partial<Record<keyof AgentParts, number>>): AgentParts =>
  Object.assign(emptyAgentParts(600), values);

describe('assessPdd', () => {
  // 40 buyer messages 08:00-23:00, 29 answered within 30 s: 72.5% < 80%. At a fixed total,
  // ceil(0.8 × 40 − 29) = 3 more messages answered in time reach 32 / 40 = 80%.
  const pdd = parts({
    pddMessages: 40,
    pddWithin: 29,
    pddAnswered: 36,
    pddWaitSum: 36 * 25_000 + 36 * 500,
    inquiries: 20,
    inquiriesPaid: 7,
    sales: 123_456,
    buyers: 8,
    items: 13,
  });

  test('30秒应答率 fails with how many more replies within 30 s would pass', () => {
    const result = assessPdd({ parts: pdd, settings: settingsFor('pdd'), shop: '拼多多店', from: 0, to: 0 });
    expect(result.passed).toBe(false);
    expect(result.checks).toEqual([
      {
        name: 'pddReply30sRate',
        label: '30秒应答率',
        value: 0.725,
        target: 0.8,
        numerator: 29,
        denominator: 40,
        unit: 'rate',
        atMost: false,
        shopTarget: false,
        passed: false,
        needed: 3,
        toPass: '还需 3 条买家消息在 30 秒内人工回复',
      },
    ]);
  });

  test('平均人工响应时长, 询单转化率, 客单价 and 客件数 come as values with their parts', () => {
    const result = assessPdd({ parts: pdd, settings: settingsFor('pdd'), shop: '拼多多店', from: 0, to: 0 });
    expect(result.measures?.map((item) => [item.name, item.value, item.numerator, item.denominator])).toEqual(
      [
        // 36 answered messages waited 25.5 s each.
        ['pddAvgResponseSec', 25.5, 918, 36],
        ['conversion', 0.35, 7, 20],
        // 1,234.56 元 over 8 buyers; 13 items over 8 buyers.
        ['aov', 154.32, 1234.56, 8],
        ['itemsPerBuyer', 1.625, 13, 8],
      ],
    );
  });

  test('32 of 40 within 30 s reaches 80% exactly and needs nothing more', () => {
    const result = assessPdd({
      parts: parts({ pddMessages: 40, pddWithin: 32 }),
      settings: settingsFor('pdd'),
      shop: '拼多多店',
      from: 0,
      to: 0,
    });
    expect(result.checks[0]).toMatchObject({ passed: true, needed: 0, toPass: null });
    expect(result.measures?.[0]?.value).toBeNull();
  });
});

describe('assessmentCycles', () => {
  test('PDD takes the period, Douyin half-months, JD months, Taobao nothing', () => {
    const from = day('2026-03-10');
    const to = day('2026-04-02');
    expect(assessmentCycles('pdd', from, to)).toEqual([{ from, to }]);
    expect(assessmentCycles('douyin', from, to)).toEqual([
      { from: day('2026-03-01'), to: day('2026-03-15') },
      { from: day('2026-03-16'), to: day('2026-03-31') },
      { from: day('2026-04-01'), to: day('2026-04-15') },
    ]);
    expect(assessmentCycles('jd', from, to)).toEqual([
      { from: day('2026-03-01'), to: day('2026-03-31') },
      { from: day('2026-04-01'), to: day('2026-04-30') },
    ]);
    expect(assessmentCycles('taobao', from, to)).toEqual([]);
  });
});

describe('assessStoredShop', () => {
  test('Douyin sums each half-month apart and cuts the running cycle at the last day', () => {
    const agentDays = [
      // 15th: 9 of 10 sessions answered within 2 min, in the first cycle.
      {
        day: day('2026-03-15'),
        parts: parts({ dySessions: 10, dyFirstWithin: 9, dyMessages: 10, dyWithin: 10 }),
      },
      // 16th and 18th: 8 of 10 (80% < 85%) — ceil(0.85 × 10 − 8) = 1 more.
      {
        day: day('2026-03-16'),
        parts: parts({ dySessions: 4, dyFirstWithin: 3, dyMessages: 4, dyWithin: 4 }),
      },
      {
        day: day('2026-03-18'),
        parts: parts({ dySessions: 6, dyFirstWithin: 5, dyMessages: 6, dyWithin: 6 }),
      },
      // 21st lies after the last day with results: left out.
      { day: day('2026-03-21'), parts: parts({ dySessions: 5, dyFirstWithin: 0 }) },
    ];
    const result = assessStoredShop({
      shop: '抖店',
      platform: 'douyin',
      agentDays,
      tickets: [],
      settingsOn: () => settingsFor('douyin'),
      from: day('2026-03-14'),
      to: day('2026-03-19'),
      lastDay: day('2026-03-20'),
    });
    expect(result.map((item) => [item.from, item.to, item.cycle.to, item.complete, item.passed])).toEqual([
      ['2026-03-01', '2026-03-15', '2026-03-15', true, true],
      ['2026-03-16', '2026-03-20', '2026-03-31', false, false],
    ]);
    expect(result[1]?.checks[0]).toMatchObject({
      numerator: 8,
      denominator: 10,
      needed: 1,
      toPass: '还需 1 个人工会话在 2 分钟内首次回复',
    });
  });

  test('JD reads only the tickets applied within its month, in the shop time zone', () => {
    const ticket = (id: string, applied: string): TicketRecord => ({
      shop: '京东店',
      ticket: id,
      agent: 'a',
      applied: at(applied),
      reviewed: (at(applied) + 3_600_000) as Millis,
      ready: null,
      resolved: null,
      awaitingCustomer: false,
      sampled: false,
      samplePassed: null,
    });
    const [result] = assessStoredShop({
      shop: '京东店',
      platform: 'jd',
      agentDays: [],
      // 23:30 local on 28 Feb is February; 07:00 local on 1 March (23:00 UTC on 28 Feb) is March
      // and its hour of waiting lies before 09:00, outside service hours; 10:00 on 10 March waits
      // a whole service hour.
      tickets: [
        ticket('feb', '2026-02-28 23:30:00'),
        ticket('early', '2026-03-01 07:00:00'),
        ticket('late', '2026-03-10 10:00:00'),
      ],
      settingsOn: () => settingsFor('jd'),
      from: day('2026-03-01'),
      to: day('2026-03-31'),
      lastDay: day('2026-04-10'),
    });
    // 1 / 2 within 20 min: 40 points below 90% → 0 / 20; nothing rated, handled or sampled.
    expect(result?.checks.find((item) => item.name === 'review20')).toMatchObject({
      numerator: 1,
      denominator: 2,
      needed: 1,
    });
    expect(result?.score).toBe(50 + 0 + 10 + 20);
    expect(result?.complete).toBe(true);
  });
});
