import type { PreviewQuestion, Question, QuestionType } from '../../api/questions.api.js';

/** One question under review: what the server read, plus what the reviewer changed. */
export type ReviewItem = PreviewQuestion & {
  /** Problems to show: the server's (validateQuestion, import refusals) until the reviewer edits. */
  serverErrors: string[];
  /** The reviewer set or confirmed the answer, which clears 未识别答案. */
  answerConfirmed: boolean;
};

// Server checks the review list already says in Chinese (and re-checks as the reviewer types).
const checkedLocally = new Set(
  ['empty_explanation', 'empty_rubric', 'empty_reference', 'empty_buyerText', 'empty_material'].map(
    (code) => `question.${code}`,
  ),
);

export const toReviewItems = (questions: PreviewQuestion[]): ReviewItem[] =>
  questions.map((item) => ({
    ...item,
    serverErrors: item.issues
      .filter((issue) => !checkedLocally.has(issue.code))
      .map((issue) => issue.message),
    answerConfirmed: !item.flags.includes('no_answer'),
  }));

/** The flags still worth showing: 未识别答案 goes once the reviewer sets the answer. */
export const visibleFlags = (item: ReviewItem) =>
  item.flags.filter((flag) => flag !== 'no_answer' || !item.answerConfirmed);

/** The types a reviewer may turn a question into (a case is read from the paper, not chosen). */
export const editableTypes: QuestionType[] = [
  'single',
  'multiple',
  'true_false',
  'fill_blank',
  'short_answer',
  'scenario',
];

const base = (question: Question) => ({
  id: question.id,
  stem: question.stem,
  points: question.points,
  difficulty: question.difficulty,
  tags: question.tags,
  explanation: question.explanation,
});

const optionsOf = (question: Question): string[] =>
  question.type === 'single' || question.type === 'multiple' ? question.options : [];

/** The question re-shaped as another type, keeping what carries over (stem, options, 解析). */
export const changeType = (question: Question, type: QuestionType): Question => {
  if (type === question.type) return question;
  const common = base(question);
  if (type === 'single' || type === 'multiple') {
    const answer = question.type === 'single' || question.type === 'multiple' ? question.answer : [];
    return {
      ...common,
      type,
      options: optionsOf(question),
      answer: type === 'single' ? answer.slice(0, 1) : answer,
    };
  }
  if (type === 'true_false') return { ...common, type, answer: true };
  if (type === 'fill_blank') return { ...common, type, answer: [] };
  const written = question.type === 'short_answer' || question.type === 'scenario' ? question : null;
  const reference = written?.reference ?? '';
  const rubric = written?.rubric ?? [];
  if (type === 'scenario')
    return { ...common, type, buyerText: question.stem, reference, rubric, forbiddenRules: [] };
  return { ...common, type: 'short_answer', reference, rubric };
};

/** What a question (or a case's task) still lacks, in the reviewer's words. */
const questionErrors = (question: Question): string[] => {
  const errors: string[] = [];
  if (question.type === 'single' || question.type === 'multiple') {
    if (question.options.filter((option) => option.trim()).length < 2) errors.push('选择题至少需要 2 个选项');
    if (question.answer.length === 0) errors.push('请选择正确答案');
    if (question.type === 'single' && question.answer.length > 1) errors.push('单选题只能有一个答案');
  }
  if (
    question.type === 'fill_blank' &&
    (question.answer.length === 0 || question.answer.some((blank) => blank.length === 0))
  )
    errors.push('请填写每一空的答案');
  if (question.type === 'short_answer' || question.type === 'scenario') {
    if (question.type === 'scenario' && !question.buyerText.trim()) errors.push('请填写买家的话');
    if (!question.reference.trim()) errors.push('请填写参考答案');
    if (question.rubric.length === 0) errors.push('请填写评分关键词');
  }
  if (question.type === 'case') {
    if (!question.material.trim()) errors.push('请填写案例材料');
    question.subQuestions.forEach((sub, index) => {
      for (const error of questionErrors(sub)) errors.push(`第 ${index + 1} 小题：${error}`);
    });
  }
  if (!question.explanation.trim()) errors.push('请填写解析');
  return errors;
};

/** What still blocks the import of this question, in the reviewer's words. */
export const localErrors = (item: ReviewItem): string[] => [
  ...(item.answerConfirmed ? [] : ['未识别答案：请设置答案']),
  ...questionErrors(item.question),
  ...item.serverErrors,
];

/** A case's points follow its tasks (the server refuses a case whose tasks sum to other points). */
export const withCasePoints = (question: Question): Question =>
  question.type === 'case'
    ? { ...question, points: question.subQuestions.reduce((sum, sub) => sum + sub.points, 0) }
    : question;

/** Import refusals name `body.questions[i].field`; each goes back to its question. */
export const errorsByIndex = (details: unknown): Map<number, string[]> => {
  const map = new Map<number, string[]>();
  if (!Array.isArray(details)) return map;
  for (const detail of details) {
    const path = typeof detail?.path === 'string' ? detail.path : '';
    const match = /^body\.questions\[(\d+)\]/.exec(path);
    if (!match) continue;
    const index = Number(match[1]);
    map.set(index, [...(map.get(index) ?? []), String(detail.message ?? path)]);
  }
  return map;
};
