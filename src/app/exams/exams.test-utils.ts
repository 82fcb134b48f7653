import type { PaperSpec, QuestionType } from '../../domain/exam/index.js';
import type { Db } from '../../store/database.js';
import type { Actor } from '../accounts/index.js';
import type { DemoSeedResult } from '../demo/demo.seed.js';

/** Built-in bank questions of each type, for papers whose content tests can predict. */
export const fixedQuestions: Record<Exclude<QuestionType, 'case'>, string> & { case: string } = {
  single: 'q-aftersale-001', // answer [1] of 4 options
  multiple: 'q-aftersale-007', // answer [0, 3] of 4 options
  true_false: 'q-aftersale-011', // answer true
  fill_blank: 'q-aftersale-015', // one blank: 跟进 / 跟踪 / 回访
  short_answer: 'q-aftersale-017',
  scenario: 'q-scenario-001', // forbidden rule: invoice
  case: 'q-case-001',
};

/** The correct answer to each fixed question, in the bank's option order. */
export const correctAnswers = {
  single: [1],
  multiple: [0, 3],
  true_false: true,
  fill_blank: ['跟进'],
} as const;

/** A paper of fixed questions, one per listed type, 25 points each, 60% to pass; options not shuffled. */
export const fixedSpec = (types: QuestionType[], overrides: Partial<PaperSpec> = {}): PaperSpec => ({
  title: '固定题目测试卷',
  description: '测试用',
  sections: types.map((type) => ({ title: type, type, pointsEach: 25, questionIds: [fixedQuestions[type]] })),
  passMark: types.length * 25 * 0.6,
  timeLimitMinutes: 30,
  attemptsAllowed: 0,
  shuffleQuestions: false,
  shuffleOptions: false,
  showScore: 'on_submit',
  showKey: 'on_submit',
  certifies: false,
  ...overrides,
});

export const objectiveTypes: QuestionType[] = ['single', 'multiple', 'true_false', 'fill_blank'];

/** The demo organisation's people as use-case actors, by login. */
export const demoActors = async (db: Db, demo: DemoSeedResult) => {
  const users = await db
    .selectFrom('users')
    .select(['id', 'login', 'role'])
    .where('organizationId', '=', demo.organizationId)
    .execute();
  const actor = (login: string): Actor => {
    const user = users.find((one) => one.login.endsWith(login));
    if (!user) throw new Error(`no demo user ${login}`);
    return {
      userId: user.id,
      login: user.login,
      organizationId: demo.organizationId,
      role: user.role as Actor['role'],
      ip: null,
    };
  };
  return { actor };
};
