import type { Issue } from '../shared/index.js';
import type { ImportConventions } from './importer.conventions.js';
import {
  type Draft,
  draftStem,
  isEmptyDraft,
  isShortAnswer,
  newDraft,
  type SectionInfo,
  stemHasAnswer,
} from './importer.draft.js';
import {
  isFurniture,
  isKeyHeader,
  type KeyEntry,
  readKeyLine,
  readLoneAnswer,
  readSectionHeader,
} from './importer.lines.js';
import { type Marker, scanMarkers } from './importer.markers.js';
import { type Chunk, foldWidth, sliceChunk, styleMask, trimChunk } from './importer.text.js';
import { type CaseMaterial, holdMaterial, joinOpenCase, opensCase, reportCases } from './importer.cases.js';
import type { LineUse, PaperParagraph } from './importer.types.js';
import { markLine, unread } from './importer.uses.js';

type Pending = { chunk: Chunk; line: number };

/** Everything the line pass collects; questions are resolved from `drafts` afterwards. */
export type Assembly = {
  conventions: ImportConventions;
  drafts: Draft[];
  draft: Draft | null;
  section: SectionInfo | undefined;
  lastNumber: number;
  pending: Pending | null;
  keys: KeyEntry[];
  inKeyBlock: boolean;
  /** Text after an answer marker that has no question to go to is unread. */
  orphanSink: boolean;
  lastAnswerLine: Pending | null;
  /** Case materials (案例) read so far; the open one takes the questions that follow it. */
  cases: CaseMaterial[];
  openCase: CaseMaterial | null;
  uses: Map<number, LineUse>;
  issues: Issue[];
};

const flushPending = (state: Assembly) => {
  const pending = state.pending;
  state.pending = null;
  // In a case section, prose before the questions is their shared material, not unread text.
  if (pending && !holdMaterial(state, pending.chunk.orig.trim(), pending.line))
    unread(state, pending.line, pending.chunk.orig.trim());
};

const addTo = (state: Assembly, draft: Draft, line: number) => {
  draft.lines.add(line);
  markLine(state, line, 'question');
};

/** Ends the current question. Leftover loose lines become options or are reported unread. */
export const closeDraft = (state: Assembly) => {
  const draft = state.draft;
  state.draft = null;
  if (!draft) return;
  const stem = draftStem(draft);
  const stated = draft.explicitType ?? draft.section?.type;
  // Letterless lines are options only where the paper says so (a choice section) or the stem has a letter answer.
  const choiceLike =
    stated === 'choice' || stated === 'single' || stated === 'multiple' || /\(\s*[A-H]/.test(stem.norm);
  if (draft.options.length === 0 && draft.loose.length >= 2 && choiceLike) {
    draft.options = draft.loose.map((entry) => ({ letter: '', parts: [entry.chunk] }));
    draft.unlettered = true;
  } else {
    for (const entry of draft.loose) {
      draft.lines.delete(entry.line);
      unread(state, entry.line, entry.chunk.orig.trim());
    }
  }
  draft.loose = [];
  if (isEmptyDraft(draft) && stem.norm.trim() === '') {
    for (const line of draft.lines) unread(state, line, '(题目为空)');
    return;
  }
  joinOpenCase(state, draft);
  state.drafts.push(draft);
};

const startDraft = (state: Assembly, fields: Partial<Draft>, line: number) => {
  closeDraft(state);
  state.draft = newDraft({ ...(state.section ? { section: state.section } : {}), ...fields });
  addTo(state, state.draft, line);
  state.orphanSink = false;
};

/** A choice question with its letter answer in the stem but no options yet: letterless options may follow. */
const awaitsOptions = (draft: Draft): boolean => {
  const stated = draft.explicitType ?? draft.section?.type;
  return (stated === 'single' || stated === 'multiple' || stated === 'choice') && draft.options.length === 0;
};

/** A whole line of text that no marker claimed, in a place where no question is open for it. */
const holdText = (state: Assembly, chunk: Chunk, line: number) => {
  flushPending(state);
  const probe = newDraft(state.section ? { section: state.section } : {});
  if (stemHasAnswer(chunk, probe, state.conventions)) {
    startDraft(state, {}, line);
    state.draft?.stem.push(chunk);
    return;
  }
  state.pending = { chunk, line };
};

/** Places a stretch of text: into the open question, or held until we know what it is. */
const placeText = (state: Assembly, raw: Chunk, line: number, startsLine: boolean) => {
  const chunk = trimChunk(raw);
  if (chunk.norm === '') return;
  const draft = state.draft;
  if (state.orphanSink && !startsLine) return unread(state, line, chunk.orig);
  if (!draft) return holdText(state, chunk, line);
  if (!startsLine) {
    if (draft.sink === 'stem') draft.stem.push(chunk);
    else if (draft.sink === 'option') draft.options.at(-1)?.parts.push(chunk);
    else if (draft.sink === 'answer') draft.answer.push(chunk);
    else draft.explanation.push(chunk);
    return addTo(state, draft, line);
  }
  if (draft.sink === 'stem') {
    if (draft.stem.length === 0) draft.stem.push(chunk);
    else if (isShortAnswer(draft)) {
      draft.answer.push(chunk);
      draft.sink = 'answer';
    } else if (stemHasAnswer(draftStem(draft), draft, state.conventions) && !awaitsOptions(draft)) {
      closeDraft(state);
      return holdText(state, chunk, line);
    } else {
      draft.loose.push({ chunk, line });
    }
    return addTo(state, draft, line);
  }
  if (draft.sink === 'answer' && isShortAnswer(draft)) {
    draft.answer.push(chunk);
    state.lastAnswerLine = { chunk, line };
    return addTo(state, draft, line);
  }
  holdText(state, chunk, line);
};

const nextLetter = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) + 1);

/** Whether a candidate marker is real, given the question being built and the text before it. */
const accepts = (state: Assembly, marker: Marker, norm: string, firstOnLine: boolean): boolean => {
  const draft = state.draft;
  // Mid-line numbers must follow on (or restart at 1): `(1)天` inside a fill-in is not a question.
  if (marker.kind === 'number')
    return firstOnLine || marker.number === state.lastNumber + 1 || marker.number === 1;
  if (marker.kind !== 'option') return true;
  const last = draft?.options.at(-1);
  const expected = last && !draft?.unlettered ? nextLetter(last.letter) : 'A';
  if (marker.letter !== expected && marker.letter !== 'A') return false;
  if (marker.style === 'space') return firstOnLine;
  // A mid-line `(A)` may be the answer itself; it opens options only if `(B)` follows.
  if (marker.style === 'paren' && !firstOnLine && marker.letter === 'A') {
    return norm.includes(`(${nextLetter(marker.letter)})`, marker.end);
  }
  return true;
};

/** A short answer's last whole line turns out to be the stem of a question whose options follow. */
const takeLastAnswerLine = (state: Assembly): Pending | null => {
  const last = state.lastAnswerLine;
  const draft = state.draft;
  if (!last || !draft || draft.answer.at(-1) !== last.chunk) return null;
  draft.answer.pop();
  draft.lines.delete(last.line);
  return last;
};

const startsNewQuestion = (draft: Draft | null): boolean =>
  !draft || draft.options.length > 0 || draft.answer.length > 0 || draft.sink !== 'stem';

const applyOption = (state: Assembly, marker: Extract<Marker, { kind: 'option' }>, line: number) => {
  if (marker.letter === 'A' && startsNewQuestion(state.draft)) {
    const pending = state.pending ?? takeLastAnswerLine(state);
    state.pending = null;
    startDraft(state, {}, pending?.line ?? line);
    if (pending) state.draft?.stem.push(pending.chunk);
  }
  const draft = state.draft;
  if (!draft) return;
  flushPending(state);
  draft.stem.push(...draft.loose.map((entry) => entry.chunk));
  draft.loose = [];
  draft.options.push({ letter: marker.letter, parts: [] });
  draft.sink = 'option';
  addTo(state, draft, line);
};

/** Reuses a question opened by a bare `[单选题 - 2 分]` or `1、` line instead of starting another. */
const blankDraft = (state: Assembly): Draft | null => {
  const draft = state.draft;
  return draft && isEmptyDraft(draft) && draft.stem.length === 0 ? draft : null;
};

const applySection = (
  state: Assembly,
  marker: Extract<Marker, { kind: 'section' }>,
  title: string,
  line: number,
) => {
  flushPending(state);
  closeDraft(state);
  state.lastNumber = 0;
  state.openCase = null;
  state.section = { title, type: marker.type, ...(marker.points ? { points: marker.points } : {}) };
  markLine(state, line, 'section');
};

const applyMarker = (state: Assembly, marker: Marker, line: number, text: string) => {
  if (marker.kind === 'section') return applySection(state, marker, text, line);
  if (marker.kind === 'option') return applyOption(state, marker, line);
  if (marker.kind === 'number' || marker.kind === 'ask' || marker.kind === 'typed') {
    flushPending(state);
    const reuse = blankDraft(state);
    const fields: Partial<Draft> =
      marker.kind === 'number'
        ? { number: marker.number }
        : marker.kind === 'ask'
          ? { explicitType: 'short_answer' }
          : { explicitType: marker.type, ...(marker.points ? { points: marker.points } : {}) };
    if (marker.kind === 'number') state.lastNumber = marker.number;
    if (reuse && !(marker.kind === 'number' && reuse.number !== undefined)) {
      Object.assign(reuse, fields);
      return addTo(state, reuse, line);
    }
    return startDraft(state, fields, line);
  }
  const draft = state.draft;
  const open = draft && (marker.kind !== 'explanation' ? draft.answer.length === 0 : true);
  if (!draft || !open) {
    state.orphanSink = true;
    return unread(state, line, '(没有对应题目的答案标记)');
  }
  flushPending(state);
  draft.sink = marker.kind === 'explanation' ? 'explanation' : 'answer';
  addTo(state, draft, line);
};

/** Reads a line's markers left to right, placing the text between them. */
const readMarkers = (state: Assembly, chunk: Chunk, line: number, from: number) => {
  let cursor = from;
  let firstOnLine = true;
  for (const marker of scanMarkers(chunk.norm, state.conventions)) {
    if (marker.start < from) continue;
    const before = chunk.norm.slice(cursor, marker.start).trim() !== '';
    if (!accepts(state, marker, chunk.norm, firstOnLine && !before)) continue;
    placeText(state, sliceChunk(chunk, cursor, marker.start), line, firstOnLine);
    applyMarker(
      state,
      marker,
      line,
      chunk.orig
        .slice(marker.start, marker.end)
        .trim()
        .replace(/[:：]$/, ''),
    );
    cursor = marker.end;
    firstOnLine = false;
  }
  placeText(state, sliceChunk(chunk, cursor, chunk.norm.length), line, firstOnLine);
};

const readSection = (state: Assembly, chunk: Chunk, line: number): number | null => {
  const header = readSectionHeader(chunk.norm, state.conventions);
  if (!header) return null;
  flushPending(state);
  closeDraft(state);
  state.lastNumber = 0;
  state.openCase = null;
  state.section = {
    title: chunk.orig
      .slice(0, header.end)
      .trim()
      .replace(/[:：]$/, ''),
    type: header.type,
    ...(header.points ? { points: header.points } : {}),
  };
  if (header.type === undefined) unread(state, line, chunk.orig.trim());
  else markLine(state, line, 'section');
  return header.end;
};

const skip = (state: Assembly, line: number, text: string) => {
  markLine(state, line, 'furniture');
  state.issues.push({
    code: 'importer.skipped',
    message: `已跳过页面杂项: ${text}`,
    severity: 'info',
    at: { line },
  });
};

/** Lines that are whole things on their own: furniture, answer keys, a lone answer. */
const readWholeLine = (state: Assembly, chunk: Chunk, line: number): boolean => {
  const norm = chunk.norm;
  if (isFurniture(norm, state.conventions)) {
    skip(state, line, chunk.orig.trim());
    return true;
  }
  if (isKeyHeader(norm)) {
    flushPending(state);
    closeDraft(state);
    state.inKeyBlock = true;
    markLine(state, line, 'answer_key');
    return true;
  }
  const keys = readKeyLine(norm, line, state.inKeyBlock);
  if (keys) {
    flushPending(state);
    closeDraft(state);
    state.keys.push(...keys);
    markLine(state, line, 'answer_key');
    return true;
  }
  state.inKeyBlock = false;
  if (opensCase(state, norm)) {
    flushPending(state);
    closeDraft(state);
    state.openCase = null;
    return holdMaterial(state, chunk.orig.trim(), line);
  }
  const draft = state.draft;
  const lone = readLoneAnswer(norm, state.conventions);
  if (lone && draft && draft.answer.length === 0 && !/[A-H]/.test(lone) === (draft.options.length === 0)) {
    flushPending(state);
    draft.answer.push(trimChunk(chunk));
    draft.sink = 'answer';
    addTo(state, draft, line);
    return true;
  }
  return false;
};

/** Reads one input line into the assembly. */
export const readLine = (state: Assembly, paragraph: PaperParagraph) => {
  const orig = paragraph.text.replace(/[\r\n]+/g, ' ');
  const chunk: Chunk = { orig, norm: foldWidth(orig), marks: styleMask(paragraph, orig.length) };
  const line = paragraph.line;
  state.orphanSink = false;
  if (chunk.norm.trim() === '') return markLine(state, line, 'blank');
  if (readWholeLine(state, chunk, line)) return;
  const from = readSection(state, chunk, line);
  if (from !== null && state.section?.type === undefined) return;
  readMarkers(state, chunk, line, from ?? 0);
};

export const newAssembly = (conventions: ImportConventions): Assembly => ({
  conventions,
  drafts: [],
  draft: null,
  section: undefined,
  lastNumber: 0,
  pending: null,
  keys: [],
  inKeyBlock: false,
  orphanSink: false,
  lastAnswerLine: null,
  cases: [],
  openCase: null,
  uses: new Map(),
  issues: [],
});

/** Ends the pass: the open question is closed and held text is reported. */
export const finishAssembly = (state: Assembly) => {
  flushPending(state);
  closeDraft(state);
  reportCases(state);
};
