import { type AttemptRecord, findAttempt, listOverdueAttemptIds } from '../../store/attempts.repository.js';
import { finaliseAttempt } from './exams.grading.js';
import type { GradingDeps } from './exams.types.js';

// The server, not the browser, ends an attempt: every read or write of an attempt first submits
// it when its deadline has passed, and a sweeper does the same for attempts nobody touches (a
// closed laptop, a server restart), so the result never depends on the candidate's tab.

/**
 * The attempt (of `userId` only, when given), submitted by 'deadline' first if it is overdue;
 * undefined when there is no such attempt.
 */
export const loadAttemptOnTime = async ({
  db,
  clock,
  library,
  organizationId,
  attemptId,
  userId,
}: GradingDeps & {
  organizationId: string;
  attemptId: string;
  userId?: string | undefined;
}): Promise<AttemptRecord | undefined> => {
  const attempt = await findAttempt({ db, organizationId, id: attemptId, userId });
  if (attempt?.status !== 'active' || clock.now() <= attempt.deadlineAt) return attempt;
  return finaliseAttempt({
    db,
    clock,
    library,
    organizationId,
    attemptId,
    submittedAt: attempt.deadlineAt,
    submittedBy: 'deadline',
  });
};

/** Submits every overdue attempt now (the sweeper, `kefu exams sweep`); returns how many. */
export const sweepOverdueAttempts = async ({
  db,
  clock,
  library,
  batchSize = 200,
}: GradingDeps & { batchSize?: number }): Promise<{ finalised: number }> => {
  let finalised = 0;
  for (;;) {
    const overdue = await listOverdueAttemptIds({ db, now: clock.now(), limit: batchSize });
    for (const { id, organizationId } of overdue) {
      const attempt = await findAttempt({ db, organizationId, id });
      if (attempt?.status !== 'active') continue;
      await finaliseAttempt({
        db,
        clock,
        library,
        organizationId,
        attemptId: id,
        submittedAt: attempt.deadlineAt,
        submittedBy: 'deadline',
      });
      finalised++;
    }
    if (overdue.length < batchSize) return { finalised };
  }
};

/** A running sweeper; `stop` waits for a sweep in progress, so the database can close after it. */
export type ExamSweeper = { stop: () => Promise<void> };

/**
 * Sweeps every `intervalSeconds` until stopped. A failed sweep is reported to `onError` and the
 * next one runs as planned. The timer does not keep the process alive.
 */
export const startExamSweeper = ({
  intervalSeconds,
  onError,
  ...deps
}: GradingDeps & { intervalSeconds: number; onError: (error: unknown) => void }): ExamSweeper => {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      running = sweepOverdueAttempts(deps).then(
        () => undefined,
        (error: unknown) => onError(error),
      );
      void running.then(() => {
        if (!stopped) schedule();
      });
    }, intervalSeconds * 1000);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
};
