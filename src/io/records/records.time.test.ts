import { describe, expect, test } from 'vitest';
import { parseTime, wallClockOffset } from './records.time.js';
import { parseKind, parseSender, parseStars, parseYuan } from './records.values.js';

const shanghai = wallClockOffset('Asia/Shanghai');
const iso = (time: number) => new Date(time).toISOString();

describe('parseTime', () => {
  test.each([
    ['2024-06-18 10:05:09', '2024-06-18T02:05:09.000Z'],
    ['2024/6/18 10:05', '2024-06-18T02:05:00.000Z'],
    ['2024-06-18T02:05:09Z', '2024-06-18T02:05:09.000Z'],
    ['2024-06-18T10:05:09+08:00', '2024-06-18T02:05:09.000Z'],
    ['2024-06-18 10:05:09.250', '2024-06-18T02:05:09.250Z'],
    ['1718676309', '2024-06-18T02:05:09.000Z'],
    ['1718676309000', '2024-06-18T02:05:09.000Z'],
    ['45461.420243', '2024-06-18T02:05:09.000Z'],
    ['2024-02-29 00:00:00', '2024-02-28T16:00:00.000Z'],
  ])('when the text is %s, the instant is %s', (text, expected) => {
    expect(iso(parseTime(text, shanghai))).toBe(expected);
  });

  test.each(['2023-02-29 00:00:00', '2024-06-31 10:00:00', '2024-06-18 24:00:00', '昨天', ''])(
    'when the text is "%s", it is not a time',
    (text) => {
      expect(parseTime(text, shanghai)).toBeNaN();
    },
  );

  test('when consecutive times share a day or change it, each is read from its own text', () => {
    const texts = [
      '2024-06-18 23:59:59',
      '2024-06-18 00:00:00',
      '2024-06-19 00:00:01',
      '2024-06-31 00:00:01',
      '2024-06-19 12:60:00',
      '2024-06-18 10:05:09',
    ];
    expect(
      texts.map((text) => parseTime(text, shanghai)).map((t) => (Number.isNaN(t) ? 'NaN' : iso(t))),
    ).toEqual([
      '2024-06-18T15:59:59.000Z',
      '2024-06-17T16:00:00.000Z',
      '2024-06-18T16:00:01.000Z',
      'NaN',
      'NaN',
      '2024-06-18T02:05:09.000Z',
    ]);
  });

  test('when the zone has daylight saving, the offset follows the date', () => {
    const newYork = wallClockOffset('America/New_York');
    expect(iso(parseTime('2024-01-18 10:00:00', newYork))).toBe('2024-01-18T15:00:00.000Z');
    expect(iso(parseTime('2024-06-18 10:00:00', newYork))).toBe('2024-06-18T14:00:00.000Z');
  });

  test('when the zone is unknown, it throws a range error', () => {
    expect(() => wallClockOffset('Mars/Olympus')).toThrowError(RangeError);
  });
});

describe('value parsers', () => {
  test('when amounts are decorated, they become exact 分; negatives stay negative', () => {
    expect([
      parseYuan('199.90'),
      parseYuan('¥1,299'),
      parseYuan('12元'),
      parseYuan('-5.00'),
      parseYuan('0.1'),
    ]).toEqual([19990, 129900, 1200, -500, 10]);
    expect(parseYuan('abc')).toBeNaN();
  });

  test('when a word is an inherited object key, it is not mistaken for a kind or a role', () => {
    expect(parseKind('toString')).toBeNull();
    expect(parseSender('constructor', 'b', '店:a')).toBeNull();
    expect(parseStars('valueOf')).toBeNull();
  });
});
