import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../web/src/api/client.js';
import type { SavedAnswer, SavedAnswerAck } from '../../web/src/api/exams.api.js';
import {
  formatRemaining,
  readServerClock,
  serverTimeAt,
} from '../../web/src/features/exams/attempt.clock.js';
import {
  AnswerSaver,
  type Draft,
  type KeyValueStorage,
  storageKeyOf,
} from '../../web/src/features/exams/attempt.saver.js';

// The exam page's autosave (web/src/features/exams/attempt.saver.ts) without a browser: the
// storage is a Map, the timers are Vitest's fake ones, the server is a function the test answers.

const attemptId = 'a1';
const startedAt = Date.parse('2026-11-28T09:00:00Z');

const memoryStorage = () => {
  const map = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
  const stored = () => JSON.parse(map.get(storageKeyOf(attemptId)) ?? '{}') as Record<string, Draft>;
  return { storage, stored, map };
};

type Send = (key: string, draft: Draft) => Promise<SavedAnswerAck>;

const setup = ({
  send,
  answers = {},
  storage = memoryStorage(),
  serverNow = () => startedAt,
}: {
  send: Send;
  answers?: Record<string, SavedAnswer>;
  storage?: ReturnType<typeof memoryStorage>;
  serverNow?: () => number;
}) => {
  const events = { closed: [] as string[], stale: 0, signedOut: 0 };
  const saver = new AnswerSaver(
    {
      attemptId,
      send,
      storage: storage.storage,
      serverNow,
      startedAt,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      onClosed: (code) => events.closed.push(code),
      onStale: () => events.stale++,
      onSignedOut: () => events.signedOut++,
    },
    answers,
    [],
  );
  return { saver, storage, events };
};

const acking: Send = async (key, draft) => ({
  key,
  revision: draft.revision,
  savedAt: '2026-11-28T09:01:00Z',
});
const offline = () => new ApiError({ status: 0, code: 'network.unreachable', message: 'offline' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AnswerSaver', () => {
  test('a chosen option is sent at once with revision 1 and nothing stays unsaved or stored', async () => {
    const send = vi.fn(acking);
    const { saver, storage } = setup({ send });
    saver.edit('q1', [2], false);
    expect(saver.state().unsaved).toEqual(['q1']);
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledWith('q1', { answer: [2], flagged: false, revision: 1 });
    expect(saver.state().unsaved).toEqual([]);
    expect(storage.map.size).toBe(0);
  });

  test('typing is sent once after a pause, with the last text and a higher revision each time', async () => {
    const send = vi.fn(acking);
    const { saver, storage } = setup({ send });
    saver.edit('q2', '您', true);
    saver.edit('q2', '您好', true);
    saver.edit('q2', '您好，亲', true);
    expect(storage.stored().q2).toEqual({ answer: '您好，亲', flagged: false, revision: 3 });
    await vi.advanceTimersByTimeAsync(799);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[1]).toEqual({ answer: '您好，亲', flagged: false, revision: 3 });
  });

  test('while the network fails the answer stays stored and unsaved, and is retried with backoff', async () => {
    let online = false;
    const send = vi.fn<Send>(async (key, draft) => {
      if (!online) throw offline();
      return acking(key, draft);
    });
    const { saver, storage } = setup({ send });
    saver.edit('q1', [0], false);
    saver.toggleFlag('q3');
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state()).toMatchObject({ unsaved: ['q1', 'q3'], retrying: true });
    expect(Object.keys(storage.stored())).toEqual(['q1', 'q3']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(4);
    // The second failure doubles the wait: nothing is sent 1 s later, the next try comes at 2 s.
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(4);
    online = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(6);
    expect(saver.state()).toMatchObject({ unsaved: [], retrying: false });
    expect(saver.current('q3')).toMatchObject({ answer: null, flagged: true });
    expect(storage.map.size).toBe(0);
  });

  test('after a reload stored answers newer than the server are sent again, older ones dropped', async () => {
    const storage = memoryStorage();
    storage.storage.setItem(
      storageKeyOf(attemptId),
      JSON.stringify({
        q1: { answer: [1], flagged: false, revision: 5 },
        q2: { answer: '旧的回复', flagged: false, revision: 3 },
        q4: { broken: true },
      }),
    );
    const send = vi.fn(acking);
    const { saver } = setup({
      send,
      storage,
      answers: {
        q1: { answer: [0], revision: 4, savedAt: null },
        q2: { answer: '另一个窗口的新回复', revision: 9, savedAt: null },
      },
    });
    expect(saver.current('q2').answer).toBe('另一个窗口的新回复');
    expect(saver.current('q1').answer).toEqual([1]);
    await vi.advanceTimersByTimeAsync(0);
    expect(send.mock.calls.map((call) => call[0])).toEqual(['q1']);
    saver.edit('q2', '接着改', true);
    expect(saver.current('q2').revision).toBe(10);
  });

  test('revisions follow the server clock in tenths of a second, so the later of two windows wins', () => {
    let now = startedAt + 60_000;
    const { saver } = setup({ send: () => new Promise(() => {}), serverNow: () => now });
    saver.edit('q1', [0], false);
    expect(saver.current('q1').revision).toBe(600);
    saver.edit('q1', [1], false);
    expect(saver.current('q1').revision).toBe(601);
    now += 10_000;
    saver.edit('q1', [2], false);
    expect(saver.current('q1').revision).toBe(700);
  });

  test('an ack with a newer revision than ours means another window answered later: reload', async () => {
    const { saver, events } = setup({ send: async (key) => ({ key, revision: 42, savedAt: null }) });
    saver.edit('q1', [3], false);
    await vi.advanceTimersByTimeAsync(0);
    expect(events.stale).toBe(1);
    expect(saver.state().unsaved).toEqual([]);
  });

  test('when the server says the attempt is closed, saving stops and the stored answers are dropped', async () => {
    const send = vi.fn<Send>(async () => {
      throw new ApiError({ status: 409, code: 'exams.attempt_closed', message: '答卷已交卷' });
    });
    const { saver, storage, events } = setup({ send });
    saver.edit('q1', [0], false);
    await vi.advanceTimersByTimeAsync(0);
    expect(events.closed).toEqual(['exams.attempt_closed']);
    expect(storage.map.size).toBe(0);
    saver.edit('q1', [1], false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('a refused answer is kept and shown, not retried until it changes', async () => {
    const send = vi.fn<Send>(async () => {
      throw new ApiError({ status: 400, code: 'validation.failed', message: '答案格式不正确' });
    });
    const { saver } = setup({ send });
    saver.edit('q1', [9], false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(saver.state().unsaved).toEqual(['q1']);
    expect(Object.keys(saver.state().rejected)).toEqual(['q1']);
  });

  test('flush sends typed answers without waiting for the pause and reports what is left', async () => {
    const send = vi.fn(acking);
    const { saver } = setup({ send });
    saver.edit('q2', '马上交卷', true);
    await expect(saver.flush()).resolves.toBe(0);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('server clock', () => {
  test('the countdown reads the server time, not the device clock, from the middle of the request', () => {
    const clock = readServerClock('2026-11-28T09:00:00.000Z', 1000, 1200);
    expect(serverTimeAt(clock, 1100)).toBe(Date.parse('2026-11-28T09:00:00.000Z'));
    expect(serverTimeAt(clock, 61_100)).toBe(Date.parse('2026-11-28T09:01:00.000Z'));
  });

  test('remaining time reads as mm:ss, h:mm:ss past an hour, and never negative', () => {
    expect(formatRemaining(59 * 60_000 + 7_000)).toBe('59:07');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
    expect(formatRemaining(500)).toBe('00:01');
    expect(formatRemaining(-5_000)).toBe('00:00');
  });
});
