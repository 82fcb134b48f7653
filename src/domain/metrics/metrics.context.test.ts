import { describe, expect, test } from 'vitest';
import { localClock, type ShopContext } from './metrics.context.js';
import { dayMs } from './metrics.time.js';

/** The clock by its definition: the remainder modulo a day, made non-negative. */
const byRemainder = (time: number, offsetMs: number) => (((time + offsetMs) % dayMs) + dayMs) % dayMs;

describe('localClock', () => {
  test('is the remainder modulo a day for whole-millisecond instants, around midnight and in any offset', () => {
    const midnight = Date.parse('2026-03-01T00:00:00Z');
    for (const offsetMs of [8 * 3_600_000, 0, -5 * 3_600_000, 14 * 3_600_000]) {
      const context = { offsetMs } as ShopContext;
      for (const time of [
        0,
        -1,
        -dayMs - 1,
        midnight - offsetMs - 1,
        midnight - offsetMs,
        midnight - offsetMs + 1,
        midnight + 12_345_678,
        Date.parse('2106-02-07T06:28:15.999Z'),
      ]) {
        expect(localClock(time, context)).toBe(byRemainder(time, offsetMs));
      }
    }
  });
});
