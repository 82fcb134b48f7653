import type { CandidateAnswer, PaperQuestion, Question } from '../../domain/exam/index.js';

// Candidates see a choice question's options in the attempt's order (PaperQuestion.optionOrder),
// so the HTTP API speaks in displayed indexes; grading, the answer key and the item analysis
// speak in the bank's original indexes. This file is the one place that translates.

const maxTextLength = 20_000;
const maxBlankLength = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const indexProblem = (value: unknown, count: number, single: boolean): string | null => {
  if (!Array.isArray(value)) return '选择题的答案是选项序号的数组';
  if (!value.every((index) => Number.isInteger(index) && index >= 0 && index < count))
    return `选项序号须在 0 到 ${count - 1} 之间`;
  if (new Set(value).size !== value.length) return '选项序号重复';
  if (single && value.length > 1) return '单选题只能选一个选项';
  return null;
};

/** Why `answer` cannot be an answer to `question` (shape only, never correctness), or null. */
export const answerProblem = (question: Question, answer: unknown): string | null => {
  if (answer === null) return null;
  switch (question.type) {
    case 'single':
    case 'multiple':
      return indexProblem(answer, question.options.length, question.type === 'single');
    case 'true_false':
      return typeof answer === 'boolean' ? null : '判断题的答案是 true 或 false';
    case 'fill_blank':
      if (!Array.isArray(answer) || !answer.every((blank) => typeof blank === 'string'))
        return '填空题的答案是每个空的文字组成的数组';
      if (answer.length > question.answer.length) return `本题只有 ${question.answer.length} 个空`;
      return answer.some((blank) => blank.length > maxBlankLength) ? `每个空最多 ${maxBlankLength} 字` : null;
    case 'short_answer':
    case 'scenario':
      if (typeof answer !== 'string') return '答案是一段文字';
      return answer.length > maxTextLength ? `答案最多 ${maxTextLength} 字` : null;
    case 'case': {
      if (!isRecord(answer)) return '案例题的答案是 { 小题序号: 答案 }';
      for (const [index, sub] of Object.entries(answer)) {
        const subQuestion = question.subQuestions[Number(index)];
        if (!/^\d+$/.test(index) || !subQuestion) return `没有第 ${index} 小题`;
        const problem = answerProblem(subQuestion, sub);
        if (problem) return `第 ${Number(index) + 1} 小题：${problem}`;
      }
      return null;
    }
  }
};

const original = (order: number[] | null, displayed: number[]) =>
  displayed.map((index) => (order ? (order[index] ?? index) : index)).sort((a, b) => a - b);

const displayedIndexes = (order: number[] | null, originals: number[]) =>
  originals.map((index) => (order ? order.indexOf(index) : index)).sort((a, b) => a - b);

/** A saved answer in the bank's terms (original option indexes), ready for gradeAnswer. */
export const toGradable = (question: Question, entry: PaperQuestion, answer: unknown): CandidateAnswer => {
  if (answer === null || answer === undefined || answerProblem(question, answer) !== null) return null;
  if ((question.type === 'single' || question.type === 'multiple') && Array.isArray(answer))
    return original(entry.optionOrder, answer as number[]);
  return answer as CandidateAnswer;
};

/** The answer key as the candidate's page shows it: option indexes in the attempt's order. */
export const answerKeyOf = (question: Question, entry: PaperQuestion | null): unknown => {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return displayedIndexes(entry?.optionOrder ?? null, question.answer);
    case 'true_false':
    case 'fill_blank':
      return question.answer;
    case 'short_answer':
    case 'scenario':
      return question.reference;
    case 'case':
      return Object.fromEntries(
        question.subQuestions.map((sub, index) => [String(index), answerKeyOf(sub, null)]),
      );
  }
};

/** A question placed as the bank has it (no shuffle), for the 错题本 and practice outside an attempt. */
export const unshuffled = (questionId: string, version: number, points: number): PaperQuestion => ({
  key: questionId,
  questionId,
  version,
  section: 0,
  points,
  optionOrder: null,
});

const letters = (indexes: number[]) => indexes.map((index) => String.fromCharCode(65 + index)).join('');

/** The response as the item analysis counts it: option letters (A, AC) or 对/错; else undefined. */
export const responseLabel = (question: Question, answer: CandidateAnswer): string | undefined => {
  if (answer === null) return undefined;
  if ((question.type === 'single' || question.type === 'multiple') && Array.isArray(answer))
    return letters(answer as number[]) || undefined;
  if (question.type === 'true_false' && typeof answer === 'boolean') return answer ? '对' : '错';
  return undefined;
};
