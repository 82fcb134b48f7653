import type { Question, RubricItem } from './exam.types.js';

// 判分. Objective questions are scored outright; short answers and scenario replies get a
// suggested score from their rubric that a supervisor confirms (阅卷). Scores are in the paper's
// points: a question worth 4 in the bank and 2 on the paper scores out of 2.

/**
 * What a candidate answered, in the bank's terms: choice answers are ORIGINAL option indexes,
 * fill-ins one text per blank, written answers a text, a case one answer per task index.
 */
export type CandidateAnswer =
  | number[]
  | boolean
  | string[]
  | string
  | { [task: string]: CandidateAnswer }
  | null;

export type Grade = {
  score: number;
  maxScore: number;
  /** Null while a person must judge it (written answers). */
  correct: boolean | null;
  needsReview: boolean;
  /** Labels of the rubric items the answer hit (and `违规:<rule>` when a forbidden rule fired). */
  rubricHits: string[];
};

export type GradeOptions = {
  /** 少选得半分: a multiple-choice answer that picks only right options, but not all, earns half. */
  multiplePartialCredit?: boolean;
  /** The rule ids a reply breaks (the compliance engine); a scenario breaking a forbidden one scores 0. */
  checkReply?: (text: string) => string[];
};

/** Fill-ins and keywords compare full-/half-width, case and spacing insensitively. */
export const normalizeAnswerText = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').trim();

const round = (value: number) => Math.round(value * 100) / 100;
const objective = (score: number, maxScore: number): Grade => ({
  score: round(score),
  maxScore,
  correct: score >= maxScore - 1e-9,
  needsReview: false,
  rubricHits: [],
});

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((value) => b.includes(value));

const choiceGrade = (
  key: number[],
  answer: CandidateAnswer,
  points: number,
  partial: boolean,
  multiple: boolean,
) => {
  const picked = Array.isArray(answer)
    ? [...new Set(answer.filter((value) => typeof value === 'number'))]
    : [];
  if (sameSet(picked, key)) return objective(points, points);
  const subset = picked.length > 0 && picked.every((value) => key.includes(value));
  return objective(multiple && partial && subset ? points / 2 : 0, points);
};

const fillGrade = (key: string[][], answer: CandidateAnswer, points: number) => {
  const given = Array.isArray(answer) ? answer : [];
  const right = key.filter((accepted, index) => {
    const text = given[index];
    if (typeof text !== 'string' || text.trim() === '') return false;
    const mine = normalizeAnswerText(text);
    return accepted.some((alternative) => normalizeAnswerText(alternative) === mine);
  }).length;
  return objective(key.length === 0 ? 0 : (points * right) / key.length, points);
};

const rubricGrade = (rubric: RubricItem[], bankPoints: number, text: string, points: number) => {
  const mine = normalizeAnswerText(text);
  const hits = rubric.filter((item) =>
    item.keywords.some((word) => mine.includes(normalizeAnswerText(word))),
  );
  const earned = hits.reduce((sum, item) => sum + item.points, 0);
  const scale = bankPoints > 0 ? points / bankPoints : 0;
  return { score: round(Math.min(points, earned * scale)), hits: hits.map((item) => item.label) };
};

const isEmptyText = (answer: CandidateAnswer): boolean => typeof answer !== 'string' || answer.trim() === '';

const writtenGrade = (
  question: Extract<Question, { type: 'short_answer' | 'scenario' }>,
  answer: CandidateAnswer,
  points: number,
  options: GradeOptions,
): Grade => {
  // Nothing written: nothing for a person to judge.
  if (isEmptyText(answer))
    return { score: 0, maxScore: points, correct: false, needsReview: false, rubricHits: [] };
  const text = answer as string;
  const suggested = rubricGrade(question.rubric, question.points, text, points);
  if (question.type === 'scenario' && options.checkReply) {
    const broken = options.checkReply(text).filter((rule) => question.forbiddenRules.includes(rule));
    if (broken.length > 0)
      return {
        score: 0,
        maxScore: points,
        correct: null,
        needsReview: true,
        rubricHits: broken.map((rule) => `违规:${rule}`),
      };
  }
  return {
    score: suggested.score,
    maxScore: points,
    correct: null,
    needsReview: true,
    rubricHits: suggested.hits,
  };
};

const caseGrade = (
  question: Extract<Question, { type: 'case' }>,
  answer: CandidateAnswer,
  points: number,
  options: GradeOptions,
): Grade => {
  const tasks = answer !== null && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
  const scale = question.points > 0 ? points / question.points : 0;
  const grades = question.subQuestions.map((sub, index) =>
    gradeAnswer({
      question: sub,
      points: sub.points * scale,
      answer: tasks[String(index)] ?? null,
      ...options,
    }),
  );
  const needsReview = grades.some((grade) => grade.needsReview);
  const score = round(grades.reduce((sum, grade) => sum + grade.score, 0));
  return {
    score,
    maxScore: points,
    correct: needsReview ? null : score >= points - 1e-9,
    needsReview,
    rubricHits: grades.flatMap((grade, index) => grade.rubricHits.map((hit) => `${index + 1}.${hit}`)),
  };
};

/** Scores one answer out of `points` (the paper's value of the question). */
export const gradeAnswer = ({
  question,
  points,
  answer,
  multiplePartialCredit = true,
  checkReply,
}: { question: Question; points: number; answer: CandidateAnswer } & GradeOptions): Grade => {
  const options: GradeOptions = { multiplePartialCredit, ...(checkReply ? { checkReply } : {}) };
  switch (question.type) {
    case 'single':
    case 'multiple':
      return choiceGrade(
        question.answer,
        answer,
        points,
        multiplePartialCredit,
        question.type === 'multiple',
      );
    case 'true_false':
      return objective(answer === question.answer ? points : 0, points);
    case 'fill_blank':
      return fillGrade(question.answer, answer, points);
    case 'short_answer':
    case 'scenario':
      return writtenGrade(question, answer, points, options);
    case 'case':
      return caseGrade(question, answer, points, options);
  }
};

/** An attempt's total and whether any answer still waits for a person. */
export const gradeAttempt = (grades: Grade[]): { score: number; maxScore: number; needsReview: boolean } => ({
  score: round(grades.reduce((sum, grade) => sum + grade.score, 0)),
  maxScore: round(grades.reduce((sum, grade) => sum + grade.maxScore, 0)),
  needsReview: grades.some((grade) => grade.needsReview),
});

/** 及格: the score reaches the pass mark. */
export const isPassed = (score: number, passMark: number): boolean => score >= passMark - 1e-9;
