import { z } from 'zod';
import { questionTypes } from '../../domain/exam/index.js';
import { questionSchema } from '../questions/questions.schemas.js';
import { examSummarySchema } from './exams.schemas.js';

// Responses of the manager and grader routes (exams.manage, exams.grade): these carry answer keys.

const iso = z.string().describe('ISO-8601 time');
const questionType = z.enum(questionTypes);

export const resultsResponse = z.object({
  exam: examSummarySchema,
  candidates: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      login: z.string(),
      team: z.string().nullable(),
      attempts: z.number(),
      best: z.number().nullable(),
      passed: z.boolean().nullable(),
      submittedAt: iso.nullable(),
      blurCount: z.number().describe('Times the candidate left the exam tab (切屏)'),
      status: z.enum(['not_started', 'in_progress', 'pending_review', 'submitted']),
      lastAttemptId: z
        .string()
        .nullable()
        .describe('the best graded attempt, else the latest; opens its report'),
    }),
  ),
  distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
  passRate: z.number().nullable(),
  averageScore: z.number().nullable(),
});

export const analysisResponse = z.object({
  items: z.array(
    z.object({
      questionId: z.string(),
      version: z.number(),
      stem: z.string(),
      type: questionType,
      count: z.number(),
      facility: z.number().nullable(),
      sd: z.number().nullable(),
      discrimination: z.number().nullable(),
      discriminativeEfficiency: z.number().nullable(),
      optionDistribution: z.record(z.string(), z.number()),
      flags: z.array(z.enum(['too_easy', 'too_hard', 'low_discrimination', 'negative_discrimination'])),
    }),
  ),
  cronbachAlpha: z.number().nullable(),
  attempts: z.number(),
  fewAttempts: z.boolean(),
});

export const reportResponse = z.object({
  attempt: z.object({
    id: z.string(),
    examId: z.string(),
    examTitle: z.string(),
    userId: z.string(),
    displayName: z.string(),
    login: z.string(),
    number: z.number(),
    status: z.enum(['active', 'submitted']),
    startedAt: iso,
    deadlineAt: iso,
    submittedAt: iso.nullable(),
    submittedBy: z.enum(['candidate', 'deadline']).nullable(),
    score: z.number().nullable(),
    maxScore: z.number(),
    passed: z.boolean().nullable(),
    pendingReview: z.boolean(),
  }),
  questions: z.array(
    z.object({
      key: z.string(),
      questionId: z.string(),
      version: z.number(),
      section: z.number(),
      points: z.number(),
      question: questionSchema,
      answer: z.unknown().describe('In the bank option order of `question`'),
      savedAt: iso.nullable(),
      score: z.number().nullable(),
      autoScore: z.number().nullable(),
      maxScore: z.number(),
      pendingReview: z.boolean(),
      feedback: z.string().nullable(),
    }),
  ),
  events: z.array(z.object({ kind: z.string(), at: iso })),
});

export const regradeResponse = z.object({ attempts: z.number(), changed: z.number() });

export const gradingResponse = z.object({
  items: z.array(
    z.object({
      attemptId: z.string(),
      key: z.string(),
      examTitle: z.string(),
      candidate: z.string(),
      type: questionType,
      stem: z.string(),
      buyerText: z.string().nullable(),
      reference: z.string(),
      rubric: z.array(z.object({ keywords: z.array(z.string()), points: z.number(), label: z.string() })),
      answer: z.unknown(),
      suggestedScore: z.number(),
      maxScore: z.number(),
    }),
  ),
});
