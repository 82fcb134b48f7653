import { type AttributionWindow, clockSeconds, type HoursRange } from './metrics.settings.js';

export const dayMs = 86_400_000;

/** The shop-local calendar day of an instant, as days since 1970-01-01. */
export const localDay = (time: number, offsetMs: number): number => Math.floor((time + offsetMs) / dayMs);

/**
 * Milliseconds since local midnight. A floor division, not `%` on doubles: V8 runs that as a
 * library call, and the per-buyer pass asks this several times per message.
 */
export const localClockMs = (time: number, offsetMs: number): number => {
  const local = time + offsetMs;
  return local - Math.floor(local / dayMs) * dayMs;
};

/** `YYYY-MM-DD` of a day number. */
export const dayToText = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

/** Day number of `YYYY-MM-DD`, or null when the text is not a valid date. */
export const textToDay = (text: string): number | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.floor(ms / dayMs);
};

/** A local-hours range as milliseconds since local midnight, `[from, to)`. */
export type ClockRange = { from: number; to: number };

export const toClockRange = (range: HoursRange): ClockRange => ({
  from: clockSeconds(range.from) * 1000,
  to: clockSeconds(range.to) * 1000,
});

/**
 * The first instant no longer inside the attribution window of a consultation that started at
 * `start` on local day `day` (so "inside" is `time < end`).
 */
export const windowEnd = (window: AttributionWindow, start: number, day: number, offsetMs: number): number =>
  window.kind === 'days' ? (day + window.days) * dayMs - offsetMs : start + window.hours * 3_600_000 + 1;

/** The latest window end of any consultation on `day`: the day is provisional until then. */
export const dayWindowEnd = (window: AttributionWindow, day: number, offsetMs: number): number =>
  window.kind === 'days'
    ? (day + window.days) * dayMs - offsetMs
    : (day + 1) * dayMs - offsetMs + window.hours * 3_600_000;

/**
 * Milliseconds between two instants that fall inside the daily service hours `range`
 * (JD counts ticket waits in service time only).
 */
export const serviceMsBetween = (start: number, end: number, offsetMs: number, range: ClockRange): number => {
  if (end <= start) return 0;
  let total = 0;
  const lastDay = localDay(end, offsetMs);
  for (let day = localDay(start, offsetMs); day <= lastDay; day++) {
    const open = day * dayMs - offsetMs + range.from;
    const close = day * dayMs - offsetMs + range.to;
    total += Math.max(0, Math.min(close, end) - Math.max(open, start));
  }
  return total;
};
