import type { BankEntry, PaperQuestion, Question } from '../../domain/exam/index.js';
import type { Db } from '../../store/database.js';
import type { ExamRecord } from '../../store/exams.repository.js';
import { listQuestionVersions } from '../../store/papers.repository.js';

// A stored question version never changes once written (0002-question-bank), so it can be served
// from memory: a thousand candidates starting the same exam cost one read of its pool, not a
// thousand. Concurrent reads of the same versions share one query — only through the same
// executor: a transaction waiting on a read queued behind it (PGlite has one connection) would
// wait forever.
const cache = new Map<string, Question>();
const maxCached = 20_000;
const inFlight = new WeakMap<Db, Map<string, Promise<void>>>();

type Ref = { questionId: string; version: number };

const cacheKey = (organizationId: string, questionId: string, version: number) =>
  `${organizationId}\u0000${questionId}\u0000${version}`;

/** The map key of a question version: `id@version`. */
export const refKey = (questionId: string, version: number) => `${questionId}@${version}`;

const fill = async (db: Db, organizationId: string, questionIds: string[]) => {
  const rows = await listQuestionVersions({ db, organizationId, questionIds });
  // Dropping everything when full is crude but safe: the next reads refill what is still in use.
  if (cache.size + rows.length > maxCached) cache.clear();
  for (const row of rows) cache.set(cacheKey(organizationId, row.id, row.version), row.question);
};

/** The questions at the given versions, keyed by `refKey`; throws when one is not stored. */
export const loadQuestionVersions = async ({
  db,
  organizationId,
  refs,
}: {
  db: Db;
  organizationId: string;
  refs: Ref[];
}): Promise<Map<string, Question>> => {
  const missing = [
    ...new Set(
      refs
        .filter((ref) => !cache.has(cacheKey(organizationId, ref.questionId, ref.version)))
        .map((ref) => ref.questionId),
    ),
  ].sort();
  if (missing.length > 0) {
    const flights = inFlight.get(db) ?? new Map<string, Promise<void>>();
    inFlight.set(db, flights);
    const flightKey = `${organizationId}\u0000${missing.join('\u0000')}`;
    let pending = flights.get(flightKey);
    if (!pending) {
      pending = fill(db, organizationId, missing).finally(() => flights.delete(flightKey));
      flights.set(flightKey, pending);
    }
    await pending;
  }
  const found = new Map<string, Question>();
  for (const ref of refs) {
    const question = cache.get(cacheKey(organizationId, ref.questionId, ref.version));
    // Versions are only ever added, and exams pin existing ones: a miss is a broken database.
    if (!question) throw new Error(`question ${ref.questionId} version ${ref.version} is not stored`);
    found.set(refKey(ref.questionId, ref.version), question);
  }
  return found;
};

/** The pool an exam draws from, pinned at its creation. */
export const examBank = async ({ db, exam }: { db: Db; exam: ExamRecord }): Promise<BankEntry[]> => {
  const questions = await loadQuestionVersions({
    db,
    organizationId: exam.organizationId,
    refs: exam.paper.pool,
  });
  return exam.paper.pool.map((entry) => ({
    id: entry.questionId,
    version: entry.version,
    question: questions.get(refKey(entry.questionId, entry.version)) as Question,
  }));
};

/** The questions an attempt drew, keyed by paper key (`q1` …). */
export const attemptQuestions = async ({
  db,
  organizationId,
  questions,
}: {
  db: Db;
  organizationId: string;
  questions: PaperQuestion[];
}): Promise<Map<string, Question>> => {
  const versions = await loadQuestionVersions({ db, organizationId, refs: questions });
  return new Map(
    questions.map((entry) => [entry.key, versions.get(refKey(entry.questionId, entry.version)) as Question]),
  );
};
