import { createHash } from 'node:crypto';
import { type Question, validateQuestion } from '../../domain/exam/index.js';
import type { Issue } from '../../domain/shared/index.js';
import { loadRuleLibrary } from '../../io/rules/index.js';

let ruleIds: string[] | undefined;

/** Rule ids of the built-in rule library: the only ones a question may tag or forbid. */
export const knownRuleIds = (): string[] => {
  ruleIds ??= loadRuleLibrary().result.map((rule) => rule.id);
  return ruleIds;
};

/** validateQuestion against the built-in rule library. */
export const checkQuestion = (question: Question): Issue[] =>
  validateQuestion(question, { knownRuleIds: knownRuleIds() });

// Keys sorted at every level, so the same content always hashes the same.
const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** sha256 of the question's content; equal content gives an equal hash whatever the key order. */
export const contentHash = (question: Question): string =>
  createHash('sha256').update(stableJson(question)).digest('hex');

const texts = (question: Question): string[] => {
  const own = [question.stem, question.explanation];
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [...own, ...question.options];
    case 'fill_blank':
      return [...own, ...question.answer.flat()];
    case 'short_answer':
      return [...own, question.reference];
    case 'scenario':
      return [...own, question.buyerText, question.reference];
    case 'case':
      return [...own, question.material, ...question.subQuestions.flatMap(texts)];
    default:
      return own;
  }
};

/** Everything the bank's text search looks in: stem, options, answers, explanation, material. */
export const searchTextOf = (question: Question): string => texts(question).join('\n');
