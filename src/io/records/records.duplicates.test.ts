import { describe, expect, test } from 'vitest';
import { recentDuplicates } from './records.duplicates.js';

type Key = { time: number; hash: number };

const check = (window: number) =>
  recentDuplicates<Key>(
    (key) => key.time,
    (key) => key.hash,
    window,
  )();

describe('recentDuplicates', () => {
  test('a repeat within the window gives the line of the first copy', () => {
    const keys = check(100);
    const time = Date.parse('2026-03-01T08:00:00Z');
    expect(keys.firstLine({ time, hash: 7 }, 2)).toBeUndefined();
    for (let line = 3; line < 100; line++)
      expect(keys.firstLine({ time: time + line, hash: line }, line)).toBeUndefined();
    expect(keys.firstLine({ time, hash: 7 }, 100)).toBe(2);
    // The same hash at another time, or the same time with another hash, is another message.
    expect(keys.firstLine({ time: time + 1000, hash: 7 }, 101)).toBeUndefined();
    expect(keys.firstLine({ time, hash: 8 }, 102)).toBeUndefined();
  });

  test('a key is forgotten once `window` newer keys came in', () => {
    const keys = check(50);
    expect(keys.firstLine({ time: 1, hash: 1 }, 1)).toBeUndefined();
    for (let line = 2; line <= 51; line++) keys.firstLine({ time: line, hash: line * 31 }, line);
    expect(keys.firstLine({ time: 1, hash: 1 }, 52)).toBeUndefined();
  });

  test('a full bucket gives up its oldest key first', () => {
    // Window 8: four buckets of four slots; at time 0 a key's bucket is its hash's low two bits.
    const keys = check(8);
    for (const [index, hash] of [0, 4, 8, 12, 16].entries()) keys.firstLine({ time: 0, hash }, index + 1);
    expect(keys.firstLine({ time: 0, hash: 4 }, 6)).toBe(2);
    expect(keys.firstLine({ time: 0, hash: 16 }, 7)).toBe(5);
    // Hash 0 went first; coming back, it takes the slot of hash 4, the oldest one left.
    expect(keys.firstLine({ time: 0, hash: 0 }, 8)).toBeUndefined();
    expect(keys.firstLine({ time: 0, hash: 8 }, 9)).toBe(3);
    expect(keys.firstLine({ time: 0, hash: 4 }, 10)).toBeUndefined();
  });

  test('past 65,536 keys, an old key whose slot is still there is not taken for a recent one', () => {
    // Window 100: 64 buckets; at time 0 a key's bucket is its hash's low six bits.
    const keys = check(100);
    expect(keys.firstLine({ time: 0, hash: 0 }, 1)).toBeUndefined();
    // 65,536 keys later, hash 0's slot reads as one key old in 16 bits: the ring tells it apart.
    for (let line = 2; line <= 65_537; line++) keys.firstLine({ time: 0, hash: line * 64 + 1 }, line);
    expect(keys.firstLine({ time: 0, hash: 0 }, 65_538)).toBeUndefined();
    keys.firstLine({ time: 5, hash: 2 }, 65_539);
    for (let line = 65_540; line < 65_600; line++) keys.firstLine({ time: 0, hash: line * 64 + 1 }, line);
    expect(keys.firstLine({ time: 5, hash: 2 }, 65_600)).toBe(65_539);
  });
});
