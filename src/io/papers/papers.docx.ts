import { unzipSync } from 'fflate';
import type { PaperParagraph, RunStyle, StyledSpan } from '../../domain/importer/index.js';
import type { Issue } from '../../domain/shared/index.js';
import { applyRunProperty, type DocxStyles, readStyles, resolveStyle } from './papers.styles.js';
import { tokenizeXml } from './papers.xml.js';

type Level = { start: number; format: string; text: string };
type Numbering = { levels: Map<string, Level[]>; nums: Map<string, string> };

const readNumbering = (xml: string | undefined): Numbering => {
  const levels = new Map<string, Level[]>();
  const nums = new Map<string, string>();
  if (!xml) return { levels, nums };
  let abstract: Level[] | null = null;
  let level: Level | null = null;
  let numId: string | null = null;
  for (const token of tokenizeXml(xml)) {
    if (token.kind === 'close' && token.name === 'w:abstractNum') abstract = null;
    if (token.kind !== 'open') continue;
    const value = token.attributes['w:val'] ?? '';
    if (token.name === 'w:abstractNum') {
      abstract = [];
      levels.set(token.attributes['w:abstractNumId'] ?? '', abstract);
    } else if (token.name === 'w:lvl' && abstract) {
      level = { start: 1, format: 'decimal', text: '%1.' };
      abstract[Number(token.attributes['w:ilvl'] ?? 0)] = level;
    } else if (token.name === 'w:start' && level) level.start = Number(value) || 1;
    else if (token.name === 'w:numFmt' && level) level.format = value;
    else if (token.name === 'w:lvlText' && level) level.text = value;
    else if (token.name === 'w:num') numId = token.attributes['w:numId'] ?? null;
    else if (token.name === 'w:abstractNumId' && numId !== null) nums.set(numId, value);
  }
  return { levels, nums };
};

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const formatCounter = (value: number, format: string): string => {
  if (format === 'upperLetter') return String.fromCharCode(64 + (((value - 1) % 26) + 1));
  if (format === 'lowerLetter') return String.fromCharCode(96 + (((value - 1) % 26) + 1));
  if (format.startsWith('chinese') || format.startsWith('ideograph') || format === 'japaneseCounting') {
    if (value <= 10) return chineseDigits[value] ?? String(value);
    if (value < 20) return `十${chineseDigits[value - 10] ?? ''}`;
    return `${chineseDigits[Math.floor(value / 10)] ?? ''}十${value % 10 ? (chineseDigits[value % 10] ?? '') : ''}`;
  }
  return format === 'bullet' || format === 'none' ? '' : String(value);
};

/** Keeps Word's list counters: the text Word shows before an auto-numbered paragraph (`1、`, `A.`). */
const numberingLabel = (
  numbering: Numbering,
  counters: Map<string, number[]>,
  numId: string,
  ilvl: number,
) => {
  const abstractId = numbering.nums.get(numId);
  const levels = abstractId === undefined ? undefined : numbering.levels.get(abstractId);
  const level = levels?.[ilvl];
  if (!levels || !level || numId === '0') return '';
  const counts = counters.get(numId) ?? [];
  counts[ilvl] = (counts[ilvl] ?? (levels[ilvl]?.start ?? 1) - 1) + 1;
  counts.length = ilvl + 1;
  counters.set(numId, counts);
  if (level.format === 'bullet' || level.format === 'none') return '';
  return level.text.replace(/%(\d)/g, (_, digit: string) => {
    const index = Number(digit) - 1;
    return formatCounter(counts[index] ?? levels[index]?.start ?? 1, levels[index]?.format ?? 'decimal');
  });
};

// Wingdings check boxes (U+F0FE checked, U+F06F / U+F0A8 empty) as Word inserts them via Insert → Symbol.
const symbols: Record<string, string> = { F0FE: '☑', F052: '☑', F0FC: '√', F06F: '☐', F0A8: '☐', F0FB: '×' };

type ParagraphState = {
  text: string;
  spans: StyledSpan[];
  numId?: string;
  ilvl: number;
  /** The run formatting the paragraph's style gives every run. */
  base: RunStyle;
  /** The list numbering the paragraph's style gives, when the paragraph states none. */
  styleNumbering?: { numId: string; ilvl: number };
};

const applyParagraphStyle = (paragraph: ParagraphState, styles: DocxStyles, id: string | undefined) => {
  const style = resolveStyle(styles, id);
  paragraph.base = style.run;
  if (style.numId !== undefined) paragraph.styleNumbering = { numId: style.numId, ilvl: style.ilvl ?? 0 };
};

const appendText = (paragraph: ParagraphState, text: string, style: RunStyle) => {
  const start = paragraph.text.length;
  paragraph.text += text;
  if (style.red || style.bold || style.underline || style.highlight) {
    paragraph.spans.push({ start, end: paragraph.text.length, ...style });
  }
};

/** Reads word/document.xml into paragraphs with the run formatting that may mark answers. */
const readDocument = (xml: string, numbering: Numbering, styles: DocxStyles): PaperParagraph[] => {
  const paragraphs: PaperParagraph[] = [];
  const counters = new Map<string, number[]>();
  let paragraph: ParagraphState | null = null;
  let style: RunStyle = {};
  let where: 'body' | 'pPr' | 'rPr' | 't' = 'body';
  for (const token of tokenizeXml(xml)) {
    if (token.kind === 'text') {
      if (where === 't' && paragraph) appendText(paragraph, token.text, style);
      continue;
    }
    const name = token.name;
    if (token.kind === 'close') {
      if (name === 'w:p' && paragraph) {
        const list = paragraph.numId
          ? { numId: paragraph.numId, ilvl: paragraph.ilvl }
          : paragraph.styleNumbering;
        const label = list ? numberingLabel(numbering, counters, list.numId, list.ilvl) : '';
        const shift = label ? label.length + 1 : 0;
        const spans = paragraph.spans.map((span) => ({
          ...span,
          start: span.start + shift,
          end: span.end + shift,
        }));
        const text = label ? `${label} ${paragraph.text}` : paragraph.text;
        paragraphs.push({ line: paragraphs.length + 1, text, ...(spans.length ? { spans } : {}) });
        paragraph = null;
      } else if (name === 'w:pPr' || name === 'w:rPr' || name === 'w:t') where = 'body';
      continue;
    }
    if (name === 'w:p') paragraph = token.selfClosing ? null : { text: '', spans: [], ilvl: 0, base: {} };
    if (name === 'w:p' && token.selfClosing) paragraphs.push({ line: paragraphs.length + 1, text: '' });
    if (!paragraph) continue;
    if (name === 'w:pPr' && !token.selfClosing) where = 'pPr';
    else if (where === 'pPr' && name === 'w:pStyle')
      applyParagraphStyle(paragraph, styles, token.attributes['w:val']);
    else if (name === 'w:r') style = { ...paragraph.base };
    else if (where === 'rPr' && name === 'w:rStyle')
      Object.assign(style, resolveStyle(styles, token.attributes['w:val']).run);
    else if (name === 'w:rPr' && where !== 'pPr' && !token.selfClosing) where = 'rPr';
    else if (where === 'rPr') applyRunProperty(style, name, token.attributes);
    else if (where === 'pPr' && name === 'w:numId') paragraph.numId = token.attributes['w:val'];
    else if (where === 'pPr' && name === 'w:ilvl') paragraph.ilvl = Number(token.attributes['w:val'] ?? 0);
    else if (name === 'w:t' && !token.selfClosing) where = 't';
    else if (name === 'w:tab' || name === 'w:br' || name === 'w:cr') appendText(paragraph, ' ', style);
    else if (name === 'w:sym')
      appendText(paragraph, symbols[(token.attributes['w:char'] ?? '').toUpperCase()] ?? '', style);
  }
  return paragraphs;
};

/**
 * Reads a .docx paper into paragraphs (line = paragraph number) with red, bold, underline and
 * highlight spans and Word's automatic numbering written out. A run's formatting is its paragraph
 * style's, its character style's (word/styles.xml, with their `basedOn` parents) and its own; a
 * list paragraph style numbers its paragraphs. A broken file is reported, not thrown.
 */
export const readDocx = (bytes: Uint8Array): { paragraphs: PaperParagraph[]; issues: Issue[] } => {
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name.startsWith('word/') });
    const decoder = new TextDecoder('utf-8');
    const document = files['word/document.xml'];
    if (!document) {
      return {
        paragraphs: [],
        issues: [
          {
            code: 'papers.docx_no_document',
            message: '不是 Word 文档: 缺少 word/document.xml',
            severity: 'error',
          },
        ],
      };
    }
    const text = (name: string) => {
      const file = files[name];
      return file ? decoder.decode(file) : undefined;
    };
    const numbering = readNumbering(text('word/numbering.xml'));
    const styles = readStyles(text('word/styles.xml'));
    return { paragraphs: readDocument(decoder.decode(document), numbering, styles), issues: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      paragraphs: [],
      issues: [
        { code: 'papers.docx_unreadable', message: `无法打开 Word 文档: ${reason}`, severity: 'error' },
      ],
    };
  }
};
