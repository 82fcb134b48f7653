import type { StoredMetricsRow } from '../../api/metrics.api.js';
import type { ResponseBucket } from '../../../../src/domain/metrics/index.js';
import dayjs, { type Dayjs } from 'dayjs';

/** What a number without a value (no denominator, nothing counted) shows; it opens nothing. */
export const noValue = '—';

/** `0.8532` → `85.3%`; no denominator → `—`. */
export const percent = (value: number | null): string =>
  value === null ? noValue : `${(value * 100).toFixed(1)}%`;

/** Seconds as `42 秒` or `2 分 5 秒`. */
export const seconds = (value: number | null): string => {
  if (value === null) return noValue;
  const rounded = Math.round(value);
  return rounded < 60 ? `${rounded} 秒` : `${Math.floor(rounded / 60)} 分 ${rounded % 60} 秒`;
};

const yuanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A count with thousands separators: 300,000 rows read at a glance. */
export const count = (value: number): string => countFormat.format(value);

export const yuan = (value: number | null): string =>
  value === null ? noValue : `¥${yuanFormat.format(value)}`;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export type Totals = {
  consulted: number;
  served: number;
  replyRate: number | null;
  avgResponseSec: number | null;
  inquiries: number;
  inquiriesOrdered: number;
  inquiriesPaid: number;
  conversion: number | null;
  sales: number;
  buyers: number;
  aov: number | null;
  /** Ratings and the 4-5 star ones among them (satisfaction = good / rated). */
  rated: number;
  ratedGood: number;
  satisfaction: number | null;
};

/**
 * The period's totals over the rows, as the engine rolls up a shop: counts summed, and every rate
 * and mean recomputed from the summed parts (the mean response is the summed response time over
 * the summed turns, not an average of the agents' means).
 */
export const totalsOf = (rows: StoredMetricsRow[]): Totals => {
  const sum = (pick: (row: StoredMetricsRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const consulted = sum((row) => row.consulted);
  const served = sum((row) => row.served);
  const inquiries = sum((row) => row.inquiries);
  const inquiriesPaid = sum((row) => row.inquiriesPaid);
  const sales = Math.round(sum((row) => row.sales) * 100) / 100;
  const buyers = sum((row) => row.buyers);
  const rated = sum((row) => row.parts.rated);
  const ratedGood = sum((row) => row.parts.ratedGood);
  return {
    consulted,
    served,
    replyRate: ratio(served, consulted),
    avgResponseSec: ratio(
      sum((row) => row.parts.respSumCappedSec),
      sum((row) => row.parts.respCount),
    ),
    inquiries,
    inquiriesOrdered: sum((row) => row.inquiriesOrdered),
    inquiriesPaid,
    conversion: ratio(inquiriesPaid, inquiries),
    sales,
    buyers,
    aov: buyers === 0 ? null : sales / buyers,
    rated,
    ratedGood,
    satisfaction: ratio(ratedGood, rated),
  };
};

/** Every day of [from, to] (`YYYY-MM-DD`) with the agent-day rows summed; days without data are zero. */
export const perDay = (
  rows: StoredMetricsRow[],
  from: string,
  to: string,
): { day: string; totals: Totals }[] => {
  const byDay = new Map<string, StoredMetricsRow[]>();
  for (const row of rows) {
    const day = row.day ?? '';
    byDay.set(day, [...(byDay.get(day) ?? []), row]);
  }
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= end && days.length < 400; at += 86_400_000)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days.map((day) => ({ day, totals: totalsOf(byDay.get(day) ?? []) }));
};

/** Response-time buckets (seconds, upper bounds) for the distribution chart. */
const duration = (seconds: number): string => (seconds < 60 ? `${seconds} 秒` : `${seconds / 60} 分`);

/** The label of a 响应时长分布 bar: ≤ 15 秒, 15-30 秒, … , > 2 分. */
export const bucketLabel = (bucket: ResponseBucket, previous: ResponseBucket | undefined): string => {
  if (bucket.upToSec === null) return `> ${duration(previous?.upToSec ?? 0)}`;
  if (previous?.upToSec == null) return `≤ ${duration(bucket.upToSec)}`;
  const [from, to] = [duration(previous.upToSec), duration(bucket.upToSec)];
  // 15-30 秒, 1-2 分: the unit once when both ends share it.
  return from.slice(-1) === to.slice(-1) ? `${from.slice(0, -2)}-${to}` : `${from}-${to}`;
};

// Shops count their days in Asia/Shanghai (UTC+8, no daylight saving), as the server does by
// default; the browser's own zone must not decide which day "yesterday" is.
const shopOffsetMs = 8 * 3_600_000;

/** Yesterday as a shop-local calendar day, at local midnight for the date pickers. */
export const shopYesterday = (): Dayjs =>
  dayjs(new Date(Date.now() + shopOffsetMs).toISOString().slice(0, 10)).subtract(1, 'day');
