import { type Issue, isPlatform } from '../shared/index.js';
import {
  type ChoiceQuestion,
  type FillBlankQuestion,
  type Question,
  questionTypes,
  type RubricItem,
} from './exam.types.js';

export type ValidateQuestionOptions = {
  /** Rule ids of the rule library; `tags.rules` and `forbiddenRules` may only use these. */
  knownRuleIds: readonly string[];
};

/**
 * The blank marker of a fill-in stem: full-width parentheses holding nothing but spaces
 * (`（ ）`, `（）`, `（　）`) or a run of three or more underscores (`____`). Half-width
 * `( )` is left out on purpose: stems use it for ordinary asides such as `(天)`.
 */
export const blankMarkerPattern = /（[\s\u3000]*）|_{3,}/g;

/** How many blanks a fill-in stem marks with {@link blankMarkerPattern}. */
export const countBlanks = (stem: string): number => stem.match(blankMarkerPattern)?.length ?? 0;

const minOptions = 2;
const maxOptions = 8;

type Context = { issues: Issue[]; id: string; prefix: string; knownRuleIds: ReadonlySet<string> };

const report = (ctx: Context, code: string, field: string, message: string) => {
  ctx.issues.push({
    code: `question.${code}`,
    message: `${ctx.id}: ${message}`,
    severity: 'error',
    at: { field: `${ctx.prefix}${field}` },
  });
};

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

const checkBase = (ctx: Context, question: Question) => {
  if (isBlank(question.id)) report(ctx, 'missing_id', 'id', 'the question has no id');
  if (isBlank(question.stem)) report(ctx, 'empty_stem', 'stem', 'the stem (题干) is empty');
  if (isBlank(question.explanation)) {
    report(ctx, 'empty_explanation', 'explanation', 'the explanation (解析) is empty');
  }
  if (typeof question.points !== 'number' || !(question.points > 0)) {
    report(ctx, 'bad_points', 'points', `points must be a positive number, got ${String(question.points)}`);
  }
  const difficulty: number = question.difficulty;
  if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 5) {
    report(
      ctx,
      'bad_difficulty',
      'difficulty',
      `difficulty must be an integer 1-5, got ${String(difficulty)}`,
    );
  }
  checkTags(ctx, question);
};

const checkTags = (ctx: Context, question: Question) => {
  const tags = question.tags;
  if (!tags || !Array.isArray(tags.rules) || !Array.isArray(tags.platforms) || !Array.isArray(tags.topics)) {
    report(ctx, 'bad_tags', 'tags', 'tags must hold the lists rules, platforms and topics');
    return;
  }
  checkRuleIds(ctx, 'tags.rules', tags.rules);
  tags.platforms.forEach((platform, index) => {
    if (!isPlatform(platform)) {
      report(ctx, 'unknown_platform', `tags.platforms[${index}]`, `"${platform}" is not a known platform`);
    }
  });
  tags.topics.forEach((topic, index) => {
    if (isBlank(topic)) report(ctx, 'empty_topic', `tags.topics[${index}]`, 'a topic tag is empty');
  });
};

const checkRuleIds = (ctx: Context, field: string, ruleIds: unknown) => {
  if (!Array.isArray(ruleIds)) {
    report(ctx, 'bad_rules', field, `${field} must be a list of rule ids`);
    return;
  }
  ruleIds.forEach((ruleId, index) => {
    if (typeof ruleId !== 'string' || !ctx.knownRuleIds.has(ruleId)) {
      report(
        ctx,
        'unknown_rule',
        `${field}[${index}]`,
        `"${String(ruleId)}" is not a rule id of the library`,
      );
    }
  });
};

const checkChoice = (ctx: Context, question: ChoiceQuestion) => {
  const { options, answer } = question;
  if (!Array.isArray(options) || options.length < minOptions || options.length > maxOptions) {
    const count = Array.isArray(options) ? options.length : 0;
    report(
      ctx,
      'option_count',
      'options',
      `a choice question needs ${minOptions}-${maxOptions} options, got ${count}`,
    );
  } else {
    options.forEach((option, index) => {
      if (isBlank(option)) report(ctx, 'empty_option', `options[${index}]`, `option ${index + 1} is empty`);
    });
    if (new Set(options.map((option) => option.trim())).size !== options.length) {
      report(ctx, 'duplicate_option', 'options', 'two options have the same text');
    }
  }
  if (!Array.isArray(answer)) {
    report(ctx, 'bad_answer', 'answer', 'the answer must be a list of option indexes');
    return;
  }
  const optionCount = Array.isArray(options) ? options.length : 0;
  answer.forEach((index, position) => {
    if (!Number.isInteger(index) || index < 0 || index >= optionCount) {
      report(ctx, 'answer_out_of_range', `answer[${position}]`, `answer index ${index} has no option`);
    }
  });
  if (new Set(answer).size !== answer.length)
    report(ctx, 'duplicate_answer', 'answer', 'an answer index repeats');
  if (question.type === 'single' && answer.length !== 1) {
    report(
      ctx,
      'single_answer_count',
      'answer',
      `a single-choice question has exactly one answer, got ${answer.length}`,
    );
  }
  if (question.type === 'multiple' && answer.length < 1) {
    report(ctx, 'multiple_answer_count', 'answer', 'a multiple-choice question needs at least one answer');
  }
};

const checkFillBlank = (ctx: Context, question: FillBlankQuestion) => {
  const blanks = typeof question.stem === 'string' ? countBlanks(question.stem) : 0;
  if (blanks === 0) report(ctx, 'no_blank', 'stem', 'the stem marks no blank with （ ） or ____');
  if (!Array.isArray(question.answer)) {
    report(ctx, 'bad_answer', 'answer', 'the answer must be one list of accepted texts per blank');
    return;
  }
  if (question.answer.length !== blanks) {
    report(
      ctx,
      'blank_count',
      'answer',
      `the stem marks ${blanks} blank(s) but ${question.answer.length} answer(s) are given`,
    );
  }
  question.answer.forEach((accepted, index) => {
    if (!Array.isArray(accepted) || accepted.length === 0 || accepted.some(isBlank)) {
      report(
        ctx,
        'empty_blank_answer',
        `answer[${index}]`,
        `blank ${index + 1} needs at least one non-empty accepted text`,
      );
    }
  });
};

const checkRubric = (ctx: Context, points: number, rubric: RubricItem[]) => {
  if (!Array.isArray(rubric) || rubric.length === 0) {
    report(ctx, 'empty_rubric', 'rubric', 'the rubric has no items');
    return;
  }
  rubric.forEach((item, index) => {
    if (isBlank(item.label))
      report(ctx, 'empty_rubric_label', `rubric[${index}].label`, 'a rubric item has no label');
    if (!Array.isArray(item.keywords) || item.keywords.length === 0 || item.keywords.some(isBlank)) {
      report(
        ctx,
        'empty_rubric_keywords',
        `rubric[${index}].keywords`,
        'a rubric item needs non-empty keywords',
      );
    }
    if (typeof item.points !== 'number' || !(item.points > 0)) {
      report(ctx, 'bad_rubric_points', `rubric[${index}].points`, 'a rubric item needs positive points');
    }
  });
  const sum = rubric.reduce((total, item) => total + (typeof item.points === 'number' ? item.points : 0), 0);
  if (Math.abs(sum - points) > 1e-9) {
    report(
      ctx,
      'rubric_sum',
      'rubric',
      `the rubric points sum to ${sum} but the question is worth ${points}`,
    );
  }
};

const checkText = (ctx: Context, field: string, value: unknown, what: string) => {
  if (isBlank(value)) report(ctx, `empty_${field}`, field, `${what} is empty`);
};

const checkQuestion = (ctx: Context, question: Question, depth: number) => {
  if (!(questionTypes as readonly string[]).includes(question.type)) {
    report(ctx, 'unknown_type', 'type', `"${String(question.type)}" is not a question type`);
    return;
  }
  checkBase(ctx, question);
  switch (question.type) {
    case 'single':
    case 'multiple':
      return checkChoice(ctx, question);
    case 'true_false':
      if (typeof question.answer !== 'boolean')
        report(ctx, 'bad_answer', 'answer', 'the answer must be true or false');
      return;
    case 'fill_blank':
      return checkFillBlank(ctx, question);
    case 'short_answer':
      checkText(ctx, 'reference', question.reference, 'the reference answer');
      return checkRubric(ctx, question.points, question.rubric);
    case 'scenario':
      checkText(ctx, 'buyerText', question.buyerText, "the buyer's line");
      checkText(ctx, 'reference', question.reference, 'the reference reply');
      checkRuleIds(ctx, 'forbiddenRules', question.forbiddenRules);
      return checkRubric(ctx, question.points, question.rubric);
    case 'case':
      return checkCase(ctx, question, depth);
  }
};

const checkCase = (ctx: Context, question: Extract<Question, { type: 'case' }>, depth: number) => {
  checkText(ctx, 'material', question.material, 'the case material');
  if (depth > 0) {
    report(ctx, 'nested_case', 'type', 'a case question cannot contain another case');
    return;
  }
  const subs = Array.isArray(question.subQuestions) ? question.subQuestions : [];
  if (subs.length === 0)
    report(ctx, 'no_sub_questions', 'subQuestions', 'a case needs at least one sub-question');
  subs.forEach((sub, index) => {
    const prefix = `${ctx.prefix}subQuestions[${index}].`;
    checkQuestion({ ...ctx, id: `${ctx.id} › ${sub.id}`, prefix }, sub, depth + 1);
  });
  const sum = subs.reduce((total, sub) => total + (typeof sub.points === 'number' ? sub.points : 0), 0);
  if (subs.length > 0 && Math.abs(sum - question.points) > 1e-9) {
    report(
      ctx,
      'case_points',
      'points',
      `the sub-questions sum to ${sum} points but the case is worth ${question.points}`,
    );
  }
};

/**
 * Checks one question against the model's invariants and returns every problem found (never throws):
 * texts present, option and answer counts, blanks matching answers, rubric points adding up to the
 * question's points, case sub-questions valid and summing to the case, difficulty 1-5, and rule ids
 * known to the rule library. Each issue names the question id and the field at fault.
 */
export const validateQuestion = (question: Question, { knownRuleIds }: ValidateQuestionOptions): Issue[] => {
  const ctx: Context = {
    issues: [],
    id: typeof question.id === 'string' && question.id !== '' ? question.id : '(no id)',
    prefix: '',
    knownRuleIds: new Set(knownRuleIds),
  };
  checkQuestion(ctx, question, 0);
  return ctx.issues;
};
