import type { StoredMetricsRow } from '../../api/metrics.api.js';
import dayjs, { type Dayjs } from 'dayjs';

/** `0.8532` → `85.3%`; no denominator → `—`. */
export const percent = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)}%`;

/** Seconds as `42 秒` or `2 分 5 秒`. */
export const seconds = (value: number | null): string => {
  if (value === null) return '—';
  const rounded = Math.round(value);
  return rounded < 60 ? `${rounded} 秒` : `${Math.floor(rounded / 60)} 分 ${rounded % 60} 秒`;
};

const yuanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export const yuan = (value: number | null): string => (value === null ? '—' : `¥${yuanFormat.format(value)}`);

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Weighted mean of a per-row mean, ignoring rows without a value. */
const weighted = (rows: StoredMetricsRow[], value: (row: StoredMetricsRow) => number | null) => {
  let sum = 0;
  let weight = 0;
  for (const row of rows) {
    const mean = value(row);
    if (mean === null || row.served === 0) continue;
    sum += mean * row.served;
    weight += row.served;
  }
  return weight === 0 ? null : sum / weight;
};

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
  satisfaction: number | null;
};

/**
 * The period's totals over the rows: counts summed, rates recomputed from the summed parts;
 * the mean response and satisfaction are weighted by each row's served buyers.
 */
export const totalsOf = (rows: StoredMetricsRow[]): Totals => {
  const sum = (pick: (row: StoredMetricsRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const consulted = sum((row) => row.consulted);
  const served = sum((row) => row.served);
  const inquiries = sum((row) => row.inquiries);
  const inquiriesPaid = sum((row) => row.inquiriesPaid);
  const sales = Math.round(sum((row) => row.sales) * 100) / 100;
  const buyers = sum((row) => row.buyers);
  return {
    consulted,
    served,
    replyRate: ratio(served, consulted),
    avgResponseSec: weighted(rows, (row) => row.avgResponseSec),
    inquiries,
    inquiriesOrdered: sum((row) => row.inquiriesOrdered),
    inquiriesPaid,
    conversion: ratio(inquiriesPaid, inquiries),
    sales,
    buyers,
    aov: buyers === 0 ? null : sales / buyers,
    satisfaction: weighted(rows, (row) => row.satisfaction),
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
export const responseBuckets = [
  { label: '≤15 秒', max: 15 },
  { label: '15-30 秒', max: 30 },
  { label: '30-60 秒', max: 60 },
  { label: '1-2 分', max: 120 },
  { label: '>2 分', max: Number.POSITIVE_INFINITY },
];

export const responseHistogram = (rows: StoredMetricsRow[]): number[] => {
  const counts = responseBuckets.map(() => 0);
  for (const row of rows) {
    if (row.avgResponseSec === null) continue;
    const index = responseBuckets.findIndex((bucket) => (row.avgResponseSec ?? 0) <= bucket.max);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
};

// Shops count their days in Asia/Shanghai (UTC+8, no daylight saving), as the server does by
// default; the browser's own zone must not decide which day "yesterday" is.
const shopOffsetMs = 8 * 3_600_000;

/** Yesterday as a shop-local calendar day, at local midnight for the date pickers. */
export const shopYesterday = (): Dayjs =>
  dayjs(new Date(Date.now() + shopOffsetMs).toISOString().slice(0, 10)).subtract(1, 'day');
