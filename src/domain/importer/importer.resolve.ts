import type { ImportConventions } from './importer.conventions.js';
import { type Draft, draftStem, isTrueFalseMark, statedType } from './importer.draft.js';
import {
  type Chunk,
  findParens,
  joinChunks,
  type ParenGroup,
  readLetters,
  replaceRanges,
  styleBits,
  trimChunk,
} from './importer.text.js';
import type { ParsedAnswer, ParsedQuestion, ParsedQuestionType, QuestionFlag } from './importer.types.js';

const blank = '（ ）';
const checkMarks = /^[\s☑☒✅■✔√]+|[\s☑☒✅■✔√]+$/g;
const uncheckedMarks = /^[\s☐□]+|[\s☐□]+$/g;

type Option = { text: string; chunk: Chunk; checked: boolean };

const readOption = (parts: Chunk[]): Option => {
  const chunk = trimChunk(joinChunks(parts, ' '));
  const checked = /^[\s]*[☑☒✅■✔]|[☑☒✅■✔√]\s*$/.test(chunk.norm);
  const text = chunk.orig.replace(checkMarks, '').replace(uncheckedMarks, '').trim();
  return { text, chunk, checked };
};

/** Share of an option's visible characters that carry a style bit. */
const styledShare = (chunk: Chunk, bit: number): number => {
  if (!chunk.marks) return 0;
  let visible = 0;
  let styled = 0;
  for (let at = 0; at < chunk.norm.length; at++) {
    if (/\s/.test(chunk.norm[at] ?? '')) continue;
    visible++;
    if (((chunk.marks[at] ?? 0) & bit) !== 0) styled++;
  }
  return visible === 0 ? 0 : styled / visible;
};

const letterOf = (index: number) => String.fromCharCode(65 + index);

/** Answers marked in Word: ☑ first, then red, highlight, underline, bold; a style on every option marks nothing. */
const lettersFromMarks = (options: Option[]): string[] | null => {
  const checked = options.flatMap((option, index) => (option.checked ? [letterOf(index)] : []));
  if (checked.length > 0 && checked.length < options.length) return checked;
  for (const bit of [styleBits.red, styleBits.highlight, styleBits.underline, styleBits.bold]) {
    const chosen = options.flatMap((option, index) =>
      styledShare(option.chunk, bit) >= 0.6 ? [letterOf(index)] : [],
    );
    if (chosen.length > 0 && chosen.length < options.length) return chosen;
  }
  return null;
};

/** Marked runs of a stem (red, highlight or underline) read as fill-in answers. */
const markedRuns = (stem: Chunk): ParenGroup[] => {
  if (!stem.marks) return [];
  const bits = styleBits.red | styleBits.highlight | styleBits.underline;
  const runs: ParenGroup[] = [];
  let at = 0;
  while (at < stem.norm.length) {
    if (((stem.marks[at] ?? 0) & bits) === 0) {
      at++;
      continue;
    }
    const start = at;
    while (at < stem.norm.length && ((stem.marks[at] ?? 0) & bits) !== 0) at++;
    const content = stem.orig.slice(start, at).trim();
    if (content !== '') runs.push({ start, end: at, content });
  }
  return runs;
};

const readTrueFalse = (text: string, conventions: ImportConventions): boolean | null => {
  const mark = text.trim();
  if (conventions.trueMarks.includes(mark)) return true;
  return conventions.falseMarks.includes(mark) ? false : null;
};

type Reading = { type: ParsedQuestionType; answer: ParsedAnswer; stem: string; guessed: boolean };

const readChoice = (draft: Draft, stem: Chunk, options: Option[], answerText: string): Reading => {
  const stated = statedType(draft);
  const paren = findParens(stem.norm).findLast((group) => readLetters(group.content) !== null);
  const letters = (paren ? readLetters(paren.content) : readLetters(answerText)) ?? lettersFromMarks(options);
  const text = paren ? replaceRanges(stem.orig, [paren], blank) : stem.orig;
  let type: ParsedQuestionType = stated === 'multiple' ? 'multiple' : 'single';
  let guessed = stated !== 'single' && stated !== 'multiple' && letters === null;
  if (letters && letters.length > 1 && type === 'single') {
    type = 'multiple';
    guessed = stated === 'single';
  }
  return { type, answer: letters, stem: text, guessed };
};

const readFill = (stem: Chunk, answerText: string, guessed: boolean): Reading => {
  const groups = findParens(stem.norm).filter((group) => group.content !== '');
  const blanks = groups.length > 0 ? groups : markedRuns(stem);
  if (blanks.length > 0) {
    const answer = blanks.map((group) =>
      stem.orig.slice(group.start + (groups.length ? 1 : 0), group.end - (groups.length ? 1 : 0)).trim(),
    );
    return { type: 'fill_blank', answer, stem: replaceRanges(stem.orig, blanks, blank), guessed };
  }
  const fromLine = answerText
    .split(/[;；|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return { type: 'fill_blank', answer: fromLine.length ? fromLine : null, stem: stem.orig, guessed };
};

const readTrueFalseQuestion = (stem: Chunk, answerText: string, conventions: ImportConventions): Reading => {
  const paren = findParens(stem.norm).findLast((group) => isTrueFalseMark(group.content, conventions));
  const answer = readTrueFalse(paren ? paren.content : answerText, conventions);
  const atEnd = paren !== undefined && stem.norm.slice(paren.end).replace(/[\s。.!?]/g, '') === '';
  const text = !paren
    ? stem.orig
    : atEnd
      ? stem.orig.slice(0, paren.start)
      : replaceRanges(stem.orig, [paren], blank);
  return { type: 'true_false', answer, stem: text, guessed: false };
};

const readUnstated = (stem: Chunk, answerText: string, conventions: ImportConventions): Reading => {
  const groups = findParens(stem.norm);
  if (
    groups.some((group) => isTrueFalseMark(group.content, conventions)) ||
    readTrueFalse(answerText, conventions) !== null
  ) {
    return readTrueFalseQuestion(stem, answerText, conventions);
  }
  if (groups.some((group) => group.content !== '' && group.content.length <= 20) && answerText === '') {
    return readFill(stem, answerText, true);
  }
  return { type: 'short_answer', answer: answerText || null, stem: stem.orig, guessed: true };
};

const readByType = (
  draft: Draft,
  stem: Chunk,
  options: Option[],
  answerText: string,
  conventions: ImportConventions,
): Reading => {
  const stated = statedType(draft);
  // `(F)` alone is a false mark, not option F, when there are no options.
  const letterParen = findParens(stem.norm).some(
    (group) => readLetters(group.content) !== null && !isTrueFalseMark(group.content, conventions),
  );
  if (
    options.length > 0 ||
    stated === 'single' ||
    stated === 'multiple' ||
    stated === 'choice' ||
    (stated === undefined && letterParen)
  ) {
    return readChoice(draft, stem, options, answerText);
  }
  if (stated === 'true_false') return readTrueFalseQuestion(stem, answerText, conventions);
  if (stated === 'fill_blank') return readFill(stem, answerText, false);
  if (stated === 'short_answer')
    return { type: 'short_answer', answer: answerText || null, stem: stem.orig, guessed: false };
  return readUnstated(stem, answerText, conventions);
};

/** Whether an answer-key entry contradicts the answer the question already had. */
const disagrees = (reading: Reading, key: string, conventions: ImportConventions): boolean => {
  if (reading.type === 'true_false') return readTrueFalse(key, conventions) !== reading.answer;
  if (reading.type === 'single' || reading.type === 'multiple') {
    return JSON.stringify(readLetters(key)) !== JSON.stringify(reading.answer);
  }
  return false;
};

const isMissing = (answer: ParsedAnswer) =>
  answer === null || (Array.isArray(answer) && answer.length === 0) || answer === '';

/** Turns a draft into a parsed question with its flags. */
// A question's own points at the end of its stem: `…如何回复？（10分）`.
const trailingPoints = /[(（]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[)）]\s*$/;

/** The points a stem states at its end, and the stem without them. */
const statedPoints = (stem: string): { points: number; stem: string } | null => {
  const match = trailingPoints.exec(stem);
  return match ? { points: Number(match[1]), stem: stem.slice(0, match.index) } : null;
};

export const resolveDraft = (draft: Draft, conventions: ImportConventions): ParsedQuestion => {
  const stem = trimChunk(draftStem(draft));
  const options = draft.options.map((option) => readOption(option.parts));
  const answerText = draft.answer
    .map((chunk) => chunk.orig.trim())
    .join('\n')
    .trim();
  const own = readByType(draft, stem, options, answerText, conventions);
  const keyed =
    draft.keyAnswer === undefined ? null : readByType(draft, stem, options, draft.keyAnswer, conventions);
  const reading = keyed && isMissing(own.answer) ? keyed : own;
  const choice = reading.type === 'single' || reading.type === 'multiple';
  const flags: QuestionFlag[] = [];
  if (isMissing(reading.answer)) flags.push('no_answer');
  if (reading.guessed) flags.push('type_guessed');
  if (choice && options.length < 2) flags.push('odd_option_count');
  if (
    choice &&
    Array.isArray(reading.answer) &&
    reading.answer.some((letter) => letter.charCodeAt(0) - 65 >= options.length)
  ) {
    flags.push('answer_out_of_range');
  }
  if (draft.unlettered) flags.push('options_unlettered');
  if (draft.keyAnswer !== undefined && reading === own && disagrees(own, draft.keyAnswer, conventions)) {
    flags.push('answer_conflict');
  }
  const lines = [...draft.lines];
  const stated = statedPoints(reading.stem);
  const points = draft.points ?? stated?.points ?? draft.section?.points;
  const explanation = draft.explanation
    .map((chunk) => chunk.orig.trim())
    .join('\n')
    .trim();
  return {
    type: reading.type,
    stem: (stated?.stem ?? reading.stem).trim(),
    options: choice ? options.map((option) => option.text) : [],
    answer: isMissing(reading.answer) ? null : reading.answer,
    ...(points !== undefined ? { points } : {}),
    ...(draft.section ? { section: draft.section.title } : {}),
    ...(explanation ? { explanation } : {}),
    ...(draft.number !== undefined ? { number: draft.number } : {}),
    flags,
    lines: [Math.min(...lines), Math.max(...lines)],
  };
};
