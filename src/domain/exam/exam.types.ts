import type { Platform } from '../shared/index.js';

/** Question types (题型). `multiple` also covers 不定项 (one or more correct). */
export const questionTypes = [
  'single', // 单选题
  'multiple', // 多选题 / 不定项选择题
  'true_false', // 判断题
  'fill_blank', // 填空题
  'short_answer', // 问答题 / 简答题
  'scenario', // 话术题: reply to a buyer, graded by rubric + compliance
  'case', // 案例分析: shared material + sub-questions
] as const;
export type QuestionType = (typeof questionTypes)[number];

export type Difficulty = 1 | 2 | 3 | 4 | 5;

export type QuestionTags = {
  /** Rule ids from the rule library, e.g. `invoice`, `offsite_contact`. */
  rules: string[];
  platforms: Platform[];
  /** Free topics: `timings`, `kpi`, `service_flow`, `after_sale`, `product` … */
  topics: string[];
};

/** One rubric line: the answer earns `points` when it contains any of `keywords`. */
export type RubricItem = { keywords: string[]; points: number; label: string };

type QuestionBase = {
  id: string;
  stem: string;
  points: number;
  difficulty: Difficulty;
  tags: QuestionTags;
  /** Why the answer is right (解析); shown only when the results policy allows. */
  explanation: string;
};

export type ChoiceQuestion = QuestionBase & {
  type: 'single' | 'multiple';
  options: string[];
  /** Zero-based indexes of the correct options. */
  answer: number[];
};

export type TrueFalseQuestion = QuestionBase & { type: 'true_false'; answer: boolean };

export type FillBlankQuestion = QuestionBase & {
  type: 'fill_blank';
  /** One entry per blank; each lists the accepted alternatives. */
  answer: string[][];
};

export type ShortAnswerQuestion = QuestionBase & {
  type: 'short_answer';
  reference: string;
  rubric: RubricItem[];
};

export type ScenarioQuestion = QuestionBase & {
  type: 'scenario';
  /** What the buyer writes; the stem sets the scene. */
  buyerText: string;
  reference: string;
  rubric: RubricItem[];
  /** Rule ids a reply must not break; a broken rule scores 0. */
  forbiddenRules: string[];
};

export type CaseQuestion = QuestionBase & {
  type: 'case';
  material: string;
  subQuestions: Exclude<Question, CaseQuestion>[];
};

export type Question =
  | ChoiceQuestion
  | TrueFalseQuestion
  | FillBlankQuestion
  | ShortAnswerQuestion
  | ScenarioQuestion
  | CaseQuestion;
