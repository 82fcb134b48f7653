import type { Issue } from '../shared/index.js';
import type { Draft } from './importer.draft.js';
import type { KeyEntry } from './importer.lines.js';
import { fingerprint } from './importer.text.js';
import type { ParsedQuestion, QuestionFlag } from './importer.types.js';

const addFlag = (question: ParsedQuestion, flag: QuestionFlag) => {
  if (!question.flags.includes(flag)) question.flags.push(flag);
};

/**
 * Hands answer-key entries (`1-5 ABCDA`) to the questions by number. Numbers restart per
 * section, so the k-th key entry for number n goes to the k-th question numbered n.
 */
export const applyKeys = (drafts: Draft[], keys: KeyEntry[]): Issue[] => {
  const issues: Issue[] = [];
  const seen = new Map<number, number>();
  for (const entry of keys) {
    const occurrence = seen.get(entry.number) ?? 0;
    seen.set(entry.number, occurrence + 1);
    const draft = drafts.filter((candidate) => candidate.number === entry.number)[occurrence];
    if (draft) {
      draft.keyAnswer = entry.value;
      continue;
    }
    issues.push({
      code: 'importer.key_unmatched',
      message: `答案表中第 ${entry.number} 题(${entry.value})找不到对应的题目`,
      severity: 'warning',
      at: { line: entry.line },
    });
  }
  return issues;
};

/** Flags choice questions whose option count differs from most questions of their section. */
export const flagOddOptionCounts = (questions: ParsedQuestion[]) => {
  const bySection = new Map<string, ParsedQuestion[]>();
  for (const question of questions) {
    if (question.type !== 'single' && question.type !== 'multiple') continue;
    const key = question.section ?? '';
    const group = bySection.get(key);
    if (group) group.push(question);
    else bySection.set(key, [question]);
  }
  for (const group of bySection.values()) {
    if (group.length < 3) continue;
    const counts = new Map<number, number>();
    for (const question of group)
      counts.set(question.options.length, (counts.get(question.options.length) ?? 0) + 1);
    const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0];
    for (const question of group)
      if (question.options.length !== usual) addFlag(question, 'odd_option_count');
  }
};

/** Flags a question whose stem and options repeat an earlier one (pasted papers often repeat). */
export const flagDuplicates = (questions: ParsedQuestion[]) => {
  const seen = new Set<string>();
  for (const question of questions) {
    const key = fingerprint([question.stem, ...question.options].join('|'));
    if (key === '') continue;
    if (seen.has(key)) addFlag(question, 'duplicate');
    seen.add(key);
  }
};
