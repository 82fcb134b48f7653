import { sql } from 'kysely';
import type { PaperSpec } from '../domain/exam/index.js';
import type { Db } from './database.js';

/** A question an exam may draw, pinned at the version it had when the exam was created. */
export type PoolEntry = { questionId: string; version: number };

/** What an exam keeps of its paper: the spec and the question pool at creation time. */
export type ExamPaperSnapshot = { spec: PaperSpec; pool: PoolEntry[] };

/** An exam sitting (考试场次): a paper snapshot, an availability window and its assignees. */
export type ExamRecord = {
  id: string;
  organizationId: string;
  paperId: string;
  title: string;
  paper: ExamPaperSnapshot;
  opensAt: Date;
  closesAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

/** An exam with its progress counts, as the manager's list shows it (candidates, not attempts). */
export type ExamSummaryRecord = ExamRecord & {
  assigned: number;
  started: number;
  submitted: number;
  passed: number;
};

const columns = [
  'exams.id',
  'exams.organizationId',
  'exams.paperId',
  'exams.title',
  'exams.paper',
  'exams.opensAt',
  'exams.closesAt',
  'exams.createdAt',
  'exams.updatedAt',
] as const;

// The snapshot is written by createExam from a validated paper.
const toRecord = <Row extends { paper: unknown }>(row: Row): Row & { paper: ExamPaperSnapshot } => ({
  ...row,
  paper: row.paper as ExamPaperSnapshot,
});

export const insertExam = async ({
  db,
  exam,
}: {
  db: Db;
  exam: {
    organizationId: string;
    paperId: string;
    title: string;
    paper: ExamPaperSnapshot;
    opensAt: Date;
    closesAt: Date;
    createdBy: string | null;
    at: Date;
  };
}): Promise<string> => {
  const { at, paper, ...values } = exam;
  const row = await db
    .insertInto('exams')
    .values({ ...values, paper: JSON.stringify(paper), createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

export const findExam = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<ExamRecord | undefined> => {
  const row = await db
    .selectFrom('exams')
    .select(columns)
    .where('exams.organizationId', '=', organizationId)
    .where('exams.id', '=', id)
    .executeTakeFirst();
  return row && toRecord(row);
};

export const updateExam = async ({
  db,
  organizationId,
  id,
  changes,
  at,
}: {
  db: Db;
  organizationId: string;
  id: string;
  changes: { title?: string | undefined; opensAt?: Date | undefined; closesAt?: Date | undefined };
  at: Date;
}): Promise<void> => {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  await db
    .updateTable('exams')
    .set({ ...set, updatedAt: at })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .execute();
};

/** Assigns users to an exam; users already assigned stay as they are. */
export const addAssignees = async ({
  db,
  examId,
  userIds,
}: {
  db: Db;
  examId: string;
  userIds: string[];
}): Promise<void> => {
  if (userIds.length === 0) return;
  await db
    .insertInto('examAssignees')
    .values(userIds.map((userId) => ({ examId, userId })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
};

export const isAssigned = async ({
  db,
  examId,
  userId,
}: {
  db: Db;
  examId: string;
  userId: string;
}): Promise<boolean> =>
  (await db
    .selectFrom('examAssignees')
    .select('userId')
    .where('examId', '=', examId)
    .where('userId', '=', userId)
    .executeTakeFirst()) !== undefined;

/** Assigned candidates of an exam with their names and team, by display name. */
export const listAssignees = async ({ db, examId }: { db: Db; examId: string }) =>
  db
    .selectFrom('examAssignees')
    .innerJoin('users', 'users.id', 'examAssignees.userId')
    .leftJoin('teams', 'teams.id', 'users.teamId')
    .select(['users.id as userId', 'users.displayName', 'users.login', 'teams.name as team'])
    .where('examAssignees.examId', '=', examId)
    .orderBy('users.displayName')
    .orderBy('users.login')
    .execute();

// PostgreSQL returns count() as a bigint string, PGlite as a number.
const candidatesWhere = (condition: ReturnType<typeof sql>) =>
  sql<
    number | string
  >`(select count(distinct attempts.user_id) from attempts where attempts.exam_id = exams.id and ${condition})`;

/** The organisation's exams with progress counts, latest opening first. */
export const listExamSummaries = async ({
  db,
  organizationId,
  examId,
}: {
  db: Db;
  organizationId: string;
  /** Only this exam. */
  examId?: string | undefined;
}): Promise<ExamSummaryRecord[]> => {
  let query = db
    .selectFrom('exams')
    .select(columns)
    .select([
      sql<number | string>`(select count(*) from exam_assignees where exam_assignees.exam_id = exams.id)`.as(
        'assigned',
      ),
      candidatesWhere(sql`true`).as('started'),
      candidatesWhere(sql`attempts.status = 'submitted'`).as('submitted'),
      candidatesWhere(sql`attempts.passed`).as('passed'),
    ])
    .where('exams.organizationId', '=', organizationId);
  if (examId !== undefined) query = query.where('exams.id', '=', examId);
  const rows = await query.orderBy('exams.opensAt', 'desc').orderBy('exams.id').execute();
  return rows.map((row) => ({
    ...toRecord(row),
    assigned: Number(row.assigned),
    started: Number(row.started),
    submitted: Number(row.submitted),
    passed: Number(row.passed),
  }));
};

/** The exams a user is assigned to, latest opening first. */
export const listExamsOfUser = async ({
  db,
  organizationId,
  userId,
}: {
  db: Db;
  organizationId: string;
  userId: string;
}): Promise<ExamRecord[]> =>
  (
    await db
      .selectFrom('exams')
      .innerJoin('examAssignees', 'examAssignees.examId', 'exams.id')
      .select(columns)
      .where('exams.organizationId', '=', organizationId)
      .where('examAssignees.userId', '=', userId)
      .orderBy('exams.opensAt', 'desc')
      .orderBy('exams.id')
      .execute()
  ).map(toRecord);

/** Whether the organisation has any exam of `paperId` (the demo seed adds one once). */
export const hasExamOfPaper = async ({
  db,
  organizationId,
  paperId,
}: {
  db: Db;
  organizationId: string;
  paperId: string;
}): Promise<boolean> =>
  (await db
    .selectFrom('exams')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('paperId', '=', paperId)
    .executeTakeFirst()) !== undefined;

/** Which of `ids` are users of the organisation. */
export const findOrganizationUserIds = async ({
  db,
  organizationId,
  ids,
}: {
  db: Db;
  organizationId: string;
  ids: string[];
}): Promise<Set<string>> =>
  ids.length === 0
    ? new Set()
    : new Set(
        (
          await db
            .selectFrom('users')
            .select('id')
            .where('organizationId', '=', organizationId)
            .where('id', 'in', ids)
            .execute()
        ).map((row) => row.id),
      );

/** The enabled agents of the given teams of the organisation, and which team ids exist there. */
export const listTeamAgents = async ({
  db,
  organizationId,
  teamIds,
}: {
  db: Db;
  organizationId: string;
  teamIds: string[];
}): Promise<{ agentIds: string[]; knownTeamIds: Set<string> }> => {
  if (teamIds.length === 0) return { agentIds: [], knownTeamIds: new Set() };
  const teams = await db
    .selectFrom('teams')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', 'in', teamIds)
    .execute();
  const knownTeamIds = new Set(teams.map((team) => team.id));
  if (knownTeamIds.size === 0) return { agentIds: [], knownTeamIds };
  const agents = await db
    .selectFrom('users')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('teamId', 'in', [...knownTeamIds])
    .where('role', '=', 'agent')
    .where('disabled', '=', false)
    .execute();
  return { agentIds: agents.map((agent) => agent.id), knownTeamIds };
};

/** Brings the deadline of active attempts forward to `closesAt` when the exam now closes earlier. */
export const capActiveDeadlines = async ({
  db,
  examId,
  closesAt,
}: {
  db: Db;
  examId: string;
  closesAt: Date;
}): Promise<void> => {
  await db
    .updateTable('attempts')
    .set({ deadlineAt: closesAt })
    .where('examId', '=', examId)
    .where('status', '=', 'active')
    .where('deadlineAt', '>', closesAt)
    .execute();
};
