import { randomBytes } from 'node:crypto';
import type { Question } from '../../domain/exam/index.js';
import {
  type ImportedQuestion,
  type ParsedQuestion,
  type QuestionFlag,
  toQuestions,
} from '../../domain/importer/index.js';
import type { Issue } from '../../domain/shared/index.js';
import { formatOf, type ReadPaper, readPaperBytes, writeQuestionsXlsx } from '../../io/papers/index.js';
import { inTransaction } from '../../store/database.js';
import {
  findKnownStems,
  findTakenQuestionIds,
  insertQuestion,
  listQuestionBodies,
  type QuestionFilters,
} from '../../store/questions.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { recordAudit } from '../accounts/index.js';
import { checkQuestion, contentHash, searchTextOf } from './questions.content.js';
import { questionsErrors } from './questions.errors.js';
import { detailsOf, type QuestionsDeps } from './questions.usecases.js';

/** Largest uploaded paper the preview reads. */
export const maxPaperBytes = 10 * 1024 * 1024;

/** Shown where a paper gave no 解析, so the question validates and the reviewer sees the gap. */
export const missingExplanation = '原卷未附解析';

export type PreviewQuestion = ImportedQuestion & {
  /** Problems validateQuestion still finds (the import refuses the list while any remain). */
  issues: Issue[];
};

export type ParsePreview = {
  format: ReadPaper['format'];
  questions: PreviewQuestion[];
  /** Input lines the parser could not read, kept for the reviewer. */
  unread: { line: number; text: string }[];
  /** Every other problem the reader reported (encoding, skipped page furniture …). */
  issues: Issue[];
};

const withExplanation = (question: Question): Question => {
  const own = question.explanation.trim() ? question : { ...question, explanation: missingExplanation };
  if (own.type !== 'case') return own;
  const subQuestions = own.subQuestions.map((sub) => withExplanation(sub) as typeof sub);
  return { ...own, subQuestions };
};

const unreadLines = (issues: Issue[]) =>
  issues
    .filter((issue) => issue.code === 'importer.unread_text')
    .map((issue) => ({
      line: issue.at?.line ?? 0,
      text: issue.message.slice(issue.message.indexOf(': ') + 2),
    }));

const importPrefix = (now: Date) =>
  `imp-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;

/** A question the bank already holds (same stem) is flagged `duplicate` in the preview. */
const flagKnownStems = async (deps: QuestionsDeps, questions: ImportedQuestion[]) => {
  const known = await findKnownStems({
    db: deps.db,
    organizationId: deps.actor.organizationId,
    stems: questions.map((item) => item.question.stem),
  });
  return questions.map((item) =>
    known.has(item.question.stem) && !item.flags.includes('duplicate')
      ? { ...item, flags: [...item.flags, 'duplicate' as QuestionFlag] }
      : item,
  );
};

/**
 * Reads pasted text or an uploaded file (.txt .docx .xlsx .gift .aiken) into questions for review.
 * Nothing is saved: the reviewer fixes what is flagged, then calls importQuestions.
 */
export const parsePreview = async (
  deps: QuestionsDeps & {
    text?: string | undefined;
    file?: { filename: string; bytes: Uint8Array } | undefined;
  },
): Promise<ParsePreview> => {
  authorize(deps.actor, 'questions.manage');
  const { text, file } = deps;
  if (file && file.bytes.byteLength > maxPaperBytes) throw questionsErrors.fileTooLarge(maxPaperBytes);
  let paper: ReadPaper;
  try {
    paper = file
      ? await readPaperBytes({
          name: file.filename,
          bytes: file.bytes,
          format: formatOf(file.filename) ?? 'text',
        })
      : await readPaperBytes({
          name: '粘贴的文本',
          bytes: new TextEncoder().encode(text ?? ''),
          format: 'text',
        });
  } catch (error) {
    throw questionsErrors.unreadableFile(
      file?.filename ?? '',
      error instanceof Error ? error.message : String(error),
    );
  }
  const mapped = toQuestions({
    parsed: paper.questions as ParsedQuestion[],
    idPrefix: importPrefix(deps.clock.now()),
  });
  const flagged = await flagKnownStems(
    deps,
    mapped.map((item) => ({ ...item, question: withExplanation(item.question) })),
  );
  return {
    format: paper.format,
    questions: flagged.map((item) => ({ ...item, issues: checkQuestion(item.question) })),
    unread: unreadLines(paper.issues),
    issues: paper.issues.filter((issue) => issue.code !== 'importer.unread_text'),
  };
};

/**
 * Saves the reviewed questions in one transaction: every question is checked by validateQuestion
 * and its id must be new; if any fails, nothing is saved and each failure names
 * `body.questions[i].field`.
 */
export const importQuestions = async (
  deps: QuestionsDeps & { questions: Question[] },
): Promise<{ imported: number; ids: string[] }> => {
  const { db, clock, actor, questions } = deps;
  authorize(actor, 'questions.manage');
  if (questions.length === 0) throw questionsErrors.emptyImport();
  const invalid = questions.map((question, index) => detailsOf(question, `body.questions[${index}]`));
  const details = invalid.flat();
  if (details.length > 0)
    throw questionsErrors.invalid(details, invalid.filter((list) => list.length > 0).length);
  const ids = questions.map((question) => question.id);
  const repeated = ids.flatMap((id, index) => (ids.indexOf(id) === index ? [] : [{ index, id }]));
  if (repeated.length > 0) {
    throw questionsErrors.idTaken(
      repeated.map(({ index, id }) => ({
        path: `body.questions[${index}].id`,
        message: `编号 ${id} 在列表中重复`,
      })),
    );
  }
  return inTransaction(db, async (trx) => {
    const taken = new Set(await findTakenQuestionIds({ db: trx, organizationId: actor.organizationId, ids }));
    if (taken.size > 0) {
      throw questionsErrors.idTaken(
        ids.flatMap((id, index) =>
          taken.has(id) ? [{ path: `body.questions[${index}].id`, message: `编号 ${id} 已被使用` }] : [],
        ),
      );
    }
    const at = clock.now();
    for (const question of questions) {
      const write = {
        organizationId: actor.organizationId,
        question,
        searchText: searchTextOf(question),
        contentHash: contentHash(question),
        createdBy: actor.userId,
        at,
      };
      await insertQuestion({ db: trx, write, source: 'imported' });
    }
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'questions.imported',
      details: { count: questions.length, ids },
    });
    return { imported: questions.length, ids };
  });
};

/** The filtered bank as the .xlsx import template (answer keys included); audited as an export. */
export const exportQuestionsXlsx = async ({
  db,
  clock,
  actor,
  filters,
}: QuestionsDeps & { filters: QuestionFilters }): Promise<{ bytes: Uint8Array; count: number }> => {
  authorize(actor, 'questions.manage');
  const questions = await listQuestionBodies({ db, organizationId: actor.organizationId, filters });
  const bytes = await writeQuestionsXlsx(questions.flatMap(toParsed));
  await recordAudit({
    db,
    clock,
    actor,
    action: 'questions.exported',
    details: { format: 'xlsx', count: questions.length, filters: { ...filters } },
  });
  return { bytes, count: questions.length };
};

const letters = (indexes: number[]) => indexes.map((index) => String.fromCharCode(65 + index));

/** The template's columns hold the five importable types; 话术/案例 rows carry their reference text. */
const toParsed = (question: Question): ParsedQuestion[] => {
  const base = {
    stem: question.stem,
    points: question.points,
    explanation: question.explanation,
    flags: [],
    lines: [0, 0] as [number, number],
  };
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [{ ...base, type: question.type, options: question.options, answer: letters(question.answer) }];
    case 'true_false':
      return [{ ...base, type: 'true_false', options: [], answer: question.answer }];
    case 'fill_blank':
      return [
        {
          ...base,
          type: 'fill_blank',
          options: [],
          answer: question.answer.map((alternatives) => alternatives.join('/')),
        },
      ];
    case 'short_answer':
      return [{ ...base, type: 'short_answer', options: [], answer: question.reference }];
    case 'scenario':
      return [
        {
          ...base,
          type: 'short_answer',
          stem: `${question.stem}\n买家：${question.buyerText}`,
          options: [],
          answer: question.reference,
        },
      ];
    case 'case':
      return question.subQuestions.flatMap((sub) =>
        toParsed({ ...sub, stem: `【${question.material}】${sub.stem}` }),
      );
    default:
      return [];
  }
};
