import { describe, expect, test } from 'vitest';
import {
  agentSays,
  at,
  buyerSays,
  load,
  order,
  rating,
  settingsFor,
} from '../../../test/fixtures/metrics/metrics.fixture-kit.js';
import { oneDay } from '../../../test/fixtures/metrics/one-day.fixture.js';
import { check } from './metrics.assessment.js';
import type { MetricsRow, SettingsOverride } from './index.js';
import {
  assessPdd,
  computeMetrics,
  douyinCycle,
  halfMonthOf,
  neededAsNew,
  rollUp,
  textToDay,
} from './index.js';
import type { MessageRecord, OrderRecord, RatingRecord } from './index.js';

const day = (text: string) => textToDay(text) as number;
const later = at('2027-01-01 00:00:00');

type Input = {
  messages?: MessageRecord[];
  orders?: OrderRecord[];
  ratings?: RatingRecord[];
  override?: SettingsOverride;
};
const rowsOf = (input: Input, on = '2026-03-10'): MetricsRow[] =>
  rollUp({
    computation: computeMetrics({ data: load(input) }),
    from: day(on),
    to: day(on),
    by: 'agent-day',
    now: later,
  }).rows;
const rowOf = (input: Input, agent: string, on = '2026-03-10') =>
  rowsOf(input, on).find((row) => row.agent === agent);

describe('PDD assessment hours', () => {
  test('a buyer message at 23:00:00 is outside 08:00-23:00, one at 22:59:59 inside', () => {
    const row = rowOf(
      {
        messages: [
          buyerSays('b', 'a', '2026-03-10 22:59:59'),
          buyerSays('b', 'a', '2026-03-10 23:00:00'),
          agentSays('b', 'a', '2026-03-10 23:00:20'),
          buyerSays('c', 'a', '2026-03-10 07:59:59'),
          agentSays('c', 'a', '2026-03-10 08:01:00'),
        ],
      },
      'a',
    );
    expect(row).toMatchObject({ pddReply30sRate: 1, pddAvgResponseSec: 21, consulted: 2 });
  });

  test('what it takes to pass: 5 of 10 messages within 30 s against 80% needs 3 more', () => {
    const computation = computeMetrics({
      data: load({
        messages: Array.from({ length: 10 }, (_, i) => [
          buyerSays(`b${i}`, 'a', '2026-03-10 10:00:00', '在吗', 'pdd'),
          agentSays(`b${i}`, 'a', i < 5 ? '2026-03-10 10:00:10' : '2026-03-10 10:01:00', 'human', 'pdd'),
        ]).flat(),
      }),
    });
    const parts = [...computation.agentDays.values()][0];
    if (!parts) throw new Error('no parts');
    const result = assessPdd({
      parts,
      settings: settingsFor('pdd'),
      shop: 's',
      from: day('2026-03-10'),
      to: day('2026-03-10'),
    });
    expect(result.passed).toBe(false);
    expect(result.checks[0]).toMatchObject({
      numerator: 5,
      denominator: 10,
      needed: 3,
      toPass: '还需 3 条买家消息在 30 秒内人工回复',
    });
  });
});

describe('Douyin half-month cycles', () => {
  test('on the 16th the 1st-15th is assessed, on the 1st the 16th-end of last month', () => {
    expect(douyinCycle(day('2026-03-16'))).toEqual({ from: day('2026-03-01'), to: day('2026-03-15') });
    expect(douyinCycle(day('2026-03-01'))).toEqual({ from: day('2026-02-16'), to: day('2026-02-28') });
    expect(douyinCycle(day('2026-03-15'))).toEqual({ from: day('2026-02-16'), to: day('2026-02-28') });
  });

  test('the 15th and the 16th fall in different cycles', () => {
    expect(halfMonthOf(day('2026-03-15')).to).toBe(day('2026-03-15'));
    expect(halfMonthOf(day('2026-03-16'))).toEqual({ from: day('2026-03-16'), to: day('2026-03-31') });
  });

  test('satisfaction of 3 good in 5 needs 5 more good ratings to reach 80%', () => {
    expect(neededAsNew(3, 5, 0.8)).toBe(5);
  });

  test('a 100% target already missed says it cannot be reached, not "还需 Infinity"', () => {
    const missed = check({
      name: 'satisfaction',
      label: '满意度',
      numerator: 9,
      denominator: 10,
      target: 1,
      needed: neededAsNew(9, 10, 1),
      unit: '个好评',
    });
    expect(missed).toMatchObject({ passed: false, needed: null, toPass: '目标为 100%，本周期已无法达标' });
    expect(JSON.stringify(missed)).not.toContain('Infinity');
  });
});

describe('credit and assists', () => {
  test('with pick "first", the first agent who served is credited and the later one assists', () => {
    const override: SettingsOverride = { credit: { mode: 'order', pick: 'first' } };
    const input = { ...oneDay, override };
    expect(rowOf(input, 'a1')).toMatchObject({ sales: 150, buyers: 2, inquiries: 4, inquiriesPaid: 2 });
    expect(rowOf(input, 'a2')).toMatchObject({
      sales: 0,
      inquiries: 2,
      assists: { order: { count: 1, amount: 50 } },
    });
  });

  test('an agent who chases payment after the order is a follow-up assist', () => {
    const input = {
      messages: [
        buyerSays('b', 'a2', '2026-03-10 10:00:00'),
        agentSays('b', 'a2', '2026-03-10 10:00:10'),
        agentSays('b', 'a1', '2026-03-10 11:00:00'),
      ],
      orders: [order('o', 'b', '2026-03-10 10:30:00', '2026-03-10 11:10:00', 88)],
    };
    expect(rowOf(input, 'a2')).toMatchObject({ sales: 88, inquiriesPaid: 1 });
    expect(rowOf(input, 'a1')).toMatchObject({
      followUps: 1,
      assists: { followUp: { count: 1, amount: 88 } },
      consulted: 0,
    });
  });

  test('in payment mode the agent who served before payment is credited, the order agent assists', () => {
    const input = {
      messages: [
        buyerSays('b', 'a1', '2026-03-10 10:00:00'),
        agentSays('b', 'a1', '2026-03-10 10:00:10'),
        buyerSays('b', 'a2', '2026-03-10 11:00:00'),
        agentSays('b', 'a2', '2026-03-10 11:00:10'),
      ],
      orders: [order('o', 'b', '2026-03-10 10:30:00', '2026-03-10 11:10:00', 60)],
      override: { credit: { mode: 'payment', pick: 'last' } } satisfies SettingsOverride,
    };
    expect(rowOf(input, 'a2')).toMatchObject({ sales: 60, inquiriesPaid: 1 });
    expect(rowOf(input, 'a1')).toMatchObject({
      sales: 0,
      inquiries: 0,
      assists: { order: { count: 1, amount: 60 } },
    });
  });
});

describe('下单优先 (orderFirst): the order agent if there is one, else the payment agent', () => {
  const mode = (m: 'order' | 'payment' | 'orderFirst') =>
    ({ credit: { mode: m, pick: 'last' } }) satisfies SettingsOverride;
  const bothServed = {
    messages: [
      buyerSays('b', 'a1', '2026-03-10 10:00:00'),
      agentSays('b', 'a1', '2026-03-10 10:00:10'),
      buyerSays('b', 'a2', '2026-03-10 11:00:00'),
      agentSays('b', 'a2', '2026-03-10 11:00:10'),
    ],
    orders: [order('o', 'b', '2026-03-10 10:30:00', '2026-03-10 11:10:00', 60)],
  };
  const orderedAlone = {
    messages: [buyerSays('b', 'a2', '2026-03-10 11:00:00'), agentSays('b', 'a2', '2026-03-10 11:00:10')],
    orders: [order('o', 'b', '2026-03-10 10:30:00', '2026-03-10 11:10:00', 60)],
  };

  test('an agent served before the order: that agent is credited, as in 下单判定 and unlike 付款判定', () => {
    expect(rowOf({ ...bothServed, override: mode('orderFirst') }, 'a1')).toMatchObject({ sales: 60 });
    expect(rowOf({ ...bothServed, override: mode('orderFirst') }, 'a2')).toMatchObject({ sales: 0 });
    expect(rowOf({ ...bothServed, override: mode('payment') }, 'a2')).toMatchObject({ sales: 60 });
  });

  test('nobody served before the order: the agent who served before payment is credited', () => {
    expect(rowOf({ ...orderedAlone, override: mode('orderFirst') }, 'a2')).toMatchObject({ sales: 60 });
    expect(rowOf({ ...orderedAlone, override: mode('order') }, 'a2')).toMatchObject({ sales: 0 });
  });
});

describe('pre-sale classification', () => {
  const afterSale = {
    messages: [buyerSays('b', 'a', '2026-03-10 10:00:00'), agentSays('b', 'a', '2026-03-10 10:00:10')],
    orders: [
      order('old', 'b', '2026-03-01 10:00:00', '2026-03-01 10:00:05', 10),
      order('new', 'b', '2026-03-10 12:00:00', '2026-03-10 12:00:05', 20),
    ],
  };

  test('with hindsight an after-sale buyer who orders again in the window is an inquiry', () => {
    expect(rowOf(afterSale, 'a')).toMatchObject({ inquiries: 1, inquiriesPaid: 1, afterSale: 0, sales: 20 });
  });

  test('without hindsight the same buyer stays after-sale', () => {
    expect(rowOf({ ...afterSale, override: { hindsight: false } }, 'a')).toMatchObject({
      inquiries: 0,
      afterSale: 1,
    });
  });

  test('an order older than the look-back window does not make the buyer after-sale', () => {
    const input = {
      ...afterSale,
      orders: [order('old', 'b', '2026-02-20 10:00:00', '2026-02-20 10:00:05', 10)],
    };
    expect(rowOf(input, 'a')).toMatchObject({ inquiries: 1, afterSale: 0 });
  });
});

describe('response time settings', () => {
  const messages = [
    buyerSays('b', 'a', '2026-03-10 10:00:00'),
    agentSays('b', 'a', '2026-03-10 10:00:00'),
    buyerSays('c', 'a', '2026-03-10 10:00:00'),
    agentSays('c', 'a', '2026-03-10 10:20:00'),
    buyerSays('d', 'a', '2026-03-10 11:00:00'),
  ];

  test('a 0-second reply serves the buyer but stays out of the means; waits cap at 600 s', () => {
    expect(rowOf({ messages }, 'a')).toMatchObject({
      served: 2,
      avgResponseSec: 600,
      avgResponseUncappedSec: 1200,
      slowTurns: 1,
      unansweredTurns: 1,
    });
  });

  test('with unanswered turns counted at the cap they enter the mean', () => {
    const row = rowOf(
      { messages, override: { response: { capSec: 600, unanswered: 'cap', excludeZeroSecond: true } } },
      'a',
    );
    expect(row).toMatchObject({ avgResponseSec: 600, medianResponseSec: 600 });
  });

  test('a 24-hour window holds an order 23 hours later but not one 25 hours later', () => {
    const base = {
      messages: [buyerSays('b', 'a', '2026-03-10 10:00:00'), agentSays('b', 'a', '2026-03-10 10:00:10')],
      override: { attribution: { kind: 'hours', hours: 24 } } satisfies SettingsOverride,
    };
    expect(
      rowOf({ ...base, orders: [order('o', 'b', '2026-03-11 09:00:00', '2026-03-11 09:10:00', 5)] }, 'a'),
    ).toMatchObject({ inquiriesPaid: 1 });
    expect(
      rowOf({ ...base, orders: [order('o', 'b', '2026-03-11 11:00:00', '2026-03-11 11:10:00', 5)] }, 'a'),
    ).toMatchObject({ inquiriesOrdered: 0, inquiriesPaid: 0 });
  });
});

describe('satisfaction and roll-ups', () => {
  test('satisfaction is 4-5 stars over all ratings', () => {
    const ratings = [
      rating('b', 'a', '2026-03-10 10:00:00', 5),
      rating('c', 'a', '2026-03-10 11:00:00', 4),
      rating('d', 'a', '2026-03-10 12:00:00', 3),
      rating('e', 'a', '2026-03-10 13:00:00', 1),
    ];
    expect(rowOf({ ratings }, 'a')).toMatchObject({ satisfaction: 0.5 });
  });

  test('rolling up by shop sums counts and recomputes the ratios from the sums', () => {
    const computation = computeMetrics({ data: load(oneDay) });
    const [row] = rollUp({
      computation,
      from: day('2026-03-10'),
      to: day('2026-03-10'),
      by: 'shop',
      now: later,
    }).rows;
    expect(row).toMatchObject({
      consulted: 8,
      served: 6,
      replyRate: 0.75,
      inquiries: 6,
      inquiriesPaid: 2,
      conversion: 0.3333,
      sales: 150,
      avgResponseSec: 51.43,
    });
  });

  test('rolling up by team groups agents by the teams setting; agents without a team form the shop team', () => {
    const computation = computeMetrics({
      data: load({ ...oneDay, override: { teams: { a1: '售前一组' } } }),
    });
    const rows = rollUp({
      computation,
      from: day('2026-03-10'),
      to: day('2026-03-10'),
      by: 'team',
      now: later,
    }).rows;
    expect(rows.map((row) => [row.team, row.consulted, row.sales])).toEqual([
      ['售前一组', 4, 100],
      ['旗舰店', 4, 50],
    ]);
  });
});
