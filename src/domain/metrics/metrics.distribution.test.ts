import { describe, expect, test } from 'vitest';
import { addWait, emptyAgentParts } from './metrics.aggregate.js';
import { responseDistribution } from './metrics.distribution.js';

const partsWith = (waits: number[], capSec = 600) => {
  const parts = emptyAgentParts(capSec);
  for (const second of waits) addWait(parts, second);
  return parts;
};

describe('response-time distribution', () => {
  test('every wait counts once, in the bucket of its whole seconds, edges included', () => {
    const parts = partsWith([0, 15, 16, 30, 31, 60, 61, 120, 121, 900]);
    expect(responseDistribution([parts])).toEqual([
      { upToSec: 15, count: 2 },
      { upToSec: 30, count: 2 },
      { upToSec: 60, count: 2 },
      { upToSec: 120, count: 2 },
      { upToSec: null, count: 2 },
    ]);
  });

  test('it is the waits of all agent-days, not their averages: one slow day does not hide fast replies', () => {
    // Mean 101 s would put this agent-day in one "> 60 s" bar; its replies are mostly fast.
    const day = partsWith([5, 5, 5, 5, 490]);
    const other = partsWith([20], 60);
    const buckets = responseDistribution([day, other]);
    expect(buckets.map((bucket) => bucket.count)).toEqual([4, 1, 0, 0, 1]);
  });

  test('no parts, no waits: every bucket is zero', () => {
    expect(responseDistribution([]).every((bucket) => bucket.count === 0)).toBe(true);
  });
});
