import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Question, QuestionType } from '../../domain/exam/index.js';
import type { Issue, WithIssues } from '../../domain/shared/index.js';

export const builtInQuestionsDirectory = resolve(import.meta.dirname, '../../../data/questions');
export const builtInPapersDirectory = resolve(import.meta.dirname, '../../../data/papers');

/** A random draw of a paper section: `count` questions carrying any of `tags`, within `difficulty`. */
export type PaperDraw = { count: number; tags?: string[]; difficulty?: [number, number] };

/** One section of a paper definition (data/papers/*.json): fixed questions or a random draw. */
export type PaperSection = {
  title: string;
  type: QuestionType;
  pointsEach: number;
  questionIds?: string[];
  draw?: PaperDraw;
};

export type PaperDefinition = {
  id: string;
  title: string;
  description: string;
  timeLimitMinutes: number;
  passMark: number;
  sections: PaperSection[];
};

const fileIssue = (code: string, file: string, message: string): Issue => ({
  code,
  message,
  severity: 'error',
  at: { file },
});

const readJson = (file: string): WithIssues<unknown> => {
  try {
    return { result: JSON.parse(readFileSync(file, 'utf8')) as unknown, issues: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { result: null, issues: [fileIssue('questions.unreadable_file', file, `无法读取: ${reason}`)] };
  }
};

const jsonFiles = (directory: string) =>
  readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(directory, name));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Reads the built-in bank: every `{ "title", "questions": [...] }` file of `directory`, in file
 * name order. The content is checked by validateQuestion where it is used; a file that is not
 * JSON or has no question list becomes an issue naming it, and the other files still load.
 */
export const loadQuestionBank = ({
  directory = builtInQuestionsDirectory,
}: {
  directory?: string;
} = {}): WithIssues<Question[]> => {
  const issues: Issue[] = [];
  const result: Question[] = [];
  for (const file of jsonFiles(directory)) {
    const parsed = readJson(file);
    issues.push(...parsed.issues);
    if (parsed.result === null) continue;
    if (isRecord(parsed.result) && Array.isArray(parsed.result.questions)) {
      result.push(...(parsed.result.questions as Question[]));
    } else {
      issues.push(
        fileIssue('questions.bad_shape', file, '题库文件需要 { "title": string, "questions": [...] }'),
      );
    }
  }
  return { result, issues };
};

/** Reads every paper definition of `directory` (data/papers by default). */
export const loadPaperDefinitions = ({
  directory = builtInPapersDirectory,
}: {
  directory?: string;
} = {}): WithIssues<PaperDefinition[]> => {
  const issues: Issue[] = [];
  const result: PaperDefinition[] = [];
  for (const file of jsonFiles(directory)) {
    const parsed = readJson(file);
    issues.push(...parsed.issues);
    if (parsed.result === null) continue;
    if (isRecord(parsed.result) && Array.isArray(parsed.result.sections)) {
      result.push(parsed.result as PaperDefinition);
    } else {
      issues.push(fileIssue('papers.bad_shape', file, '试卷文件需要 { "id", "title", "sections": [...] }'));
    }
  }
  return { result, issues };
};
