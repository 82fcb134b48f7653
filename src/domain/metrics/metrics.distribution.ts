import type { AgentParts } from './metrics.aggregate.js';

/** One bar of the response-time distribution: waits up to `upToSec` (null: longer than the last edge). */
export type ResponseBucket = { upToSec: number | null; count: number };

/**
 * How the dashboard cuts response times (响应时长分布), in whole seconds: ≤ 15 s, ≤ 30 s, ≤ 1 min,
 * ≤ 2 min, longer — the 30 s and 2 min marks are where the PDD and Douyin assessments judge.
 */
export const responseBucketEdgesSec: readonly number[] = [15, 30, 60, 120];

/**
 * The distribution of every response time behind `parts` (the per-second histograms of the agent-
 * days, the waits beyond the mean's cap included), not of the agents' averages.
 */
export const responseDistribution = (
  parts: Iterable<AgentParts>,
  edgesSec: readonly number[] = responseBucketEdgesSec,
): ResponseBucket[] => {
  const buckets: ResponseBucket[] = [
    ...edgesSec.map((upToSec) => ({ upToSec, count: 0 })),
    { upToSec: null, count: 0 },
  ];
  const add = (second: number, count: number) => {
    const index = edgesSec.findIndex((edge) => second <= edge);
    const bucket = buckets[index < 0 ? edgesSec.length : index] as ResponseBucket;
    bucket.count += count;
  };
  for (const { histogram, beyondCap } of parts) {
    histogram.forEach((count, second) => {
      if (count > 0) add(second, count);
    });
    for (const [second, count] of beyondCap) add(second, count);
  }
  return buckets;
};
