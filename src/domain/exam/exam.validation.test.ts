import { describe, expect, test } from 'vitest';
import type {
  CaseQuestion,
  ChoiceQuestion,
  FillBlankQuestion,
  Question,
  ScenarioQuestion,
  ShortAnswerQuestion,
  TrueFalseQuestion,
} from './exam.types.js';
import { countBlanks, validateQuestion } from './exam.validation.js';

const knownRuleIds = ['invoice', 'offsite_contact', 'privacy'];
const codes = (question: Question) => validateQuestion(question, { knownRuleIds }).map((issue) => issue.code);

const base = {
  stem: '买家付款后可以免费索要发票吗？',
  points: 2,
  difficulty: 2 as const,
  tags: { rules: ['invoice'], platforms: ['tmall' as const], topics: ['rules'] },
  explanation: '付过款的买家都可以免费索要发票。',
};

const single = (overrides: Partial<ChoiceQuestion> = {}): ChoiceQuestion => ({
  ...base,
  id: 'q-test-001',
  type: 'single',
  options: ['可以', '不可以', '加税点才可以', '只开收据'],
  answer: [0],
  ...overrides,
});

const fill = (overrides: Partial<FillBlankQuestion> = {}): FillBlankQuestion => ({
  ...base,
  id: 'q-test-002',
  type: 'fill_blank',
  stem: '发票金额等于买家实付的（ ）金额，不含____。',
  points: 3,
  answer: [['货款', '商品'], ['运费']],
  ...overrides,
});

const scenario = (overrides: Partial<ScenarioQuestion> = {}): ScenarioQuestion => ({
  ...base,
  id: 'q-test-003',
  type: 'scenario',
  stem: '买家询问能否开发票。',
  buyerText: '能开发票吗？',
  reference: '亲，可以的，按您实付金额开具，我们包邮寄出。',
  rubric: [
    { label: '答应开票', keywords: ['可以'], points: 3 },
    { label: '说明金额', keywords: ['实付'], points: 2 },
  ],
  forbiddenRules: ['invoice'],
  points: 5,
  ...overrides,
});

describe('validateQuestion', () => {
  test('when a single-choice question is complete, no issue is reported', () => {
    expect(codes(single())).toEqual([]);
  });

  test('when the stem or the explanation is blank, each is reported with its field', () => {
    const issues = validateQuestion(single({ stem: '  ', explanation: '' }), { knownRuleIds });
    expect(issues.map((issue) => [issue.code, issue.at?.field])).toEqual([
      ['question.empty_stem', 'stem'],
      ['question.empty_explanation', 'explanation'],
    ]);
    expect(issues[0]?.message).toContain('q-test-001');
  });

  test('when a choice question has one option or nine, the option count is reported', () => {
    expect(codes(single({ options: ['可以'], answer: [0] }))).toContain('question.option_count');
    const nine = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    expect(codes(single({ options: nine, answer: [0] }))).toEqual(['question.option_count']);
  });

  test('when an answer index points past the options, it is reported as out of range', () => {
    expect(codes(single({ answer: [4] }))).toEqual(['question.answer_out_of_range']);
  });

  test('when a single-choice question has two answers, it is reported', () => {
    expect(codes(single({ answer: [0, 1] }))).toEqual(['question.single_answer_count']);
  });

  test('when a multiple-choice question has exactly one answer (不定项), it is accepted', () => {
    expect(codes(single({ type: 'multiple', answer: [2] }))).toEqual([]);
    expect(codes(single({ type: 'multiple', answer: [] }))).toEqual(['question.multiple_answer_count']);
  });

  test('when two options read the same, it is reported', () => {
    expect(codes(single({ options: ['可以', '可以 '] }))).toEqual(['question.duplicate_option']);
  });

  test('when a true/false answer is not a boolean, it is reported', () => {
    const question = {
      ...base,
      id: 'q-tf',
      type: 'true_false',
      answer: 'yes',
    } as unknown as TrueFalseQuestion;
    expect(codes(question)).toEqual(['question.bad_answer']);
  });

  test('when a fill-in stem marks as many blanks as there are answers, it is accepted', () => {
    expect(codes(fill())).toEqual([]);
    expect(countBlanks('自动确认收货的时间是（　）天，（）天')).toBe(2);
  });

  test('when a fill-in stem marks two blanks but one answer is given, the mismatch is reported', () => {
    expect(codes(fill({ answer: [['货款']] }))).toEqual(['question.blank_count']);
    expect(codes(fill({ stem: '发票金额等于实付金额。', answer: [] }))).toEqual(['question.no_blank']);
  });

  test('when a blank accepts no text, it is reported', () => {
    expect(codes(fill({ answer: [['货款'], []] }))).toEqual(['question.empty_blank_answer']);
  });

  test('when rubric points do not add up to the question points, the sums are named', () => {
    const issues = validateQuestion(scenario({ points: 6 }), { knownRuleIds });
    expect(issues.map((issue) => issue.code)).toEqual(['question.rubric_sum']);
    expect(issues[0]?.message).toContain('5');
  });

  test('when a scenario forbids a rule the library does not know, it is reported', () => {
    expect(codes(scenario({ forbiddenRules: ['invoice', 'bribe'] }))).toEqual(['question.unknown_rule']);
  });

  test('when a short answer has no reference, it is reported', () => {
    const question: ShortAnswerQuestion = {
      ...base,
      id: 'q-sa',
      type: 'short_answer',
      points: 5,
      reference: '',
      rubric: [{ label: '要点', keywords: ['发票'], points: 5 }],
    };
    expect(codes(question)).toEqual(['question.empty_reference']);
  });

  test('when tags name an unknown rule or platform, both are reported', () => {
    const tags = {
      rules: ['invoce'],
      platforms: ['ebay'],
      topics: ['rules'],
    } as unknown as ChoiceQuestion['tags'];
    expect(codes(single({ tags }))).toEqual(['question.unknown_rule', 'question.unknown_platform']);
  });

  test('when difficulty is 0 or 6, it is reported', () => {
    expect(codes(single({ difficulty: 0 as unknown as 1 }))).toEqual(['question.bad_difficulty']);
    expect(codes(single({ difficulty: 6 as unknown as 1 }))).toEqual(['question.bad_difficulty']);
  });

  test('when a case sub-question is invalid, the issue points into the sub-question', () => {
    const question: CaseQuestion = {
      ...base,
      id: 'q-case-001',
      type: 'case',
      material: '某客服当天询单 50 人，付款 20 人。',
      points: 4,
      subQuestions: [single({ id: 'q-case-001-1', answer: [9] }), single({ id: 'q-case-001-2' })],
    };
    const issues = validateQuestion(question, { knownRuleIds });
    expect(issues.map((issue) => [issue.code, issue.at?.field])).toEqual([
      ['question.answer_out_of_range', 'subQuestions[0].answer[0]'],
    ]);
  });

  test('when the case points differ from the sum of its sub-questions, it is reported', () => {
    const question: CaseQuestion = {
      ...base,
      id: 'q-case-002',
      type: 'case',
      material: '材料',
      points: 5,
      subQuestions: [single({ id: 'q-case-002-1' })],
    };
    expect(codes(question)).toEqual(['question.case_points']);
  });

  test('when the type is unknown, only that is reported', () => {
    const question = { ...single(), type: 'essay' } as unknown as Question;
    expect(codes(question)).toEqual(['question.unknown_type']);
  });
});
