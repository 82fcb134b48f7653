import {
  composePaper,
  type PaperIssue,
  type PaperSpec,
  type Question,
  type QuestionType,
  validatePaperSpec,
} from '../../domain/exam/index.js';
import type { ErrorDetail } from '../accounts/index.js';
import { inTransaction } from '../../store/database.js';
import {
  type BankRow,
  findPaper,
  insertPaper,
  listCurrentBank,
  listPapers as listPaperRecords,
  updatePaper as updatePaperRecord,
} from '../../store/papers.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { recordAudit } from '../accounts/index.js';
import { examsErrors } from './exams.errors.js';
import type { ExamsDeps } from './exams.types.js';

/** How many questions a paper has and what they are worth in all. */
export const paperTotals = (spec: PaperSpec): { questionCount: number; totalPoints: number } => {
  let questionCount = 0;
  let totalPoints = 0;
  for (const section of spec.sections) {
    const count = section.questionIds?.length ?? section.draw?.count ?? 0;
    questionCount += count;
    totalPoints += count * section.pointsEach;
  }
  return { questionCount, totalPoints: Math.round(totalPoints * 100) / 100 };
};

export type PaperSummary = {
  id: string;
  title: string;
  questionCount: number;
  totalPoints: number;
  passMark: number;
  timeLimitMinutes: number;
  certifies: boolean;
  updatedAt: string;
};

export type PaperView = PaperSpec & { id: string; updatedAt: string };

// Any seed works for checking that every draw can be filled: the counts do not depend on it.
const checkSeed = 1;

const detailsOf = (issues: PaperIssue[]): ErrorDetail[] =>
  issues.map((issue) => ({
    path: issue.at?.section === undefined ? 'body' : `body.sections[${issue.at.section}]`,
    message: issue.message,
  }));

/** The bank entries a paper's sections can draw from (questions of the sections' types). */
export const poolFor = (spec: PaperSpec, bank: BankRow[]) => {
  const types = new Set<QuestionType>(spec.sections.map((section) => section.type));
  return bank.filter((row) => types.has(row.question.type));
};

/** Spec problems and draws the current bank cannot fill; empty when the paper can be sat. */
export const paperIssues = (spec: PaperSpec, bank: BankRow[]): PaperIssue[] => {
  const issues = validatePaperSpec(spec);
  if (issues.length > 0) return issues;
  return composePaper({ spec, bank, seed: checkSeed }).issues;
};

const checked = async (deps: ExamsDeps, spec: PaperSpec) => {
  const bank = await listCurrentBank({ db: deps.db, organizationId: deps.actor.organizationId });
  const issues = paperIssues(spec, bank);
  if (issues.length > 0) throw examsErrors.paperInvalid(detailsOf(issues));
};

const viewOf = (id: string, spec: PaperSpec, updatedAt: Date): PaperView => ({
  ...spec,
  id,
  updatedAt: updatedAt.toISOString(),
});

/** The organisation's papers (试卷), newest edit first. */
export const listPapers = async (deps: ExamsDeps): Promise<PaperSummary[]> => {
  authorize(deps.actor, 'exams.manage');
  const papers = await listPaperRecords({ db: deps.db, organizationId: deps.actor.organizationId });
  return papers.map((paper) => ({
    id: paper.id,
    title: paper.title,
    ...paperTotals(paper.spec),
    passMark: paper.spec.passMark,
    timeLimitMinutes: paper.spec.timeLimitMinutes,
    certifies: paper.spec.certifies,
    updatedAt: paper.updatedAt.toISOString(),
  }));
};

export const getPaper = async (deps: ExamsDeps & { id: string }): Promise<PaperView> => {
  authorize(deps.actor, 'exams.manage');
  const paper = await findPaper({ db: deps.db, organizationId: deps.actor.organizationId, id: deps.id });
  if (!paper) throw examsErrors.paperNotFound(deps.id);
  return viewOf(paper.id, paper.spec, paper.updatedAt);
};

/** Saves a new paper once its spec is valid and the bank can fill every draw. */
export const createPaper = async (deps: ExamsDeps & { spec: PaperSpec }): Promise<PaperView> => {
  authorize(deps.actor, 'exams.manage');
  await checked(deps, deps.spec);
  const at = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const id = await insertPaper({
      db: trx,
      organizationId: deps.actor.organizationId,
      spec: deps.spec,
      createdBy: deps.actor.userId,
      at,
    });
    if (!id) throw new Error('a paper without builtinId is always inserted');
    await recordAudit({
      db: trx,
      clock: deps.clock,
      actor: deps.actor,
      action: 'exams.paper_created',
      target: id,
    });
    return viewOf(id, deps.spec, at);
  });
};

/** Replaces a paper's spec; exams already created keep the spec they snapshotted. */
export const updatePaper = async (deps: ExamsDeps & { id: string; spec: PaperSpec }): Promise<PaperView> => {
  authorize(deps.actor, 'exams.manage');
  await checked(deps, deps.spec);
  const at = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const updated = await updatePaperRecord({
      db: trx,
      organizationId: deps.actor.organizationId,
      id: deps.id,
      spec: deps.spec,
      at,
    });
    if (!updated) throw examsErrors.paperNotFound(deps.id);
    await recordAudit({
      db: trx,
      clock: deps.clock,
      actor: deps.actor,
      action: 'exams.paper_updated',
      target: deps.id,
    });
    return viewOf(deps.id, deps.spec, at);
  });
};

/** One draw of a paper from the current bank, with every problem found; nothing is saved. */
export const previewPaper = async (
  deps: ExamsDeps & { spec: PaperSpec; seed?: number | undefined },
): Promise<{
  questions: {
    key: string;
    questionId: string;
    section: number;
    points: number;
    type: QuestionType;
    stem: string;
  }[];
  issues: PaperIssue[];
}> => {
  authorize(deps.actor, 'exams.manage');
  const issues = validatePaperSpec(deps.spec);
  if (issues.length > 0) return { questions: [], issues };
  const bank = await listCurrentBank({ db: deps.db, organizationId: deps.actor.organizationId });
  const composed = composePaper({ spec: deps.spec, bank, seed: deps.seed ?? checkSeed });
  const byId = new Map(bank.map((row) => [row.id, row.question]));
  return {
    questions: composed.result.map((entry) => {
      // composePaper draws only from `bank`.
      const question = byId.get(entry.questionId) as Question;
      return {
        key: entry.key,
        questionId: entry.questionId,
        section: entry.section,
        points: entry.points,
        type: question.type,
        stem: question.stem,
      };
    }),
    issues: composed.issues,
  };
};
