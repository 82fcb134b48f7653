import type { Issue } from '../shared/index.js';
import { type Question, type QuestionType, questionTypes } from './exam.types.js';

// 组卷: a paper spec (fixed questions or random draws per section, points, pass mark, time limit,
// attempts, shuffling, when results are released) composed into the questions one attempt sits.

/** One part of a paper: fixed questions in order, or `draw.count` random questions of its type. */
export type PaperSection = {
  title: string;
  type: QuestionType;
  pointsEach: number;
  questionIds?: string[];
  /** Tags match any of a question's rule ids, platforms or topics; difficulty is an inclusive range. */
  draw?: { count: number; tags?: string[]; difficulty?: [number, number] };
};

/** When a candidate sees the score (成绩) or the key and explanations (答案与解析). */
export type ReleasePolicy = 'on_submit' | 'after_close' | 'never';

export type PaperSpec = {
  title: string;
  description: string;
  sections: PaperSection[];
  passMark: number;
  timeLimitMinutes: number;
  /** 0 = unlimited. */
  attemptsAllowed: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showScore: ReleasePolicy;
  showKey: ReleasePolicy;
  /** Passing certifies the agent for duty (上岗). */
  certifies: boolean;
};

/** A bank question at the version a paper may use. */
export type BankEntry = { id: string; version: number; question: Question };

/**
 * One question of one attempt: `key` (`q1`…) is stable within the attempt; `optionOrder[i]` is
 * the original index of the option shown i-th (null: original order).
 */
export type PaperQuestion = {
  key: string;
  questionId: string;
  version: number;
  section: number;
  points: number;
  optionOrder: number[] | null;
};

export type PaperIssue = Issue & { at?: { section?: number } };

const issue = (code: string, message: string, section?: number): PaperIssue => ({
  code: `paper.${code}`,
  message,
  severity: 'error',
  ...(section === undefined ? {} : { at: { section } }),
});

const sectionCount = (section: PaperSection) => section.questionIds?.length ?? section.draw?.count ?? 0;

/** The total points of a spec. */
export const paperTotal = (spec: PaperSpec): number =>
  spec.sections.reduce((sum, section) => sum + sectionCount(section) * section.pointsEach, 0);

const sectionIssues = (section: PaperSection, index: number): PaperIssue[] => {
  const issues: PaperIssue[] = [];
  const name = `第 ${index + 1} 部分`;
  if (!(questionTypes as readonly string[]).includes(section.type))
    issues.push(issue('unknown_type', `${name}的题型未知：${String(section.type)}`, index));
  if (!(section.pointsEach > 0)) issues.push(issue('points', `${name}每题分值须大于 0`, index));
  if (section.questionIds === undefined && section.draw === undefined)
    issues.push(issue('empty_section', `${name}既没有指定试题，也没有抽题规则`, index));
  else if (section.questionIds !== undefined && section.draw !== undefined)
    issues.push(issue('fixed_and_draw', `${name}只能指定试题或设置抽题规则，不能两者都有`, index));
  else if (sectionCount(section) <= 0) issues.push(issue('empty_section', `${name}没有试题`, index));
  else if (!Number.isInteger(sectionCount(section)))
    issues.push(issue('draw_count', `${name}的抽题数须为正整数`, index));
  const range = section.draw?.difficulty;
  if (range && (range[0] > range[1] || range[0] < 1 || range[1] > 5))
    issues.push(issue('difficulty', `${name}的难度范围应在 1-5 之间且从小到大`, index));
  return issues;
};

/** What is wrong with a spec on its own (the bank is checked by composePaper). */
export const validatePaperSpec = (spec: PaperSpec): PaperIssue[] => {
  const issues: PaperIssue[] = [];
  if (!spec.title.trim()) issues.push(issue('title', '试卷需要标题'));
  if (spec.sections.length === 0) issues.push(issue('no_sections', '试卷至少需要一个部分'));
  issues.push(...spec.sections.flatMap((section, index) => sectionIssues(section, index)));
  const total = paperTotal(spec);
  if (!(spec.passMark > 0) || spec.passMark > total)
    issues.push(issue('pass_mark', `及格分应大于 0 且不超过总分 ${total}`));
  if (!(spec.timeLimitMinutes > 0)) issues.push(issue('time_limit', '考试时长须大于 0 分钟'));
  if (!Number.isInteger(spec.attemptsAllowed) || spec.attemptsAllowed < 0)
    issues.push(issue('attempts', '允许次数须为 0（不限）或正整数'));
  return issues;
};

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same paper. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** Fisher-Yates on a copy. */
export const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

const tagsOf = (question: Question) =>
  new Set<string>([...question.tags.rules, ...question.tags.platforms, ...question.tags.topics]);

const drawable = (
  entry: BankEntry,
  section: PaperSection,
  taken: Set<string>,
  fixed: Set<string>,
): boolean => {
  const { question } = entry;
  if (question.type !== section.type || taken.has(entry.id) || fixed.has(entry.id)) return false;
  const draw = section.draw;
  const range = draw?.difficulty;
  if (range && (question.difficulty < range[0] || question.difficulty > range[1])) return false;
  if (draw?.tags && draw.tags.length > 0) {
    const own = tagsOf(question);
    if (!draw.tags.some((tag) => own.has(tag))) return false;
  }
  return true;
};

const pickSection = (
  section: PaperSection,
  index: number,
  bank: BankEntry[],
  taken: Set<string>,
  fixed: Set<string>,
  random: () => number,
): { chosen: BankEntry[]; issues: PaperIssue[] } => {
  const name = `「${section.title}」`;
  if (section.questionIds) {
    const byId = new Map(bank.map((entry) => [entry.id, entry]));
    const issues: PaperIssue[] = [];
    const chosen: BankEntry[] = [];
    for (const id of section.questionIds) {
      const entry = byId.get(id);
      if (!entry) issues.push(issue('missing_question', `${name}中的试题 ${id} 不在题库中`, index));
      else if (taken.has(id)) issues.push(issue('repeated_question', `试题 ${id} 在试卷中出现了两次`, index));
      else if (entry.question.type !== section.type)
        issues.push(issue('type_mismatch', `${name}中的试题 ${id} 不是该部分的题型`, index));
      else {
        chosen.push(entry);
        taken.add(id);
      }
    }
    return { chosen, issues };
  }
  const count = section.draw?.count ?? 0;
  const candidates = bank.filter((entry) => drawable(entry, section, taken, fixed));
  const issues =
    candidates.length < count
      ? [issue('draw_short', `${name}需要 ${count} 道题，符合条件的只有 ${candidates.length} 道`, index)]
      : [];
  return { chosen: shuffled(candidates, random).slice(0, count), issues };
};

const optionCount = (question: Question) =>
  question.type === 'single' || question.type === 'multiple' ? question.options.length : 0;

/**
 * Composes the questions of one attempt: fixed questions in order, draws at random from the bank
 * (never the same question twice), question order and option order shuffled when the spec asks.
 * Deterministic for a seed. Draws the bank cannot fill are issues, and the paper is shorter.
 */
export const composePaper = ({
  spec,
  bank,
  seed,
}: {
  spec: PaperSpec;
  bank: BankEntry[];
  seed: number;
}): { result: PaperQuestion[]; issues: PaperIssue[] } => {
  const random = seededRandom(seed);
  const taken = new Set<string>();
  // Fixed questions are kept out of every draw, also of draws in earlier sections.
  const fixed = new Set(spec.sections.flatMap((section) => section.questionIds ?? []));
  const issues: PaperIssue[] = [];
  const picked: { entry: BankEntry; section: number; points: number }[] = [];
  spec.sections.forEach((section, index) => {
    const { chosen, issues: found } = pickSection(section, index, bank, taken, fixed, random);
    issues.push(...found);
    for (const entry of chosen) {
      taken.add(entry.id);
      picked.push({ entry, section: index, points: section.pointsEach });
    }
  });
  // Questions shuffle within their section, so a paper keeps its 一、二、三 parts in order.
  const ordered = spec.shuffleQuestions
    ? spec.sections.flatMap((_, index) =>
        shuffled(
          picked.filter((item) => item.section === index),
          random,
        ),
      )
    : picked;
  const result = ordered.map(({ entry, section, points }, position) => {
    const count = optionCount(entry.question);
    const order = Array.from({ length: count }, (_, option) => option);
    return {
      key: `q${position + 1}`,
      questionId: entry.id,
      version: entry.version,
      section,
      points,
      optionOrder: spec.shuffleOptions && count > 1 ? shuffled(order, random) : null,
    };
  });
  return { result, issues };
};
