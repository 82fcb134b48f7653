import { describe, expect, test } from 'vitest';
import { agentSays, at, buyerSays, load, order } from '../../../test/fixtures/metrics/metrics.fixture-kit.js';
import type { MessageRecord, MetricsRow, OrderRecord, SettingsOverride } from './index.js';
import { computeMetrics, rollUp, textToDay } from './index.js';

// Hand-computed fixtures for the Taobao 3-minute rate, slow and long receptions, and the refund
// rate (../shared/domain/kpi.md: "Slow and long", "Taobao 3-minute human response rate", 退款).

const later = at('2027-01-01 00:00:00');
type Input = { messages?: MessageRecord[]; orders?: OrderRecord[]; override?: SettingsOverride };
const rowOf = (input: Input, agent: string, on = '2026-03-10'): MetricsRow | undefined => {
  const day = textToDay(on) as number;
  const { rows } = rollUp({
    computation: computeMetrics({ data: load(input) }),
    from: day,
    to: day,
    by: 'agent-day',
    now: later,
  });
  return rows.find((row) => row.agent === agent);
};

describe('Taobao 3-minute human response rate (淘宝3分钟人工响应率)', () => {
  test('turns answered within 3 minutes over turns started 08:00-23:00; unanswered ones count as missed', () => {
    const row = rowOf(
      {
        messages: [
          // Within 3 minutes (180 s exactly is within).
          buyerSays('b1', 'a', '2026-03-10 09:00:00'),
          agentSays('b1', 'a', '2026-03-10 09:03:00'),
          // Too slow: 181 s.
          buyerSays('b2', 'a', '2026-03-10 10:00:00'),
          agentSays('b2', 'a', '2026-03-10 10:03:01'),
          // Never answered: counts in the denominator.
          buyerSays('b3', 'a', '2026-03-10 11:00:00'),
          // Before 08:00: outside the hours, left out.
          buyerSays('b4', 'a', '2026-03-10 07:59:00'),
          agentSays('b4', 'a', '2026-03-10 07:59:30'),
          // Starts at 22:59 and is answered after midnight: crosses midnight, left out.
          buyerSays('b5', 'a', '2026-03-10 22:59:00'),
          agentSays('b5', 'a', '2026-03-11 00:01:00'),
        ],
      },
      'a',
    );
    // Turns: b1 (within), b2 (late), b3 (unanswered) → 1/3.
    expect(row?.tbReply3mRate).toBeCloseTo(1 / 3, 4);
  });

  test('the hours and the limit are settings', () => {
    const row = rowOf(
      {
        messages: [buyerSays('b1', 'a', '2026-03-10 07:30:00'), agentSays('b1', 'a', '2026-03-10 07:34:00')],
        override: { hours: { taobao: { from: '07:00', to: '23:00' } }, taobao: { replyWithinSec: 300 } },
      },
      'a',
    );
    expect(row?.tbReply3mRate).toBe(1);
  });
});

describe('slow and long receptions (慢接待, 长接待)', () => {
  test('a reception with 3 turns answered after 120 s is slow; one spanning over 30 minutes is long', () => {
    const slowTurns = [0, 10, 20].flatMap((minute) => [
      buyerSays('slow', 'a', `2026-03-10 10:${String(minute).padStart(2, '0')}:00`),
      agentSays('slow', 'a', `2026-03-10 10:${String(minute + 3).padStart(2, '0')}:00`),
    ]);
    const twoSlowTurns = [0, 10].flatMap((minute) => [
      buyerSays('almost', 'a', `2026-03-10 14:${String(minute).padStart(2, '0')}:00`),
      agentSays('almost', 'a', `2026-03-10 14:${String(minute + 3).padStart(2, '0')}:00`),
    ]);
    const row = rowOf({ messages: [...slowTurns, ...twoSlowTurns] }, 'a');
    // `slow`: 3 turns of 180 s > 120 s, first message 10:00, last 10:23 (23 min, not long).
    // `almost`: only 2 such turns; 14:00 → 14:13.
    expect(row).toMatchObject({ slowReceptions: 1, longReceptions: 0, slowTurns: 5 });

    const long = rowOf(
      {
        messages: [
          buyerSays('long', 'a', '2026-03-10 10:00:00'),
          agentSays('long', 'a', '2026-03-10 10:00:20'),
          buyerSays('long', 'a', '2026-03-10 10:30:30'),
          agentSays('long', 'a', '2026-03-10 10:30:40'),
        ],
      },
      'a',
    );
    expect(long).toMatchObject({ longReceptions: 1, slowReceptions: 0 });
  });

  test('the thresholds are settings', () => {
    const row = rowOf(
      {
        messages: [buyerSays('b', 'a', '2026-03-10 10:00:00'), agentSays('b', 'a', '2026-03-10 10:01:00')],
        override: { slowReception: { thresholdSec: 30, turns: 1 }, longReceptionMinutes: 0.5 },
      },
      'a',
    );
    expect(row).toMatchObject({ slowReceptions: 1, longReceptions: 1 });
  });
});

describe('refund rate (退款率)', () => {
  test('refunded amount over the credited sales of the agent', () => {
    const row = rowOf(
      {
        messages: [
          buyerSays('b1', 'a', '2026-03-10 10:00:00'),
          agentSays('b1', 'a', '2026-03-10 10:00:30'),
          buyerSays('b2', 'a', '2026-03-10 11:00:00'),
          agentSays('b2', 'a', '2026-03-10 11:00:30'),
        ],
        orders: [
          order('o1', 'b1', '2026-03-10 10:10:00', '2026-03-10 10:11:00', 200, 1, 50),
          order('o2', 'b2', '2026-03-10 11:10:00', '2026-03-10 11:11:00', 300),
        ],
      },
      'a',
    );
    expect(row).toMatchObject({ sales: 500, refundAmount: 50, refundRate: 0.1 });
  });
});

describe('chat filters (过滤: named accounts, platform staff, own accounts)', () => {
  const report = (input: Input) => {
    const day = textToDay('2026-03-10') as number;
    const computation = computeMetrics({ data: load(input) });
    return rollUp({ computation, from: day, to: day, by: 'agent-day', now: later });
  };
  const messages = [
    buyerSays('b1', 'a', '2026-03-10 10:00:00'),
    agentSays('b1', 'a', '2026-03-10 10:00:30'),
    // Platform staff (淘宝小二), a listed test account, and another of the shop's agents.
    buyerSays('淘宝小二', 'a', '2026-03-10 11:00:00'),
    agentSays('淘宝小二', 'a', '2026-03-10 11:00:30'),
    buyerSays('test-buyer', 'a', '2026-03-10 12:00:00'),
    agentSays('b2', 'b', '2026-03-10 12:30:00'),
    buyerSays('b', 'a', '2026-03-10 13:00:00'),
  ];

  test('are left out of every agent metric and counted per shop with the reason', () => {
    const result = report({ messages, override: { filters: { accounts: ['test-buyer'] } } });
    expect(result.rows.find((row) => row.agent === 'a')).toMatchObject({ consulted: 1, served: 1 });
    expect(result.shop.filtered).toEqual({ accounts: 1, staff: 1, ownAccounts: 1 });
  });

  test('each filter can be turned off in the settings', () => {
    const result = report({
      messages,
      override: { filters: { accounts: [], staffPatterns: [], ownAccounts: false } },
    });
    expect(result.rows.find((row) => row.agent === 'a')).toMatchObject({ consulted: 4 });
    expect(result.shop.filtered).toEqual({ accounts: 0, staff: 0, ownAccounts: 0 });
  });

  test('a filtered buyer’s paid order is not credited to anyone', () => {
    const result = report({
      messages,
      orders: [order('o9', '淘宝小二', '2026-03-10 11:10:00', '2026-03-10 11:11:00', 99)],
    });
    expect(result.rows.reduce((sum, row) => sum + row.sales, 0)).toBe(0);
    expect(result.shop.uncreditedSales).toBe(99);
  });
});

describe('a supervisor’s credit ruling (落实客服改判)', () => {
  // Two agents served b1 before the order: by default the last one (b) is credited.
  const messages = [
    buyerSays('b1', 'a', '2026-03-10 10:00:00'),
    agentSays('b1', 'a', '2026-03-10 10:00:30'),
    buyerSays('b1', 'b', '2026-03-10 10:05:00'),
    agentSays('b1', 'b', '2026-03-10 10:05:30'),
  ];
  const paid = (creditAgent?: string | null) => ({
    ...order('o1', 'b1', '2026-03-10 10:10:00', '2026-03-10 10:11:00', 120),
    ...(creditAgent === undefined ? {} : { creditAgent }),
  });
  const sales = (creditAgent?: string | null) => {
    const input = { messages, orders: [paid(creditAgent)] };
    return { a: rowOf(input, 'a'), b: rowOf(input, 'b') };
  };

  test('without a ruling the credit mode decides; a ruling moves the sale and the conversion', () => {
    expect(sales()).toMatchObject({ a: { sales: 0, assists: { order: { count: 1 } } }, b: { sales: 120 } });
    expect(sales('a')).toMatchObject({
      a: { sales: 120, inquiriesPaid: 1 },
      b: { sales: 0, inquiriesPaid: 0, assists: { order: { count: 1 } } },
    });
  });

  test('ruling "no one" leaves the sale uncredited; a ruling for an agent who never served is ignored', () => {
    expect(sales(null)).toMatchObject({ a: { sales: 0 }, b: { sales: 0 } });
    expect(sales('c')).toMatchObject({ b: { sales: 120 } });
  });
});
