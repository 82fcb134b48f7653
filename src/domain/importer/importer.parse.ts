import type { Issue } from '../shared/index.js';
import { finishAssembly, newAssembly, readLine } from './importer.assemble.js';
import { withCase } from './importer.cases.js';
import { defaultImportConventions, type ImportConventions } from './importer.conventions.js';
import { resolveDraft } from './importer.resolve.js';
import { applyKeys, flagDuplicates, flagOddOptionCounts } from './importer.review.js';
import type { LineUse, PaperParagraph, ParsePaperResult } from './importer.types.js';

/** Splits pasted text into numbered lines (1-based); `\r\n`, `\r` and `\n` all end a line. */
export const splitPaperText = (text: string): PaperParagraph[] =>
  text.split(/\r\n|\r|\n/).map((line, index) => ({ line: index + 1, text: line }));

const fallback = (paragraphs: PaperParagraph[], error: unknown): ParsePaperResult => ({
  result: {
    questions: [],
    lineUses: paragraphs.map((paragraph) => ({ line: paragraph.line, use: 'unread' as LineUse })),
  },
  issues: [
    {
      code: 'importer.internal',
      message: `导入程序内部错误,全部文字未识别: ${error instanceof Error ? error.message : String(error)}`,
      severity: 'error',
    },
  ],
});

const parseParagraphs = (paragraphs: PaperParagraph[], conventions: ImportConventions): ParsePaperResult => {
  const state = newAssembly(conventions);
  for (const paragraph of paragraphs) readLine(state, paragraph);
  finishAssembly(state);
  const keyIssues: Issue[] = applyKeys(state.drafts, state.keys);
  const questions = state.drafts.map((draft) =>
    withCase(resolveDraft(draft, conventions), draft, state.cases),
  );
  flagOddOptionCounts(questions);
  flagDuplicates(questions);
  const lineUses = paragraphs.map((paragraph) => ({
    line: paragraph.line,
    use: state.uses.get(paragraph.line) ?? ('blank' as LineUse),
  }));
  const issues = [...state.issues, ...keyIssues].sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0));
  return { result: { questions, lineUses }, issues };
};

/**
 * Reads a pasted or uploaded exam paper into questions. Never throws: what it cannot read is
 * returned as `importer.unread_text` issues with their lines, page furniture as `importer.skipped`,
 * and every question it is unsure of carries flags. Give `text` (pasted) or `paragraphs` (from a
 * .docx or a sheet, with run styles that may mark answers).
 */
export const parsePaper = ({
  text,
  paragraphs,
  conventions = defaultImportConventions,
}: {
  text?: string;
  paragraphs?: PaperParagraph[];
  conventions?: ImportConventions;
}): ParsePaperResult => {
  const input = paragraphs ?? splitPaperText(text ?? '');
  try {
    return parseParagraphs(input, conventions);
  } catch (error) {
    return fallback(input, error);
  }
};
