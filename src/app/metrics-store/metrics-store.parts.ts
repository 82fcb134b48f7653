import { type AgentDayEntry, dayToText, type MetricsRow, type RollUpBy } from '../../domain/metrics/index.js';

/**
 * The parts behind a row's means, so a client that adds rows together (the dashboard's totals and
 * daily trend) recomputes the mean response and the satisfaction from sums, as the engine rolls
 * up a shop, instead of averaging averages.
 */
export type RowParts = {
  /** Turns counted in the mean response (平均响应). */
  respCount: number;
  /** Their summed response times, capped as in the mean, in seconds. */
  respSumCappedSec: number;
  /** Ratings (评价数) and the 4-5 star ones among them (满意数). */
  rated: number;
  ratedGood: number;
};

const emptyParts = (): RowParts => ({ respCount: 0, respSumCappedSec: 0, rated: 0, ratedGood: 0 });

const rowKey = (shop: string, who: string, day: string) => `${shop}\u0001${who}\u0001${day}`;

/** Each row's parts, summed over the same agent-days the roll-up `by` put into it. */
export const rowPartsOf = ({
  agentDays,
  by,
  teamOf,
}: {
  agentDays: AgentDayEntry[];
  by: RollUpBy;
  teamOf: (shop: string, agent: string) => string;
}): ((row: MetricsRow) => RowParts) => {
  const sums = new Map<string, RowParts>();
  for (const { shop, agent, day, parts } of agentDays) {
    const who = by === 'team' ? teamOf(shop, agent) : by === 'shop' ? '' : agent;
    const key = rowKey(shop, who, by === 'agent-day' ? dayToText(day) : '');
    const sum = sums.get(key) ?? emptyParts();
    sum.respCount += parts.respCount;
    sum.respSumCappedSec += parts.respSumCapped / 1000;
    sum.rated += parts.rated;
    sum.ratedGood += parts.ratedGood;
    sums.set(key, sum);
  }
  return (row) => sums.get(rowKey(row.shop, row.team ?? row.agent ?? '', row.day ?? '')) ?? emptyParts();
};
