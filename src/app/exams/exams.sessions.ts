import type { ErrorDetail } from '../accounts/index.js';
import { inTransaction } from '../../store/database.js';
import {
  addAssignees,
  capActiveDeadlines,
  type ExamSummaryRecord,
  findExam,
  findOrganizationUserIds,
  insertExam,
  listExamSummaries,
  listTeamAgents,
  updateExam as updateExamRecord,
} from '../../store/exams.repository.js';
import { findPaper, listCurrentBank } from '../../store/papers.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { recordAudit } from '../accounts/index.js';
import { examsErrors } from './exams.errors.js';
import { paperIssues, poolFor } from './exams.papers.js';
import type { ExamsDeps } from './exams.types.js';

/** An exam as the manager's list shows it. */
export type ExamSummary = {
  id: string;
  title: string;
  paperId: string;
  paperTitle: string;
  opensAt: string;
  closesAt: string;
  assigned: number;
  started: number;
  submitted: number;
  passed: number;
  /** Passed ÷ candidates who submitted; null before anyone has. */
  passRate: number | null;
};

export const toExamSummary = (exam: ExamSummaryRecord): ExamSummary => ({
  id: exam.id,
  title: exam.title,
  paperId: exam.paperId,
  paperTitle: exam.paper.spec.title,
  opensAt: exam.opensAt.toISOString(),
  closesAt: exam.closesAt.toISOString(),
  assigned: exam.assigned,
  started: exam.started,
  submitted: exam.submitted,
  passed: exam.passed,
  passRate: exam.submitted === 0 ? null : exam.passed / exam.submitted,
});

/**
 * The users to assign: `userIds` of the organisation plus the enabled agents of `teamIds`. An id
 * that is not in the organisation is an error naming its place in the request.
 */
const candidatesOf = async (
  deps: ExamsDeps,
  { userIds, teamIds }: { userIds: string[]; teamIds: string[] },
  fields: { users: string; teams: string },
): Promise<string[]> => {
  const organizationId = deps.actor.organizationId;
  const known = await findOrganizationUserIds({ db: deps.db, organizationId, ids: userIds });
  const { agentIds, knownTeamIds } = await listTeamAgents({ db: deps.db, organizationId, teamIds });
  const details: ErrorDetail[] = [
    ...userIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ path: `body.${fields.users}[${index}]`, message: `用户 ${id} 不存在` }],
    ),
    ...teamIds.flatMap((id, index) =>
      knownTeamIds.has(id) ? [] : [{ path: `body.${fields.teams}[${index}]`, message: `小组 ${id} 不存在` }],
    ),
  ];
  if (details.length > 0) throw examsErrors.unknownUsers(details);
  return [...new Set([...userIds, ...agentIds])];
};

const summaryOf = async (deps: ExamsDeps, examId: string) => {
  const [summary] = await listExamSummaries({
    db: deps.db,
    organizationId: deps.actor.organizationId,
    examId,
  });
  if (!summary) throw examsErrors.examNotFound(examId);
  return toExamSummary(summary);
};

/** The organisation's exams with their progress, latest opening first. */
export const listExams = async (deps: ExamsDeps): Promise<ExamSummary[]> => {
  authorize(deps.actor, 'exams.manage');
  return (await listExamSummaries({ db: deps.db, organizationId: deps.actor.organizationId })).map(
    toExamSummary,
  );
};

/**
 * Creates an exam sitting of a paper: it snapshots the paper's spec and the bank's questions as
 * they are now, and assigns the given users and the agents of the given teams (as of now).
 */
export const createExam = async (
  deps: ExamsDeps & {
    paperId: string;
    title: string;
    opensAt: Date;
    closesAt: Date;
    userIds?: string[] | undefined;
    teamIds?: string[] | undefined;
  },
): Promise<ExamSummary> => {
  authorize(deps.actor, 'exams.manage');
  const organizationId = deps.actor.organizationId;
  const paper = await findPaper({ db: deps.db, organizationId, id: deps.paperId });
  if (!paper) throw examsErrors.paperNotFound(deps.paperId);
  if (deps.closesAt <= deps.opensAt) throw examsErrors.invalidWindow();
  const bank = await listCurrentBank({ db: deps.db, organizationId });
  const issues = paperIssues(paper.spec, bank);
  if (issues.length > 0)
    throw examsErrors.paperInvalid(issues.map((issue) => ({ path: 'body.paperId', message: issue.message })));
  const userIds = await candidatesOf(
    deps,
    { userIds: deps.userIds ?? [], teamIds: deps.teamIds ?? [] },
    { users: 'userIds', teams: 'teamIds' },
  );
  const examId = await inTransaction(deps.db, async (trx) => {
    const id = await insertExam({
      db: trx,
      exam: {
        organizationId,
        paperId: paper.id,
        title: deps.title,
        paper: {
          spec: paper.spec,
          pool: poolFor(paper.spec, bank).map((row) => ({ questionId: row.id, version: row.version })),
        },
        opensAt: deps.opensAt,
        closesAt: deps.closesAt,
        createdBy: deps.actor.userId,
        at: deps.clock.now(),
      },
    });
    await addAssignees({ db: trx, examId: id, userIds });
    await recordAudit({
      db: trx,
      clock: deps.clock,
      actor: deps.actor,
      action: 'exams.created',
      target: id,
      details: { paperId: paper.id, assigned: userIds.length },
    });
    return id;
  });
  return summaryOf(deps, examId);
};

/**
 * Changes an exam's title or window and adds candidates. Moving the close earlier brings active
 * attempts' deadlines forward with it; moving the start later hides the questions until then.
 */
export const updateExam = async (
  deps: ExamsDeps & {
    examId: string;
    title?: string | undefined;
    opensAt?: Date | undefined;
    closesAt?: Date | undefined;
    addUserIds?: string[] | undefined;
    addTeamIds?: string[] | undefined;
  },
): Promise<ExamSummary> => {
  authorize(deps.actor, 'exams.manage');
  const exam = await findExam({ db: deps.db, organizationId: deps.actor.organizationId, id: deps.examId });
  if (!exam) throw examsErrors.examNotFound(deps.examId);
  const opensAt = deps.opensAt ?? exam.opensAt;
  const closesAt = deps.closesAt ?? exam.closesAt;
  if (closesAt <= opensAt) throw examsErrors.invalidWindow();
  const userIds = await candidatesOf(
    deps,
    { userIds: deps.addUserIds ?? [], teamIds: deps.addTeamIds ?? [] },
    { users: 'addUserIds', teams: 'addTeamIds' },
  );
  await inTransaction(deps.db, async (trx) => {
    const changes = { title: deps.title, opensAt: deps.opensAt, closesAt: deps.closesAt };
    await updateExamRecord({
      db: trx,
      organizationId: exam.organizationId,
      id: exam.id,
      changes,
      at: deps.clock.now(),
    });
    await capActiveDeadlines({ db: trx, examId: exam.id, closesAt });
    await addAssignees({ db: trx, examId: exam.id, userIds });
    await recordAudit({
      db: trx,
      clock: deps.clock,
      actor: deps.actor,
      action: 'exams.updated',
      target: exam.id,
      details: {
        ...Object.fromEntries(
          Object.entries(changes)
            .filter(([, value]) => value !== undefined)
            .map(([name, value]) => [name, value instanceof Date ? value.toISOString() : value]),
        ),
        added: userIds.length,
      },
    });
  });
  return summaryOf(deps, exam.id);
};
