import {
  type AgentParts,
  addWait,
  agentFields,
  emptyAgentParts,
  type ShopParts,
  shopFields,
} from './metrics.aggregate.js';

// Parts as JSON, for keeping them per agent-day in the store. Response-time histograms have one
// bucket per second (up to the cap, and sparse beyond it) and are mostly empty, so only the
// filled buckets are written.

/** Agent parts as plain JSON: the fields, the histogram's cap and its non-zero buckets. */
export type AgentPartsJson = Record<string, number> & { cap: number; buckets: [number, number][] };

export const agentPartsToJson = (parts: AgentParts): AgentPartsJson => {
  const buckets: [number, number][] = [];
  parts.histogram.forEach((count, second) => {
    if (count !== 0) buckets.push([second, count]);
  });
  for (const [second, count] of [...parts.beyondCap].sort((a, b) => a[0] - b[0]))
    buckets.push([second, count]);
  const json = { cap: parts.histogram.length - 1, buckets } as AgentPartsJson;
  for (const field of agentFields) json[field] = parts[field];
  return json;
};

/** The inverse of agentPartsToJson; fields a newer engine added and older JSON lacks read as 0. */
export const agentPartsFromJson = (json: AgentPartsJson): AgentParts => {
  const parts = emptyAgentParts(json.cap);
  for (const field of agentFields) parts[field] = json[field] ?? 0;
  for (const [second, count] of json.buckets) addWait(parts, second, count);
  return parts;
};

export const shopPartsFromJson = (json: Record<string, number>): ShopParts => {
  const parts = {} as ShopParts;
  for (const field of shopFields) parts[field] = json[field] ?? 0;
  return parts;
};
