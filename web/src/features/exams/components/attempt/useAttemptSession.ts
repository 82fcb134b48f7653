import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { postAttemptEvent, saveAnswer } from '../../../../api/exams.api.js';
import { endSession } from '../../../auth/queries.js';
import { serverTimeAt } from '../../attempt.clock.js';
import { AnswerSaver, type SaverState } from '../../attempt.saver.js';
import type { LoadedAttempt } from '../../candidate.queries.js';

const idleState: SaverState = { unsaved: [], retrying: false, rejected: {}, signedOut: false, closed: false };
const noop = () => () => {};

const browserStorage = () => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/**
 * The autosave of an active attempt, alive while the page shows it. `onClosed` runs when the server
 * says the attempt is over; `onStale` when another window saved a newer answer.
 */
export const useAnswerSaver = (
  loaded: LoadedAttempt,
  handlers: { onClosed: (code: string) => void; onStale: () => void },
) => {
  const client = useQueryClient();
  const [saver, setSaver] = useState<AnswerSaver | null>(null);
  const { view, clock } = loaded;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one saver per attempt; later views are adopted below
  useEffect(() => {
    const created = new AnswerSaver(
      {
        attemptId: view.id,
        send: (key, draft) =>
          saveAnswer(view.id, key, {
            answer: draft.answer,
            revision: draft.revision,
            flagged: draft.flagged,
          }),
        storage: browserStorage(),
        serverNow: () => serverTimeAt(clock, performance.now()),
        startedAt: Date.parse(view.startedAt),
        setTimer: (run, ms) => window.setTimeout(run, ms),
        clearTimer: (timer) => window.clearTimeout(timer as number),
        onClosed: (code) => handlers.onClosed(code),
        onStale: () => handlers.onStale(),
        onSignedOut: () => endSession(client),
      },
      view.answers,
      view.flagged,
    );
    setSaver(created);
    const online = () => created.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      created.dispose();
    };
  }, [view.id]);
  useEffect(() => {
    saver?.adopt(view.answers, view.flagged);
  }, [saver, view]);
  const state = useSyncExternalStore(saver?.subscribe ?? noop, saver?.state ?? (() => idleState));
  // Leaving with unsaved answers: the browser asks first (they also survive in storage).
  useEffect(() => {
    if (state.unsaved.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.unsaved.length]);
  return { saver, state };
};

/** The server's time, ticking every second from the last reading of its clock. */
export const useServerNow = (loaded: LoadedAttempt): number => {
  const [now, setNow] = useState(() => serverTimeAt(loaded.clock, performance.now()));
  useEffect(() => {
    const tick = () => setNow(serverTimeAt(loaded.clock, performance.now()));
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [loaded.clock]);
  return now;
};

/** Whether this page load was a reload of this attempt's page (not of another page). */
const reloadedHere = (attemptId: string) => {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry?.type === 'reload' && entry.name.includes(attemptId);
};

/**
 * 切屏 records: leaving the exam (tab hidden or window unfocused) posts `blur`, coming back
 * `focus`, a reload of the page `reload`. Best effort: a lost event must not disturb the exam.
 */
export const useTabEvents = (attemptId: string, active: boolean) => {
  useEffect(() => {
    if (!active) return;
    const post = (kind: 'blur' | 'focus' | 'reload') => postAttemptEvent(attemptId, kind).catch(() => {});
    if (reloadedHere(attemptId)) void post('reload');
    let away = document.hidden || !document.hasFocus();
    const check = () => {
      const now = document.hidden || !document.hasFocus();
      if (now === away) return;
      away = now;
      void post(now ? 'blur' : 'focus');
    };
    // blur fires before focus moves; hasFocus() is settled a tick later.
    const deferred = () => window.setTimeout(check, 0);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('blur', deferred);
    window.addEventListener('focus', deferred);
    return () => {
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('blur', deferred);
      window.removeEventListener('focus', deferred);
    };
  }, [attemptId, active]);
};
