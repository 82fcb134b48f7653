import { describe, expect, test } from 'vitest';
import { at, rating, settingsFor } from '../../../test/fixtures/metrics/metrics.fixture-kit.js';
import type { MetricsSettings, TicketRecord } from './index.js';
import { assessJd, assessPlatforms, computeMetrics, MetricsData, textToDay } from './index.js';

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
