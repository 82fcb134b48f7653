import { z } from 'zod';
import { questionTypes } from '../../domain/exam/index.js';
import type { QuestionRecord, QuestionSummaryRecord } from '../../store/questions.repository.js';

// Field schemas of the question bank. The shape is checked loosely here; validateQuestion (in the
// use-cases) checks the content and names each faulty field, which a zod union could not do as well.
export const questionIdField = z.string().trim().min(1).max(100).describe('Question id, e.g. q-timing-001');
export const questionTypeField = z.enum(questionTypes);
export const questionSourceField = z.enum(['builtin', 'imported', 'manual']);
const tagsSchema = z.object({
  rules: z.array(z.string()),
  platforms: z.array(z.string()),
  topics: z.array(z.string()),
});

export const questionSchema = z
  .looseObject({
    id: questionIdField,
    type: questionTypeField,
    stem: z.string().max(20_000),
    points: z.number(),
    difficulty: z.number().int(),
    tags: tagsSchema,
    explanation: z.string().max(20_000),
  })
  .describe('A Question of the exam model (src/domain/exam/exam.types.ts), answer key included');

export const questionIdParams = z.strictObject({ id: questionIdField });

export const questionFiltersQuery = z.strictObject({
  type: questionTypeField.optional(),
  tag: z.string().trim().min(1).max(64).optional().describe('A rule id, platform or topic'),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  source: questionSourceField.optional(),
  q: z.string().trim().max(200).optional().describe('Text to find in stems, options, answers'),
});

export const listQuery = questionFiltersQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const summarySchema = z.object({
  id: z.string(),
  source: questionSourceField,
  version: z.number(),
  type: questionTypeField,
  stem: z.string(),
  difficulty: z.number(),
  points: z.number(),
  tags: tagsSchema,
  updatedAt: z.string(),
});

export const listResponse = z.object({ questions: z.array(summarySchema), total: z.number() });
export const questionResponse = z.object({
  question: questionSchema,
  version: z.number(),
  source: questionSourceField,
  updatedAt: z.string(),
});

const issueSchema = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.string(),
  at: z.object({ file: z.string(), line: z.number(), field: z.string() }).partial().optional(),
});

export const parseBody = z.union([
  z.strictObject({ text: z.string().max(2_000_000).describe('Pasted paper text') }),
  z.strictObject({
    filename: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .describe('Name with extension: .txt .docx .xlsx .gift .aiken'),
    contentBase64: z.string().max(14_000_000).describe('The file, base64 (at most 10 MB decoded)'),
  }),
]);

export const parseResponse = z.object({
  format: z.string(),
  questions: z.array(
    z.object({
      question: questionSchema,
      flags: z.array(z.string()),
      lines: z.tuple([z.number(), z.number()]),
      issues: z.array(issueSchema),
    }),
  ),
  unread: z.array(z.object({ line: z.number(), text: z.string() })),
  issues: z.array(issueSchema),
});

export const importBody = z.strictObject({ questions: z.array(questionSchema).min(1).max(5000) });
export const importResponse = z.object({ imported: z.number(), ids: z.array(z.string()) });

export const papersResponse = z.object({
  papers: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      timeLimitMinutes: z.number(),
      passMark: z.number(),
      sections: z.array(
        z.object({
          title: z.string(),
          type: questionTypeField,
          pointsEach: z.number(),
          questionIds: z.array(z.string()).optional(),
          draw: z
            .object({
              count: z.number(),
              tags: z.array(z.string()).optional(),
              difficulty: z.tuple([z.number(), z.number()]).optional(),
            })
            .optional(),
        }),
      ),
    }),
  ),
});

export const toSummaryDto = (record: QuestionSummaryRecord) => ({
  ...record,
  updatedAt: record.updatedAt.toISOString(),
});

export const toQuestionDto = (record: QuestionRecord) => ({
  question: record.question,
  version: record.version,
  source: record.source,
  updatedAt: record.updatedAt.toISOString(),
});
