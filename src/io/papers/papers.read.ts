import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type LineUse, type ParsedQuestion, parsePaper } from '../../domain/importer/index.js';
import type { Issue } from '../../domain/shared/index.js';
import { readAiken } from './papers.aiken.js';
import { readDocx } from './papers.docx.js';
import { readGift } from './papers.gift.js';
import { decodePaperText } from './papers.text.js';
import { readQuestionsXlsx } from './papers.xlsx.js';

export const paperFormats = ['text', 'docx', 'xlsx', 'gift', 'aiken'] as const;
export type PaperFormat = (typeof paperFormats)[number];

export type ReadPaper = {
  format: PaperFormat;
  questions: ParsedQuestion[];
  issues: Issue[];
  /** How each line was used (text and Word papers only). */
  lineUses?: { line: number; use: LineUse }[];
};

const byExtension: Record<string, PaperFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.gift': 'gift',
  '.aiken': 'aiken',
};

/** The format a file name implies, or null for an extension we do not read. */
export const formatOf = (name: string): PaperFormat | null =>
  byExtension[extname(name).toLowerCase()] ?? null;

const withFile = (issues: Issue[], file: string): Issue[] =>
  issues.map((issue) => ({ ...issue, at: { ...issue.at, file } }));

/** Reads a paper from bytes; `format` defaults to what the name's extension says (else plain text). */
export const readPaperBytes = async ({
  name,
  bytes,
  format = formatOf(name) ?? 'text',
}: {
  name: string;
  bytes: Uint8Array;
  format?: PaperFormat;
}): Promise<ReadPaper> => {
  if (format === 'xlsx') {
    const read = await readQuestionsXlsx(bytes);
    return { format, questions: read.questions, issues: withFile(read.issues, name) };
  }
  if (format === 'docx') {
    const docx = readDocx(bytes);
    const parsed = parsePaper({ paragraphs: docx.paragraphs });
    const issues = withFile([...docx.issues, ...parsed.issues], name);
    return { format, questions: parsed.result.questions, issues, lineUses: parsed.result.lineUses };
  }
  const decoded = decodePaperText(bytes);
  if (format === 'gift' || format === 'aiken') {
    const read = format === 'gift' ? readGift(decoded.text) : readAiken(decoded.text);
    return { format, questions: read.questions, issues: withFile([...decoded.issues, ...read.issues], name) };
  }
  const parsed = parsePaper({ text: decoded.text });
  const issues = withFile([...decoded.issues, ...parsed.issues], name);
  return { format, questions: parsed.result.questions, issues, lineUses: parsed.result.lineUses };
};

/** Reads a paper file from disk (see `readPaperBytes`). */
export const readPaperFile = async ({
  path,
  format,
}: {
  path: string;
  format?: PaperFormat;
}): Promise<ReadPaper> =>
  readPaperBytes({ name: path, bytes: new Uint8Array(await readFile(path)), ...(format ? { format } : {}) });
