import type { ImportConventions } from './importer.conventions.js';
import { readLetters } from './importer.text.js';
import type { ParsedQuestionType } from './importer.types.js';

/** A section header: `一、单选题(每题2分,共30分)`, `判断题`, `1、选择题`. */
export type SectionHeader = {
  type: ParsedQuestionType | 'choice' | undefined;
  points?: number;
  /** Where the header ends in the line; the rest may hold the first question. */
  end: number;
};

const chineseNumber = '[一二三四五六七八九十]+';
const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Points per question written in a header: `每题2分`, `每天2分` (sic), `一题2分`, `2分/题`, `- 2 分`. */
export const readPoints = (text: string): number | undefined => {
  const match =
    /(?:每[题天道小个]?题?|一题)\s*(\d+(?:\.\d+)?)\s*分/.exec(text) ??
    /(\d+(?:\.\d+)?)\s*分\s*\/\s*题/.exec(text) ??
    /^[\s\-–—]*(\d+(?:\.\d+)?)\s*分$/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

const typeOf = (conventions: ImportConventions, word: string) =>
  conventions.typeWords.find((entry) => entry.word === word)?.type;

/**
 * Reads a section header at the start of a folded line. Typed headers may start with `一、`,
 * `第一部分`, `1、` or nothing; a `一、` heading without a type word is returned with no type (a
 * new section the importer cannot name).
 */
export const readSectionHeader = (norm: string, conventions: ImportConventions): SectionHeader | null => {
  const match = patternsOf(conventions).sectionHeader.exec(norm);
  if (match?.[1]) {
    const rest = norm.slice(match[0].length);
    const bare = match[0].trim() === match[1];
    // A bare type word opens a section only when nothing that reads like a question follows it.
    if (bare && /^\s*[^\s\d(]/.test(rest) && !/^\s*[:(]/.test(rest)) return null;
    const points = readPoints(match[2] ?? '') ?? readPoints(rest.slice(0, 30).split(/\s/)[0] ?? '');
    return { type: typeOf(conventions, match[1]), end: match[0].length, ...(points ? { points } : {}) };
  }
  const plain = patternsOf(conventions).plainHeader.exec(norm);
  return plain ? { type: undefined, end: norm.length } : null;
};

type ConventionPatterns = {
  sectionHeader: RegExp;
  plainHeader: RegExp;
  bracketHeader: RegExp;
  midSection: RegExp;
};
const compiled = new WeakMap<ImportConventions, ConventionPatterns>();

/** The regular expressions built from a conventions object, compiled once per object. */
export const patternsOf = (conventions: ImportConventions): ConventionPatterns => {
  const known = compiled.get(conventions);
  if (known) return known;
  const words = conventions.typeWords.map((entry) => escapeRegExp(entry.word)).join('|');
  const patterns: ConventionPatterns = {
    sectionHeader: new RegExp(
      `^\\s*(?:${chineseNumber}\\s*[、.:]|第${chineseNumber}(?:部分|大题)\\s*[、.:]?|\\d{1,2}\\s*[、.]|\\(${chineseNumber}\\))?\\s*(${words})\\s*(\\([^)]*[分题][^)]*\\))?\\s*:?`,
    ),
    plainHeader: new RegExp(`^\\s*${chineseNumber}\\s*[、.:]`),
    // A per-question header: `[单选题 - 2 分]:`, `【多选题】`.
    bracketHeader: new RegExp(
      `\\[\\s*(${words})\\s*(?:[-–—,]\\s*(\\d+(?:\\.\\d+)?)\\s*分)?\\s*\\]\\s*:?`,
      'g',
    ),
    // A section header in the middle of a collapsed line (`… 二、判断题(每题2分) 1、…`).
    midSection: new RegExp(
      `(?<=\\s)(?:${chineseNumber}\\s*[、.:]\\s*(${words})|\\d{1,2}\\s*[、.]\\s*(\\S{0,4}题)(?=[\\s(:]|$))\\s*(\\([^)]*[分题][^)]*\\))?\\s*:?`,
      'g',
    ),
  };
  compiled.set(conventions, patterns);
  return patterns;
};

export const readTypeWord = (conventions: ImportConventions, word: string) => typeOf(conventions, word);

/** Whether a whole folded line is page furniture. */
export const isFurniture = (norm: string, conventions: ImportConventions): boolean => {
  const text = norm.trim();
  return conventions.furniture.some((pattern) => pattern.test(text));
};

/** `参考答案`, `答案如下:`, `[参考答案]` alone on a line: an answer key follows. */
export const isKeyHeader = (norm: string): boolean =>
  /^\s*\[?\s*(?:参考答案|标准答案|答案如下|试题答案|答案)\s*\]?\s*[::]?\s*$/.test(norm);

export type KeyEntry = { number: number; value: string; line: number };

const keyValue = '([A-H]{1,8}|√|×|对|错|正确|错误|T|F|X)';
const keyRange = new RegExp(`^(\\d{1,3})\\s*[-~–—至]\\s*(\\d{1,3})\\s*[:.、]?\\s*((?:${keyValue}\\s*)+)`);
const keySingle = new RegExp(`^(\\d{1,3})\\s*[.、:)]?\\s*${keyValue}(?![\\p{L}\\p{N}])`, 'u');

/**
 * Reads an answer-key line: `1-5 ABCDA 6-10 BBCAD`, `答案: 1.A 2.C 3.B`, `1、√ 2、×`. Returns null
 * unless the whole line is made of key entries (at least two, or one inside a key block).
 */
export const readKeyLine = (norm: string, line: number, inKeyBlock: boolean): KeyEntry[] | null => {
  const prefixed = /^\s*\[?(?:参考答案|标准答案|答案)\]?\s*:/.test(norm);
  let rest = norm.replace(/^\s*(?:\[?(?:参考答案|标准答案|答案)\]?\s*:?)/, '').trim();
  if (rest === '' || !/^\d/.test(rest)) return null;
  const entries: KeyEntry[] = [];
  while (rest.length > 0) {
    const ranged = keyRange.exec(rest);
    if (ranged) {
      const from = Number(ranged[1]);
      const to = Number(ranged[2]);
      const values = (ranged[3] ?? '').match(/√|×|对|错|正确|错误|[A-HTFX]/g) ?? [];
      if (to < from || values.length !== to - from + 1) return null;
      values.forEach((value, index) => {
        entries.push({ number: from + index, value, line });
      });
      rest = rest.slice(ranged[0].length).replace(/^[\s,;]+/, '');
      continue;
    }
    const one = keySingle.exec(rest);
    if (!one) return null;
    entries.push({ number: Number(one[1]), value: one[2] ?? '', line });
    rest = rest.slice(one[0].length).replace(/^[\s,;]+/, '');
  }
  const ranged = /\d\s*[-~–—至]\s*\d/.test(norm);
  return entries.length >= 2 || (entries.length === 1 && (inKeyBlock || ranged || prefixed)) ? entries : null;
};

/** A line holding only an answer: `D`, `AB`, `A、C`, `√`, `错`. */
export const readLoneAnswer = (norm: string, conventions: ImportConventions): string | null => {
  const text = norm.trim();
  if (readLetters(text) && text.length <= 12) return text;
  const marks = [...conventions.trueMarks, ...conventions.falseMarks];
  return marks.includes(text) && !/^[YN是否]$/.test(text) ? text : null;
};
