import { request } from './client.js';

export const questionTypes = [
  'single',
  'multiple',
  'true_false',
  'fill_blank',
  'short_answer',
  'scenario',
  'case',
] as const;
export type QuestionType = (typeof questionTypes)[number];
export type QuestionSource = 'builtin' | 'imported' | 'manual';

export type QuestionTags = { rules: string[]; platforms: string[]; topics: string[] };
export type RubricItem = { keywords: string[]; points: number; label: string };

type Base = {
  id: string;
  stem: string;
  points: number;
  difficulty: number;
  tags: QuestionTags;
  explanation: string;
};

/** The exam model's Question (src/domain/exam/exam.types.ts) as the API sends it. */
export type Question =
  | (Base & { type: 'single' | 'multiple'; options: string[]; answer: number[] })
  | (Base & { type: 'true_false'; answer: boolean })
  | (Base & { type: 'fill_blank'; answer: string[][] })
  | (Base & { type: 'short_answer'; reference: string; rubric: RubricItem[] })
  | (Base & {
      type: 'scenario';
      buyerText: string;
      reference: string;
      rubric: RubricItem[];
      forbiddenRules: string[];
    })
  | (Base & { type: 'case'; material: string; subQuestions: Question[] });

export type QuestionSummary = {
  id: string;
  source: QuestionSource;
  version: number;
  type: QuestionType;
  stem: string;
  difficulty: number;
  points: number;
  tags: QuestionTags;
  updatedAt: string;
};

export type QuestionDetail = {
  question: Question;
  version: number;
  source: QuestionSource;
  updatedAt: string;
};

export type QuestionFilters = {
  type?: QuestionType | undefined;
  tag?: string | undefined;
  difficulty?: number | undefined;
  source?: QuestionSource | undefined;
  q?: string | undefined;
};

export type Issue = {
  code: string;
  message: string;
  severity: string;
  at?: { file?: string; line?: number; field?: string };
};

export type QuestionFlag =
  | 'no_answer'
  | 'type_guessed'
  | 'odd_option_count'
  | 'duplicate'
  | 'answer_out_of_range'
  | 'options_unlettered'
  | 'answer_conflict';

export type PreviewQuestion = {
  question: Question;
  flags: QuestionFlag[];
  lines: [number, number];
  issues: Issue[];
};

export type ParsePreview = {
  format: string;
  questions: PreviewQuestion[];
  unread: { line: number; text: string }[];
  issues: Issue[];
};

/** The largest file the import reads; mirrors maxPaperBytes on the server. */
export const maxPaperBytes = 10 * 1024 * 1024;

const filterQuery = (filters: QuestionFilters) => ({
  type: filters.type,
  tag: filters.tag,
  difficulty: filters.difficulty === undefined ? undefined : String(filters.difficulty),
  source: filters.source,
  q: filters.q,
});

export const listQuestions = (filters: QuestionFilters, page: { limit: number; offset: number }) =>
  request<{ questions: QuestionSummary[]; total: number }>('/api/questions', {
    query: { ...filterQuery(filters), limit: String(page.limit), offset: String(page.offset) },
  });

export const getQuestion = (id: string) =>
  request<QuestionDetail>(`/api/questions/${encodeURIComponent(id)}`);

export const parsePaperText = (text: string) =>
  request<ParsePreview>('/api/questions/parse', { method: 'POST', body: { text } });

export const parsePaperFile = (filename: string, contentBase64: string) =>
  request<ParsePreview>('/api/questions/parse', { method: 'POST', body: { filename, contentBase64 } });

export const importQuestions = (questions: Question[]) =>
  request<{ imported: number; ids: string[] }>('/api/questions/import', {
    method: 'POST',
    body: { questions },
  });

/** Where the browser downloads the filtered bank as .xlsx (a plain link: the session cookie suffices). */
export const exportUrl = (filters: QuestionFilters) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterQuery(filters))) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `/api/questions/export.xlsx?${text}` : '/api/questions/export.xlsx';
};
