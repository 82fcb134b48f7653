import type { Question } from '../../domain/exam/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import {
  addQuestionVersion,
  findQuestion,
  findTakenQuestionIds,
  insertQuestion,
  listQuestions as listQuestionRecords,
  type QuestionFilters,
  type QuestionRecord,
  type QuestionSummaryRecord,
  softDeleteQuestion,
} from '../../store/questions.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import { checkQuestion, contentHash, searchTextOf } from './questions.content.js';
import { questionsErrors } from './questions.errors.js';

export type QuestionsDeps = { db: Db; clock: Clock; actor: Actor };

/** Validation problems of one question as error details under `prefix` (`body`, `body.questions[2]`). */
export const detailsOf = (question: Question, prefix: string) =>
  checkQuestion(question).map((issue) => ({
    path: `${prefix}.${issue.at?.field ?? ''}`.replace(/\.$/, ''),
    message: issue.message,
  }));

const writeOf = (deps: QuestionsDeps, question: Question) => ({
  organizationId: deps.actor.organizationId,
  question,
  searchText: searchTextOf(question),
  contentHash: contentHash(question),
  createdBy: deps.actor.userId,
  at: deps.clock.now(),
});

/** One page of the bank, filtered; summaries carry no answer key. */
export const listQuestions = async ({
  db,
  actor,
  filters,
  limit,
  offset,
}: QuestionsDeps & { filters: QuestionFilters; limit: number; offset: number }): Promise<{
  questions: QuestionSummaryRecord[];
  total: number;
}> => {
  authorize(actor, 'questions.read');
  return listQuestionRecords({ db, organizationId: actor.organizationId, filters, limit, offset });
};

/** A question with its answer key; every read is audited (answer-key access). */
export const getQuestion = async ({
  db,
  clock,
  actor,
  id,
  version,
}: QuestionsDeps & { id: string; version?: number | undefined }): Promise<QuestionRecord> => {
  authorize(actor, 'questions.read');
  const record = await findQuestion({ db, organizationId: actor.organizationId, id, version });
  if (!record) throw questionsErrors.notFound(id);
  await recordAudit({
    db,
    clock,
    actor,
    action: 'questions.answer_key_viewed',
    target: id,
    details: { version: record.version },
  });
  return record;
};

/** Adds one question written by hand; its id must be new to the organisation. */
export const createQuestion = async (
  deps: QuestionsDeps & { question: Question },
): Promise<QuestionRecord> => {
  const { db, clock, actor, question } = deps;
  authorize(actor, 'questions.manage');
  const details = detailsOf(question, 'body.question');
  if (details.length > 0) throw questionsErrors.invalid(details, 1);
  return inTransaction(db, async (trx) => {
    const taken = await findTakenQuestionIds({
      db: trx,
      organizationId: actor.organizationId,
      ids: [question.id],
    });
    if (taken.length > 0) {
      throw questionsErrors.idTaken([{ path: 'body.question.id', message: `编号 ${question.id} 已被使用` }]);
    }
    await insertQuestion({ db: trx, write: writeOf(deps, question), source: 'manual' });
    await recordAudit({ db: trx, clock, actor, action: 'questions.created', target: question.id });
    const saved = await findQuestion({ db: trx, organizationId: actor.organizationId, id: question.id });
    if (!saved) throw questionsErrors.notFound(question.id);
    return saved;
  });
};

/**
 * Saves an edit as a new version; earlier versions stay unchanged for the exams that pinned them.
 * Saving identical content creates no version.
 */
export const updateQuestion = async (
  deps: QuestionsDeps & { id: string; question: Question },
): Promise<QuestionRecord> => {
  const { db, clock, actor, id, question } = deps;
  authorize(actor, 'questions.manage');
  if (question.id !== id) throw questionsErrors.idChanged();
  const details = detailsOf(question, 'body');
  if (details.length > 0) throw questionsErrors.invalid(details, 1);
  return inTransaction(db, async (trx) => {
    const current = await findQuestion({ db: trx, organizationId: actor.organizationId, id });
    if (!current) throw questionsErrors.notFound(id);
    const write = writeOf(deps, question);
    if (write.contentHash === current.contentHash) return current;
    const version = await addQuestionVersion({ db: trx, write });
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'questions.updated',
      target: id,
      details: { fromVersion: current.version, toVersion: version },
    });
    const saved = await findQuestion({ db: trx, organizationId: actor.organizationId, id });
    if (!saved) throw questionsErrors.notFound(id);
    return saved;
  });
};

/** Removes a question from the bank (soft: exams that used it still show it). */
export const deleteQuestion = async ({
  db,
  clock,
  actor,
  id,
}: QuestionsDeps & { id: string }): Promise<void> => {
  authorize(actor, 'questions.manage');
  const deleted = await softDeleteQuestion({ db, organizationId: actor.organizationId, id, at: clock.now() });
  if (!deleted) throw questionsErrors.notFound(id);
  await recordAudit({ db, clock, actor, action: 'questions.deleted', target: id });
};
