import { describe, expect, test } from 'vitest';
import { agentSays, at, buyerSays, load, order } from '../../../test/fixtures/metrics/metrics.fixture-kit.js';
import { oneDay } from '../../../test/fixtures/metrics/one-day.fixture.js';
import { computeMetrics, explain, rollUp, textToDay } from './index.js';

const day = textToDay('2026-03-10') as number;
const report = (now = at('2026-03-20 00:00:00')) => {
  const computation = computeMetrics({ data: load(oneDay) });
  return { computation, ...rollUp({ computation, from: day, to: day, by: 'agent-day', now }) };
};

describe('computeMetrics on a hand-computed day', () => {
  test('agent a1 gets every metric the fixture computes by hand', () => {
    const row = report().rows.find((item) => item.agent === 'a1');
    expect(row).toMatchObject({ day: '2026-03-10', ...oneDay.expected.a1 });
  });

  test('agent a2 gets every metric the fixture computes by hand', () => {
    const row = report().rows.find((item) => item.agent === 'a2');
    expect(row).toMatchObject(oneDay.expected.a2);
  });

  test('shop totals over all days split paid sales into credited, silent and uncredited', () => {
    const computation = computeMetrics({ data: load(oneDay) });
    const all = rollUp({ computation, from: null, to: null, by: 'shop', now: at('2026-03-20 00:00:00') });
    expect(all.shop).toEqual(oneDay.expected.shopAllDays);
  });

  test('a reply after midnight counts on the day the turn started, leaving no row the next day', () => {
    const computation = computeMetrics({ data: load(oneDay) });
    const next = rollUp({
      computation,
      from: day + 1,
      to: day + 1,
      by: 'agent-day',
      now: at('2026-03-20 00:00:00'),
    });
    expect(next.rows.filter((row) => row.consulted > 0)).toEqual([]);
  });

  test('while the attribution window of a day is open at now, its rows are provisional', () => {
    expect(report(at('2026-03-11 12:00:00')).rows.every((row) => row.provisional)).toBe(true);
    expect(report(at('2026-03-12 00:00:00')).rows.some((row) => row.provisional)).toBe(false);
  });

  test('explain lists the buyers behind a1 inquiries and marks the one who paid', () => {
    const { computation } = report();
    const result = explain({ computation, metric: 'conversion', agent: 'a1', day });
    expect(result.buyers.sort()).toEqual(['b1', 'b8', 'b9']);
    expect(result.refs.filter((ref) => ref.hit).map((ref) => ref.buyer)).toEqual(['b1']);
  });

  test('explain lists the advertiser and the silent order at shop level', () => {
    const { computation } = report();
    expect(explain({ computation, metric: 'advertisers' }).buyers).toEqual(['b5']);
    expect(explain({ computation, metric: 'silentSales' }).refs).toMatchObject([
      { buyer: 'b6', order: 'o6', day: '2026-03-05' },
    ]);
  });
});

describe('explain', () => {
  test('lists the credited order behind a2 sales and the assist behind a1 assists', () => {
    const { computation } = report();
    expect(explain({ computation, metric: 'sales', agent: 'a2', day }).refs).toMatchObject([
      { buyer: 'b2', order: 'o2' },
    ]);
    expect(explain({ computation, metric: 'assists', agent: 'a1', day }).refs).toMatchObject([
      { buyer: 'b2', order: 'o2' },
    ]);
  });

  test('lists the unanswered buyers and the slow-turn buyer of a1', () => {
    const { computation } = report();
    expect(explain({ computation, metric: 'unanswered', agent: 'a1', day }).buyers).toEqual(['b9']);
    expect(explain({ computation, metric: 'slowTurns', agent: 'a1', day }).buyers).toEqual(['b1']);
  });

  test('退款率 lists every credited order and marks the refunded ones; 3 分钟回复率 marks receptions with a late turn', () => {
    const data = load({
      messages: [
        buyerSays('b1', 'a1', '2026-03-10 10:00:00'),
        agentSays('b1', 'a1', '2026-03-10 10:00:20'),
        buyerSays('b2', 'a1', '2026-03-10 11:00:00'),
        agentSays('b2', 'a1', '2026-03-10 11:05:00'),
      ],
      orders: [
        order('o1', 'b1', '2026-03-10 10:01:00', '2026-03-10 10:02:00', 100, 1, 100),
        order('o2', 'b2', '2026-03-10 11:06:00', '2026-03-10 11:07:00', 50),
      ],
    });
    const computation = computeMetrics({ data });
    const refunds = explain({ computation, metric: 'refundRate', agent: 'a1', day }).refs;
    expect(refunds.map((ref) => [ref.order, ref.hit])).toEqual([
      ['o1', true],
      ['o2', false],
    ]);
    const replies = explain({ computation, metric: 'tbReply3mRate', agent: 'a1', day }).refs;
    expect(replies.map((ref) => [ref.buyer, ref.hit])).toEqual([
      ['b1', true],
      ['b2', false],
    ]);
  });

  test('an unknown metric is an error naming it', () => {
    const { computation } = report();
    expect(() => explain({ computation, metric: 'happiness' })).toThrow('happiness');
  });
});
