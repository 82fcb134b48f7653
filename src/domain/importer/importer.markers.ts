import type { ImportConventions } from './importer.conventions.js';
import { patternsOf, readPoints, readTypeWord } from './importer.lines.js';
import type { ParsedQuestionType } from './importer.types.js';

/** Something in a line that may start a new part of a question. */
export type Marker =
  | { kind: 'number'; start: number; end: number; number: number; paren: boolean }
  | { kind: 'option'; start: number; end: number; letter: string; style: 'plain' | 'paren' | 'space' }
  | { kind: 'answer'; start: number; end: number }
  | { kind: 'ask'; start: number; end: number }
  | { kind: 'reply'; start: number; end: number }
  | { kind: 'explanation'; start: number; end: number }
  | {
      kind: 'typed';
      start: number;
      end: number;
      type: ParsedQuestionType | 'choice' | undefined;
      points?: number;
    }
  | {
      kind: 'section';
      start: number;
      end: number;
      type: ParsedQuestionType | 'choice' | undefined;
      points?: number;
    };

const numberPlain = /(?<=^|[\s。;!?)])(\d{1,3})\s*(?:、|\.(?!\d)|\))/g;
const numberParen = /(?<=^|\s)\((\d{1,3})\)/g;
const optionPlain = /(?<=^|[^A-Za-z0-9])([A-Ha-h])\s*(?:\.|、|:)/g;
const optionParen = /\(([A-H])\)/g;
const optionSpace = /^\s*([A-H])\s+(?=[^\sA-Za-z])/g;
const answerWords =
  /(?:回答(?:错误|正确)!?\s*)?(?:正确答案|参考答案|标准答案|答案)\s*(?::|是:?|为:?)\s*|\[(?:正确|参考|标准)?答案\]\s*:?\s*/g;
const ask = /(?<=^|[\s。!?])问\s*:\s*/g;
const reply = /(?<=^|[\s。!?)])答\s*:\s*/g;
const explanation = /\[?(?:答案)?解析\]?\s*:\s*|\[解析\]\s*/g;

const collect = (pattern: RegExp, norm: string, build: (match: RegExpExecArray) => Marker | null) => {
  pattern.lastIndex = 0;
  const found: Marker[] = [];
  for (let match = pattern.exec(norm); match; match = pattern.exec(norm)) {
    const marker = build(match);
    if (marker) found.push(marker);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return found;
};

/**
 * Lists every candidate marker of a folded line, earliest first, without overlaps. Whether a
 * candidate is real (the next number, the next option letter) is decided by the assembler, which
 * knows the question it is building.
 */
export const scanMarkers = (norm: string, conventions: ImportConventions): Marker[] => {
  const span = (match: RegExpExecArray) => ({ start: match.index, end: match.index + match[0].length });
  const patterns = patternsOf(conventions);
  const all: Marker[] = [
    ...collect(patterns.midSection, norm, (m) => {
      const type = readTypeWord(conventions, m[1] ?? m[2] ?? '');
      if (m[1] === undefined && type === undefined) return null;
      const points = readPoints(m[3] ?? '');
      return { kind: 'section', ...span(m), type, ...(points ? { points } : {}) };
    }),
    ...collect(patterns.bracketHeader, norm, (m) => {
      const points = m[2] === undefined ? readPoints(m[0]) : Number(m[2]);
      const type = readTypeWord(conventions, m[1] ?? '');
      return { kind: 'typed', ...span(m), type, ...(points ? { points } : {}) };
    }),
    ...collect(answerWords, norm, (m) => ({ kind: 'answer', ...span(m) })),
    ...collect(explanation, norm, (m) => ({ kind: 'explanation', ...span(m) })),
    ...collect(ask, norm, (m) => ({ kind: 'ask', ...span(m) })),
    ...collect(reply, norm, (m) => ({ kind: 'reply', ...span(m) })),
    ...collect(numberParen, norm, (m) => ({ kind: 'number', ...span(m), number: Number(m[1]), paren: true })),
    ...collect(numberPlain, norm, (m) => ({
      kind: 'number',
      ...span(m),
      number: Number(m[1]),
      paren: false,
    })),
    ...collect(optionParen, norm, (m) => ({
      kind: 'option',
      ...span(m),
      letter: m[1] ?? 'A',
      style: 'paren',
    })),
    ...collect(optionPlain, norm, (m) => ({
      kind: 'option',
      ...span(m),
      letter: (m[1] ?? 'A').toUpperCase(),
      style: 'plain',
    })),
    ...collect(optionSpace, norm, (m) => ({
      kind: 'option',
      ...span(m),
      letter: m[1] ?? 'A',
      style: 'space',
    })),
  ];
  // `( A、D)` is an answer, not options A and D: plain markers inside a closed group do not count.
  const groups = [...norm.matchAll(/\([^()]*\)/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const inGroup = (marker: Marker) =>
    (marker.kind === 'option' || marker.kind === 'number') &&
    !(marker.kind === 'option' && marker.style === 'paren') &&
    !(marker.kind === 'number' && marker.paren) &&
    groups.some((group) => marker.start > group.start && marker.start < group.end);
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Marker[] = [];
  let reach = -1;
  for (const marker of all) {
    if (inGroup(marker)) continue;
    if (marker.start < reach) continue;
    kept.push(marker);
    reach = marker.end;
  }
  return kept;
};
