import type { PaperParagraph } from './importer.types.js';

/** Text helpers shared by the importer's passes. Everything here is pure and never throws. */

/**
 * Folds full-width ASCII (`（１）Ａ．：`) and the ideographic space to half-width, one character for
 * one character, so that offsets in the folded text are offsets in the original.
 */
export const foldWidth = (text: string): string => {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0xa0 || code === 0x09) out += ' ';
    else if (code === 0x3010) out += '[';
    else if (code === 0x3011) out += ']';
    else out += text[index];
  }
  return out;
};

/** Bits of the per-character style mask built from Word run formatting. */
export const styleBits = { red: 1, bold: 2, underline: 4, highlight: 8 } as const;

/** A per-character mask of the Word run styles of a paragraph, or undefined when it has none. */
export const styleMask = (paragraph: PaperParagraph, length: number): Uint8Array | undefined => {
  if (!paragraph.spans || paragraph.spans.length === 0) return undefined;
  const mask = new Uint8Array(length);
  for (const span of paragraph.spans) {
    const bits =
      (span.red ? styleBits.red : 0) |
      (span.bold ? styleBits.bold : 0) |
      (span.underline ? styleBits.underline : 0) |
      (span.highlight ? styleBits.highlight : 0);
    for (let at = Math.max(0, span.start); at < Math.min(length, span.end); at++)
      mask[at] = (mask[at] ?? 0) | bits;
  }
  return mask;
};

/** A stretch of input: original text, folded text (same length) and, from Word, a style mask. */
export type Chunk = { orig: string; norm: string; marks?: Uint8Array | undefined };

export const emptyChunk = (): Chunk => ({ orig: '', norm: '' });

export const sliceChunk = (chunk: Chunk, start: number, end: number): Chunk => ({
  orig: chunk.orig.slice(start, end),
  norm: chunk.norm.slice(start, end),
  marks: chunk.marks?.subarray(start, end),
});

/** Joins chunks; the style mask is kept only if some part has one. */
export const joinChunks = (chunks: Chunk[], separator = ''): Chunk => {
  const parts = chunks.filter((chunk) => chunk.orig.length > 0);
  const orig = parts.map((chunk) => chunk.orig).join(separator);
  const norm = parts.map((chunk) => chunk.norm).join(separator);
  if (!parts.some((chunk) => chunk.marks)) return { orig, norm };
  const marks = new Uint8Array(orig.length);
  let at = 0;
  for (const part of parts) {
    if (part.marks) marks.set(part.marks, at);
    at += part.orig.length + separator.length;
  }
  return { orig, norm, marks };
};

/** Trims spaces and the separators that follow a number or letter (`、` `.` `:`) at both ends. */
export const trimChunk = (chunk: Chunk): Chunk => {
  let start = 0;
  let end = chunk.norm.length;
  while (start < end && /\s/.test(chunk.norm[start] ?? '')) start++;
  while (end > start && /\s/.test(chunk.norm[end - 1] ?? '')) end--;
  return sliceChunk(chunk, start, end);
};

/** A parenthesised group of a stem: its place and what it holds (trimmed, folded). */
export type ParenGroup = { start: number; end: number; content: string };

/** Finds innermost `( … )` groups in folded text (full-width parentheses are already folded). */
export const findParens = (norm: string): ParenGroup[] => {
  const groups: ParenGroup[] = [];
  const pattern = /\(([^()]*)\)/g;
  for (const match of norm.matchAll(pattern)) {
    const start = match.index;
    groups.push({ start, end: start + match[0].length, content: (match[1] ?? '').trim() });
  }
  return groups;
};

/** Replaces ranges (sorted, non-overlapping) of a chunk's text with `replacement`. */
export const replaceRanges = (
  text: string,
  ranges: { start: number; end: number }[],
  replacement: string,
): string => {
  let out = '';
  let at = 0;
  for (const range of ranges) {
    out += text.slice(at, range.start) + replacement;
    at = range.end;
  }
  return out + text.slice(at);
};

/** Letters A–H written as an answer: `A`, `AD`, `A D`, `A,B`, `A、C`. */
export const readLetters = (text: string): string[] | null => {
  const compact = text.replace(/[\s,、;]/g, '');
  if (!/^[A-H]{1,8}$/.test(compact)) return null;
  return [...new Set(compact.split(''))].sort();
};

/** A compact key for duplicate detection: only letters, digits and CJK characters count. */
export const fingerprint = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
