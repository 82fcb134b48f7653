const hourMs = 3_600_000;
const daySeconds = 86_400;
/** Excel stores dates as days since 1899-12-30 (its 1900 leap-year bug folded in). */
const excelEpochMs = Date.UTC(1899, 11, 30);

/** Offset (ms east of UTC) to apply to a wall-clock time written in the shop's zone. */
export type WallClockOffset = (wallAsUtcMs: number) => number;

const fixedOffset = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})$/;

const offsetAt = (format: Intl.DateTimeFormat, instant: number): number => {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - (instant - (instant % 1000));
};

/**
 * Resolves a time-zone setting (`Asia/Shanghai`, `+08:00`, `UTC`) to a wall-clock offset function.
 * China has no daylight saving, so the common case is a constant; other zones are asked of ICU
 * once per wall-clock hour and cached. Throws a RangeError for an unknown zone.
 */
export const wallClockOffset = (timeZone: string): WallClockOffset => {
  if (timeZone === 'Asia/Shanghai' || timeZone === 'Asia/Chongqing' || timeZone === 'PRC')
    return () => 8 * hourMs;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'Z') return () => 0;
  const fixed = fixedOffset.exec(timeZone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    const offset = (fixed[1] === '-' ? -minutes : minutes) * 60_000;
    return () => offset;
  }
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const cache = new Map<number, number>();
  return (wall) => {
    const hour = Math.floor(wall / hourMs);
    let offset = cache.get(hour);
    if (offset === undefined) {
      const first = offsetAt(format, wall);
      offset = offsetAt(format, wall - first);
      cache.set(hour, offset);
    }
    return offset;
  };
};

const digits = (text: string, from: number, count: number): number => {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Builds UTC ms from calendar parts, or NaN when a part is out of range (2024-02-30, 25:00). */
export const utcFromParts = (
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number => {
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) {
    return Number.NaN;
  }
  const lastDay = mo === 2 && isLeap(y) ? 29 : (daysInMonth[mo - 1] as number);
  return d > lastDay ? Number.NaN : Date.UTC(y, mo - 1, d, h, mi, s, ms);
};

// Exports are sorted by time, so consecutive rows nearly always share their day: its midnight
// is computed once and reused while the first ten characters stay the same.
let cachedDay = '';
let cachedDayMs = Number.NaN;

/** UTC ms of the midnight of `YYYY-MM-DD…` read as UTC, or NaN for an impossible date. */
const dayStart = (text: string): number => {
  if (cachedDay.length > 0 && text.startsWith(cachedDay)) return cachedDayMs;
  const day = utcFromParts(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), 0, 0, 0, 0);
  cachedDay = text.slice(0, 10);
  cachedDayMs = day;
  return day;
};

/** Ms since midnight of the `HH:mm:ss` at offset 11, or NaN when it is not a clock time. */
const clockMs = (text: string): number => {
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return Number.NaN;
  return ((h * 60 + mi) * 60 + s) * 1000;
};

const general =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const parseOffset = (zone: string): number => {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const body = zone.slice(1).replace(':', '');
  return sign * (Number(body.slice(0, 2)) * 60 + Number(body.slice(2, 4))) * 60_000;
};

const parseGeneral = (text: string, offsetOf: WallClockOffset): number => {
  const match = general.exec(text);
  if (!match) return Number.NaN;
  const wall = utcFromParts(
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
    Number(match[4] ?? 0),
    Number(match[5] ?? 0),
    Number(match[6] ?? 0),
    Number((match[7] ?? '0').padEnd(3, '0')),
  );
  if (Number.isNaN(wall)) return wall;
  return wall - (match[8] ? parseOffset(match[8]) : offsetOf(wall));
};

const parseNumeric = (text: string): number => {
  if (/^\d{13}$/.test(text)) return Number(text);
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  return Number.NaN;
};

const excelSerial = /^\d{4,5}(\.\d+)?$/;

/**
 * Parses a time as shops export it: `2024-06-18 10:05:09` (wall clock in the shop's zone),
 * `2024/6/18 10:05`, ISO-8601 with an offset (`2024-06-18T02:05:09Z`, `+08:00`), epoch seconds
 * or milliseconds, or an Excel date serial. Returns epoch ms, or NaN when it is not a time.
 */
export const parseTime = (text: string, offsetOf: WallClockOffset): number => {
  // Fast path for the 19-character form nearly every export uses.
  if (
    text.length === 19 &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58
  ) {
    const wall = dayStart(text) + clockMs(text);
    if (!Number.isNaN(wall)) return wall - offsetOf(wall);
  }
  const trimmed = text.trim();
  const numeric = parseNumeric(trimmed);
  if (!Number.isNaN(numeric)) return numeric;
  if (excelSerial.test(trimmed)) {
    const wall = excelEpochMs + Math.round(Number(trimmed) * daySeconds) * 1000;
    return wall - offsetOf(wall);
  }
  return parseGeneral(trimmed, offsetOf);
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Formats epoch ms as `YYYY-MM-DD HH:mm:ss` in a zone given as a fixed offset (ms). */
export const formatWallClock = (time: number, offsetMs: number): string => {
  const date = new Date(time + offsetMs);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
};
