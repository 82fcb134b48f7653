import {
  assessDouyin,
  assessPdd,
  type PlatformAssessment,
  shopPartsBetween,
  ticketsBetween,
} from './metrics.assessment.js';
import { assessJd } from './metrics.jd.js';
import type { MetricsComputation } from './metrics.engine.js';
import { dayMs } from './metrics.time.js';

/** The half-month (1st-15th or 16th-end) containing `day`. */
export const halfMonthOf = (day: number): { from: number; to: number } => {
  const date = new Date(day * dayMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const first = Date.UTC(year, month, 1) / dayMs;
  if (date.getUTCDate() <= 15) return { from: first, to: first + 14 };
  return { from: first + 15, to: Date.UTC(year, month + 1, 1) / dayMs - 1 };
};

/** The calendar month containing `day`. */
export const monthOf = (day: number): { from: number; to: number } => {
  const date = new Date(day * dayMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return { from: Date.UTC(year, month, 1) / dayMs, to: Date.UTC(year, month + 1, 1) / dayMs - 1 };
};

/** Consecutive periods (half-months or months) that overlap [from, to]. */
const periodsOver = (from: number, to: number, periodOf: (day: number) => { from: number; to: number }) => {
  const periods: { from: number; to: number }[] = [];
  for (let day = from; day <= to; ) {
    const period = periodOf(day);
    periods.push(period);
    day = period.to + 1;
  }
  return periods;
};

/**
 * Platform assessments of every PDD, Douyin and JD shop over the reported days: PDD over
 * [from, to], Douyin per half-month cycle and JD per month overlapping it.
 */
export const assessPlatforms = ({
  computation,
  from,
  to,
}: {
  computation: MetricsComputation;
  from: number;
  to: number;
}): PlatformAssessment[] => {
  const { data } = computation;
  const results: PlatformAssessment[] = [];
  data.shops.names.forEach((shop, id) => {
    const platform = data.shopPlatform[id];
    const settings = data.settingsOf(id);
    if (platform === 'pdd') {
      results.push(
        assessPdd({ parts: shopPartsBetween(computation, id, from, to), settings, shop, from, to }),
      );
    } else if (platform === 'douyin') {
      for (const cycle of periodsOver(from, to, halfMonthOf)) {
        const parts = shopPartsBetween(computation, id, cycle.from, cycle.to);
        results.push(assessDouyin({ parts, settings, shop, ...cycle }));
      }
    } else if (platform === 'jd') {
      for (const month of periodsOver(from, to, monthOf)) {
        const parts = shopPartsBetween(computation, id, month.from, month.to);
        const tickets = ticketsBetween(computation, id, month.from, month.to);
        results.push(assessJd({ parts, tickets, settings, shop, ...month }));
      }
    }
  });
  return results;
};
