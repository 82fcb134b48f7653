import type { ImportConventions } from './importer.conventions.js';
import { type Chunk, findParens, joinChunks, readLetters } from './importer.text.js';
import type { ParsedQuestionType } from './importer.types.js';

export type SectionInfo = { title: string; type: ParsedQuestionType | 'choice' | undefined; points?: number };

/** A question being read: raw pieces only; `resolveDraft` decides type, answer and flags. */
export type Draft = {
  number?: number;
  /** Type named by a `[单选题 - 2 分]` header or implied by `问:`. */
  explicitType?: ParsedQuestionType | 'choice';
  points?: number;
  section?: SectionInfo;
  stem: Chunk[];
  options: { letter: string; parts: Chunk[] }[];
  /** Options were lines without letters. */
  unlettered: boolean;
  /** Whole lines after the stem that were not yet placed (a wrapped stem, or letterless options). */
  loose: { chunk: Chunk; line: number }[];
  answer: Chunk[];
  explanation: Chunk[];
  sink: 'stem' | 'option' | 'answer' | 'explanation';
  /** The answer an answer key at the end of the paper gives this question. */
  keyAnswer?: string;
  /** The case material (案例) this question is a task of. */
  caseId?: number;
  lines: Set<number>;
};

export const newDraft = (fields: Partial<Draft>): Draft => ({
  stem: [],
  options: [],
  unlettered: false,
  loose: [],
  answer: [],
  explanation: [],
  sink: 'stem',
  lines: new Set(),
  ...fields,
});

/** The type the headers give a draft, before looking at its content. */
export const statedType = (draft: Draft): ParsedQuestionType | 'choice' | undefined =>
  draft.explicitType ?? draft.section?.type;

export const isShortAnswer = (draft: Draft): boolean => statedType(draft) === 'short_answer';

export const isTrueFalseMark = (text: string, conventions: ImportConventions): boolean =>
  conventions.trueMarks.includes(text) || conventions.falseMarks.includes(text);

/** Whether the stem already carries its answer in parentheses, so later lines are not part of it. */
export const stemHasAnswer = (stem: Chunk, draft: Draft, conventions: ImportConventions): boolean =>
  findParens(stem.norm).some(
    (group) =>
      readLetters(group.content) !== null ||
      isTrueFalseMark(group.content, conventions) ||
      (statedType(draft) === 'fill_blank' && group.content !== ''),
  );

export const draftStem = (draft: Draft): Chunk => joinChunks(draft.stem);

export const isEmptyDraft = (draft: Draft): boolean =>
  draft.stem.every((chunk) => chunk.norm.trim() === '') &&
  draft.options.length === 0 &&
  draft.answer.length === 0;
