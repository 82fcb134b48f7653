import { describe, expect, test } from 'vitest';
import { textToDay } from '../../domain/metrics/index.js';
import { conversationKey, parseConversationKey } from './inspection.conversation-key.js';

const day = (text: string) => textToDay(text) ?? Number.NaN;

describe('conversation keys', () => {
  test('chats without an exported id are keyed by buyer and local day, and read back', () => {
    const key = conversationKey({ conversation: '', buyer: 'tb_小明', day: day('2026-03-01') });
    expect(key).toBe('tb_小明#2026-03-01');
    expect(parseConversationKey(key)).toEqual({ conversation: '', buyer: 'tb_小明', day: day('2026-03-01') });
    // A buyer id may itself hold `#` and dates: only the last eleven characters are the day.
    expect(parseConversationKey('a#2026-01-01#2026-03-01')).toEqual({
      conversation: '',
      buyer: 'a#2026-01-01',
      day: day('2026-03-01'),
    });
  });

  test('an exported id is its own key, unless it ends like a derived key; then it gets one more #', () => {
    expect(conversationKey({ conversation: 'c-123#x', buyer: 'b', day: 0 })).toBe('c-123#x');
    expect(conversationKey({ conversation: 'b#2026-03-01', buyer: 'b', day: 0 })).toBe('b#2026-03-01#');
    expect(conversationKey({ conversation: 'b#2026-03-01#', buyer: 'b', day: 0 })).toBe('b#2026-03-01##');
    expect(parseConversationKey('b#2026-03-01#')).toEqual({ conversation: 'b#2026-03-01' });
    expect(parseConversationKey('c-123#x')).toEqual({ conversation: 'c-123#x' });
  });

  test('no exported id and no buyer-day share a key, and every key reads back to what made it', () => {
    const days = ['2026-03-01', '2026-12-31'].map(day);
    const texts = ['', 'b', 'b#', '#', 'b#2026-03-01', 'b#2026-03-01#', 'b#2026-03-01##', 'b#2026-02-30'];
    const made = [
      ...texts.filter((text) => text !== '').map((conversation) => ({ conversation, buyer: 'x', day: 0 })),
      ...texts.flatMap((buyer) => days.map((one) => ({ conversation: '', buyer, day: one }))),
    ];
    const keys = made.map(conversationKey);
    expect(new Set(keys).size).toBe(made.length);
    for (const [index, key] of keys.entries()) {
      const source = made[index];
      expect(parseConversationKey(key)).toEqual(
        source?.conversation === '' ? source : { conversation: source?.conversation },
      );
    }
  });

  test('keys no conversation can have read as nothing', () => {
    expect(parseConversationKey('')).toBeNull();
    expect(parseConversationKey('b#2026-02-30')).toBeNull();
    expect(parseConversationKey('b#2026-13-01')).toBeNull();
  });
});
