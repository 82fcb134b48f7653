import type { PaperSpec } from '../../domain/exam/index.js';
import type { Issue } from '../../domain/shared/index.js';
import { loadPaperDefinitions, type PaperDefinition } from '../../io/questions/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import { addAssignees, hasExamOfPaper, insertExam, listTeamAgents } from '../../store/exams.repository.js';
import { findBuiltinPaper, insertPaper, listCurrentBank } from '../../store/papers.repository.js';
import { listOrganizationIdsForBank } from '../../store/questions.repository.js';
import { findTeamByName } from '../../store/teams.repository.js';
import type { Clock } from '../accounts/index.js';
import { paperIssues, poolFor } from './exams.papers.js';

/** The built-in paper that certifies agents for duty (上岗考试). */
export const entryExamPaperId = 'entry-exam';

/**
 * A built-in paper definition as a paper spec. The policy is the usual one for a 上岗考试: three
 * tries, shuffled questions and options, the score at once, the key after the exam closes.
 */
export const builtInPaperSpec = (definition: PaperDefinition): PaperSpec => ({
  title: definition.title,
  description: definition.description,
  sections: definition.sections,
  passMark: definition.passMark,
  timeLimitMinutes: definition.timeLimitMinutes,
  attemptsAllowed: 3,
  shuffleQuestions: true,
  shuffleOptions: true,
  showScore: 'on_submit',
  showKey: 'after_close',
  certifies: definition.id === entryExamPaperId,
});

/**
 * Adds the built-in papers (data/papers) to one organisation; a paper already there is left as the
 * organisation has it. Run after the built-in bank is seeded, so the draws can be checked.
 */
export const seedBuiltInPapers = async ({
  db,
  clock,
  organizationId,
  definitions = loadPaperDefinitions(),
}: {
  db: Db;
  clock: Clock;
  organizationId: string;
  definitions?: { result: PaperDefinition[]; issues: Issue[] };
}): Promise<{ added: number; issues: Issue[] }> => {
  const issues = [...definitions.issues];
  const bank = await listCurrentBank({ db, organizationId });
  let added = 0;
  for (const definition of definitions.result) {
    const spec = builtInPaperSpec(definition);
    const problems = paperIssues(spec, bank);
    if (problems.length > 0) {
      issues.push(
        ...problems.map((problem) => ({
          code: problem.code,
          message: `${definition.id}: ${problem.message}`,
          severity: 'error' as const,
        })),
      );
      continue;
    }
    const id = await insertPaper({
      db,
      organizationId,
      spec,
      builtinId: definition.id,
      createdBy: null,
      at: clock.now(),
    });
    if (id) added++;
  }
  return { added, issues };
};

/** Adds the built-in papers to every organisation (start-up), each in its own transaction. */
export const seedBuiltInPapersEverywhere = async ({ db, clock }: { db: Db; clock: Clock }) => {
  const definitions = loadPaperDefinitions();
  const results = [];
  for (const organizationId of await listOrganizationIdsForBank({ db }))
    results.push(
      await inTransaction(db, (trx) => seedBuiltInPapers({ db: trx, clock, organizationId, definitions })),
    );
  return results;
};

const day = 24 * 60 * 60_000;

/**
 * The demo's open 上岗考试 for the 售前组 agents, open from an hour ago for 30 days, so a fresh
 * install shows an exam to sit. Added once: nothing happens when the demo already has one.
 */
export const seedDemoExam = async ({
  db,
  clock,
  organizationId,
  teamName = '售前组',
}: {
  db: Db;
  clock: Clock;
  organizationId: string;
  teamName?: string;
}): Promise<string | undefined> => {
  const paper = await findBuiltinPaper({ db, organizationId, builtinId: entryExamPaperId });
  const team = await findTeamByName({ db, organizationId, name: teamName });
  if (!paper || !team || (await hasExamOfPaper({ db, organizationId, paperId: paper.id }))) return undefined;
  const now = clock.now();
  const bank = await listCurrentBank({ db, organizationId });
  const examId = await insertExam({
    db,
    exam: {
      organizationId,
      paperId: paper.id,
      title: `${paper.title} · ${teamName}`,
      paper: {
        spec: paper.spec,
        pool: poolFor(paper.spec, bank).map((row) => ({ questionId: row.id, version: row.version })),
      },
      opensAt: new Date(now.getTime() - day / 24),
      closesAt: new Date(now.getTime() + 30 * day),
      createdBy: null,
      at: now,
    },
  });
  const { agentIds } = await listTeamAgents({ db, organizationId, teamIds: [team.id] });
  await addAssignees({ db, examId, userIds: agentIds });
  return examId;
};
