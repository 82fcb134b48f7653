import type { Question } from '../exam/exam.types.js';
import { defaultImportConventions } from './importer.conventions.js';
import type { ParsedQuestion, ParsedQuestionType, QuestionFlag } from './importer.types.js';

/** Points given to a question whose paper states none; a setting, shown in the import preview. */
export type DefaultPoints = Record<ParsedQuestionType, number>;

export const defaultPointsByType: DefaultPoints = {
  single: 2,
  true_false: 2,
  multiple: 3,
  fill_blank: 3,
  short_answer: 4,
};

/** A question record for the import preview, with what the reviewer must still check. */
export type ImportedQuestion = { question: Question; flags: QuestionFlag[]; lines: [number, number] };

const letterIndexes = (letters: string[], optionCount: number): number[] =>
  letters.map((letter) => letter.charCodeAt(0) - 65).filter((index) => index >= 0 && index < optionCount);

type SingleQuestion = Exclude<Question, { type: 'case' }>;

// The buyer's words in a 话术题 stem: `买家说：“能便宜点吗？” 请写出回复` → 能便宜点吗？
const buyerQuote = /(?:买家|顾客|客户|亲)[^“"「]{0,8}[“"「]([^”"」]+)[”"」]/;

const toQuestion = (
  item: ParsedQuestion,
  id: string,
  points: DefaultPoints,
  scenarioWords: string[],
): SingleQuestion => {
  const base = {
    id,
    stem: item.stem,
    points: item.points ?? points[item.type],
    difficulty: 3 as const,
    tags: { rules: [], platforms: [], topics: [] },
    explanation: item.explanation ?? '',
  };
  const answer = item.answer;
  if (item.type === 'single' || item.type === 'multiple')
    return {
      ...base,
      type: item.type,
      options: item.options,
      answer: Array.isArray(answer) ? letterIndexes(answer, item.options.length) : [],
    };
  if (item.type === 'true_false') return { ...base, type: 'true_false', answer: answer === true };
  if (item.type === 'fill_blank')
    return {
      ...base,
      type: 'fill_blank',
      answer: Array.isArray(answer) ? answer.map((blank) => blank.split('/').map((alt) => alt.trim())) : [],
    };
  const reference = typeof answer === 'string' ? answer : '';
  const section = item.section ?? '';
  if (scenarioWords.some((word) => section.includes(word))) {
    const quoted = buyerQuote.exec(item.stem)?.[1]?.trim();
    return {
      ...base,
      type: 'scenario',
      buyerText: quoted ?? item.stem,
      reference,
      rubric: [],
      forbiddenRules: [],
    };
  }
  return { ...base, type: 'short_answer', reference, rubric: [] };
};

/** The case (案例分析) holding consecutive tasks that share one material. */
const caseOf = (
  id: string,
  tasks: { item: ParsedQuestion; question: SingleQuestion }[],
): ImportedQuestion => {
  const first = tasks[0]?.item;
  const material = first?.case?.material ?? '';
  const subQuestions = tasks.map(({ question }, index) => ({ ...question, id: `${id}.${index + 1}` }));
  const lines = tasks.flatMap(({ item }) => [...item.lines, ...(item.case?.lines ?? [])]);
  return {
    question: {
      id,
      type: 'case',
      stem: '阅读案例材料，回答下列问题。',
      material,
      subQuestions,
      points: subQuestions.reduce((sum, sub) => sum + sub.points, 0),
      difficulty: 3,
      tags: { rules: [], platforms: [], topics: [] },
      explanation: '',
    },
    flags: [...new Set(tasks.flatMap(({ item }) => item.flags))],
    lines: [Math.min(...lines), Math.max(...lines)],
  };
};

/**
 * Turns parsed questions into `Question` records of the exam model (letters → zero-based option
 * indexes, blanks → lists of accepted alternatives split on `/`). Tasks sharing a case material
 * become one case question; short answers of a 话术题 section become scenario questions (the
 * buyer's quoted words as the buyer's line). A missing answer stays visibly empty (`[]`, `''`, or
 * `false` for true/false) and the `no_answer` flag travels with the record.
 */
export const toQuestions = ({
  parsed,
  idPrefix,
  points = defaultPointsByType,
  scenarioWords = defaultImportConventions.scenarioWords,
}: {
  parsed: ParsedQuestion[];
  idPrefix: string;
  points?: DefaultPoints;
  scenarioWords?: string[];
}): ImportedQuestion[] => {
  const out: ImportedQuestion[] = [];
  let tasks: { item: ParsedQuestion; question: SingleQuestion }[] = [];
  const nextId = () => `${idPrefix}-${out.length + 1}`;
  const closeCase = () => {
    if (tasks.length > 0) out.push(caseOf(nextId(), tasks));
    tasks = [];
  };
  for (const item of parsed) {
    if (tasks.length > 0 && item.case?.id !== tasks[0]?.item.case?.id) closeCase();
    const question = toQuestion(item, nextId(), points, scenarioWords);
    if (item.case) tasks.push({ item, question });
    else out.push({ question, flags: item.flags, lines: item.lines });
  }
  closeCase();
  return out;
};
