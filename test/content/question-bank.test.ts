import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Question, QuestionType } from '../../src/domain/exam/exam.types.js';
import { questionTypes } from '../../src/domain/exam/exam.types.js';
import { validateQuestion } from '../../src/domain/exam/exam.validation.js';

// The built-in question bank (data/questions) and the default entry paper (data/papers) are content
// under version control; this test keeps them valid, varied and usable as the paper promises.

const root = resolve(import.meta.dirname, '../..');
const questionsFolder = join(root, 'data/questions');

/** The rule ids of the platform rule library (domain brief, rules.md) that questions may tag. */
const knownRuleIds = [
  'invoice',
  'offsite_contact',
  'offsite_payment',
  'privacy',
  'close_order',
  'free_shipping',
  'cod',
  'card_fee',
  'promise',
  'late_shipping',
  'price_change',
  'abuse',
  'blame_buyer',
  'flat_refusal',
  'no_greeting',
];

/** Topic tags documented in data/questions/README.md. */
const knownTopics = [
  'rules',
  'timings',
  'kpi',
  'service_flow',
  'after_sale',
  'pre_sale',
  'platform_pdd',
  'platform_douyin',
  'platform_jd',
  'levels',
  'etiquette',
];

const minimumPerType: Record<QuestionType, number> = {
  single: 70,
  multiple: 35,
  true_false: 45,
  fill_blank: 20,
  short_answer: 10,
  scenario: 15,
  case: 5,
};

type BankFile = { file: string; title: string; questions: Question[] };

type Draw = { count: number; tags?: string[]; difficulty?: [number, number] };
type PaperSection = {
  title: string;
  type: QuestionType;
  pointsEach: number;
  questionIds?: string[];
  draw?: Draw;
};
type Paper = {
  id: string;
  title: string;
  description: string;
  timeLimitMinutes: number;
  passMark: number;
  sections: PaperSection[];
};

const loadBank = (): BankFile[] =>
  readdirSync(questionsFolder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(readFileSync(join(questionsFolder, file), 'utf8')) as Omit<BankFile, 'file'>;
      return { file, ...parsed };
    });

const bank = loadBank();
const questions = bank.flatMap((entry) => entry.questions);
const paper = JSON.parse(readFileSync(join(root, 'data/papers/entry-exam.json'), 'utf8')) as Paper;

const allTags = (question: Question) => [
  ...question.tags.rules,
  ...question.tags.platforms,
  ...question.tags.topics,
];

/** Questions a section may use: its type, any of its tags (if given), inside its difficulty range. */
const eligible = (section: PaperSection): Question[] => {
  if (section.questionIds) {
    return questions.filter((question) => section.questionIds?.includes(question.id));
  }
  const draw = section.draw;
  return questions.filter((question) => {
    if (question.type !== section.type) return false;
    if (draw?.tags && !allTags(question).some((tag) => draw.tags?.includes(tag))) return false;
    const [min, max] = draw?.difficulty ?? [1, 5];
    return question.difficulty >= min && question.difficulty <= max;
  });
};

const sectionCount = (section: PaperSection) => section.questionIds?.length ?? section.draw?.count ?? 0;

/**
 * Hall's condition: every group of sections together asks for no more questions than their pools
 * hold between them, so distinct questions can fill every section at once.
 */
const unsatisfiableGroups = (sections: PaperSection[]): string[] => {
  const found: string[] = [];
  for (let mask = 1; mask < 1 << sections.length; mask++) {
    const group = sections.filter((_, index) => (mask >> index) & 1);
    const wanted = group.reduce((sum, section) => sum + sectionCount(section), 0);
    const pool = new Set(group.flatMap((section) => eligible(section).map((question) => question.id)));
    if (pool.size < wanted)
      found.push(`${group.map((s) => s.title).join(' + ')}: wants ${wanted}, has ${pool.size}`);
  }
  return found;
};

describe('built-in question bank', () => {
  test('every bank file has a title and at least one question', () => {
    expect(bank.length).toBeGreaterThanOrEqual(10);
    for (const entry of bank) {
      expect(entry.title, entry.file).toBeTruthy();
      expect(entry.questions.length, entry.file).toBeGreaterThan(0);
    }
  });

  test('every question validates against the question model', () => {
    const issues = bank.flatMap((entry) =>
      entry.questions.flatMap((question) =>
        validateQuestion(question, { knownRuleIds }).map(
          (issue) => `${entry.file}: ${issue.message} (${issue.at?.field})`,
        ),
      ),
    );
    expect(issues).toEqual([]);
  });

  test('question ids are unique and follow q-<topic>-<nnn>, sub-questions <case id>-<n>', () => {
    const ids = questions.flatMap((question) => [
      question.id,
      ...(question.type === 'case' ? question.subQuestions.map((sub) => sub.id) : []),
    ]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(questions.filter((question) => !/^q-[a-z]+-\d{3}$/.test(question.id)).map((q) => q.id)).toEqual(
      [],
    );
    const badSubs = questions.flatMap((question) =>
      question.type === 'case'
        ? question.subQuestions.filter((sub) => !sub.id.startsWith(`${question.id}-`)).map((sub) => sub.id)
        : [],
    );
    expect(badSubs).toEqual([]);
  });

  test('the bank holds at least 200 questions and the minimum of every question type', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    const counts = Object.fromEntries(
      questionTypes.map((type) => [type, questions.filter((question) => question.type === type).length]),
    );
    for (const type of questionTypes) {
      expect(counts[type], type).toBeGreaterThanOrEqual(minimumPerType[type]);
    }
  });

  test('every platform rule id is tagged on at least two questions', () => {
    const tagged = (ruleId: string) =>
      questions.filter((question) => question.tags.rules.includes(ruleId)).length;
    const rare = knownRuleIds.filter((ruleId) => tagged(ruleId) < 2);
    expect(rare).toEqual([]);
  });

  test('every question carries at least one documented topic and no other', () => {
    const withSubs = questions.flatMap((question) =>
      question.type === 'case' ? [question, ...question.subQuestions] : [question],
    );
    expect(withSubs.filter((question) => question.tags.topics.length === 0).map((q) => q.id)).toEqual([]);
    const unknown = withSubs.flatMap((question) =>
      question.tags.topics
        .filter((topic) => !knownTopics.includes(topic))
        .map((topic) => `${question.id}: ${topic}`),
    );
    expect(unknown).toEqual([]);
  });

  test('every reference answer earns every point of its own rubric', () => {
    const graded = questions.flatMap((question) =>
      question.type === 'case' ? [question, ...question.subQuestions] : [question],
    );
    const missed = graded.flatMap((question) =>
      question.type === 'scenario' || question.type === 'short_answer'
        ? question.rubric
            .filter((item) => !item.keywords.some((keyword) => question.reference.includes(keyword)))
            .map((item) => `${question.id}: ${item.label}`)
        : [],
    );
    expect(missed).toEqual([]);
  });

  test('difficulty is spread: every level from 1 to 5 is used', () => {
    for (const level of [1, 2, 3, 4, 5]) {
      expect(
        questions.some((question) => question.difficulty === level),
        `difficulty ${level}`,
      ).toBe(true);
    }
  });
});

describe('default entry paper (上岗考试)', () => {
  test('it totals 100 points, passes at 80 and lasts 60 minutes', () => {
    const total = paper.sections.reduce(
      (sum, section) => sum + sectionCount(section) * section.pointsEach,
      0,
    );
    expect(total).toBe(100);
    expect(paper.passMark).toBe(80);
    expect(paper.timeLimitMinutes).toBe(60);
    expect(paper.title).toBeTruthy();
  });

  test('every section either fixes question ids of its type or draws a positive count', () => {
    for (const section of paper.sections) {
      expect(questionTypes, section.title).toContain(section.type);
      expect(Boolean(section.questionIds) !== Boolean(section.draw), section.title).toBe(true);
      if (section.questionIds) {
        const found = eligible(section);
        expect(found.map((question) => question.id).sort(), section.title).toEqual(
          [...section.questionIds].sort(),
        );
        expect(
          found.every((question) => question.type === section.type),
          section.title,
        ).toBe(true);
      }
      if (section.draw) expect(section.draw.count, section.title).toBeGreaterThan(0);
    }
  });

  test('the bank can fill every section with distinct questions at the same time', () => {
    expect(unsatisfiableGroups(paper.sections)).toEqual([]);
  });

  test('a drawn scenario is worth the points its section gives', () => {
    const scenarioSections = paper.sections.filter((section) => section.type === 'scenario');
    for (const section of scenarioSections) {
      const mismatched = eligible(section).filter((question) => question.points !== section.pointsEach);
      expect(
        mismatched.map((question) => question.id),
        section.title,
      ).toEqual([]);
    }
  });
});
