import { describe, expect, test } from 'vitest';
import { float64Column, RowChains } from './metrics.columns.js';

/** Rows 0, 1, 2 … with the given times, chained into groups by `groups[row]`. */
const chained = (times: number[], groups: number[]) => {
  const time = float64Column();
  const chains = new RowChains();
  for (let group = 0; group <= Math.max(...groups); group++) chains.addGroup();
  times.forEach((at, row) => {
    time.push(at);
    chains.add(groups[row] as number, row);
  });
  return { time, chains };
};

const rowsOf = (chains: RowChains, group: number, time: { get: (index: number) => number }) => {
  const { rows, times, count } = chains.rows(group, time);
  return { rows: [...rows.subarray(0, count)], times: [...times.subarray(0, count)] };
};

describe('RowChains', () => {
  test('gives a group its rows in arrival order with their times when already sorted', () => {
    const { time, chains } = chained([10, 5, 20, 30], [0, 1, 0, 0]);
    expect(rowsOf(chains, 0, time)).toEqual({ rows: [0, 2, 3], times: [10, 20, 30] });
    expect(rowsOf(chains, 1, time)).toEqual({ rows: [1], times: [5] });
  });

  test('sorts an unsorted group by time, ties in arrival order, and its times with it', () => {
    const { time, chains } = chained([30, 10, 20, 10], [0, 0, 0, 0]);
    expect(rowsOf(chains, 0, time)).toEqual({ rows: [1, 3, 2, 0], times: [10, 10, 20, 30] });
  });

  test('holds groups longer than its first scratch arrays', () => {
    const times = Array.from({ length: 200 }, (_, row) => 1000 - row);
    const { time, chains } = chained(times, new Array(200).fill(0));
    const { rows, times: sorted } = rowsOf(chains, 0, time);
    expect(rows[0]).toBe(199);
    expect(sorted).toEqual([...times].sort((a, b) => a - b));
  });
});
