import { z } from 'zod';
import { questionTypes } from '../../domain/exam/index.js';
import { questionIdField } from '../questions/questions.schemas.js';

// Field schemas of the exam routes. Candidate responses are z.object allow-lists: the serializer
// drops every key not listed here, so an answer key can reach a candidate only through a field
// that names it (result.items[].answerKey, released by the paper's policy).

const iso = z.string().describe('ISO-8601 time');
const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .describe('ISO-8601 time with offset, e.g. 2026-03-02T09:00:00+08:00');
const questionType = z.enum(questionTypes);
const policy = z.enum(['on_submit', 'after_close', 'never']);

export const idParams = z.strictObject({ id: z.uuid() });
export const examIdParams = z.strictObject({ examId: z.uuid() });
export const answerParams = z.strictObject({ id: z.uuid(), key: z.string().regex(/^q\d{1,4}$/) });
export const gradingParams = z.strictObject({ attemptId: z.uuid(), key: z.string().regex(/^q\d{1,4}$/) });
export const questionParams = z.strictObject({ questionId: questionIdField });
export const regradeParams = z.strictObject({ id: questionIdField });

const sectionSchema = z.strictObject({
  title: z.string().trim().max(200),
  type: questionType,
  pointsEach: z.number().positive().max(1000),
  questionIds: z.array(questionIdField).min(1).max(500).optional().describe('Fixed questions, in order'),
  draw: z
    .strictObject({
      count: z.number().int().min(1).max(500),
      tags: z.array(z.string().trim().min(1).max(64)).max(50).optional().describe('Any of these tags'),
      difficulty: z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]).optional(),
    })
    .optional()
    .describe('Or N random questions of the section type'),
});

export const paperSpecSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5_000),
    sections: z.array(sectionSchema).min(1).max(50),
    passMark: z.number().min(0),
    timeLimitMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    attemptsAllowed: z.number().int().min(0).max(100).describe('0 = unlimited'),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    showScore: policy.describe('When candidates see their score'),
    showKey: policy.describe('When candidates see the answer key and explanations'),
    certifies: z.boolean().describe('Passing certifies the agent for duty (上岗)'),
  })
  .describe('PaperSpec (src/domain/exam)');

// A stored paper as the API returns it: the spec's fields, stripped rather than refused if the
// stored spec ever holds more.
export const paperResponse = z.object({
  ...paperSpecSchema.shape,
  title: z.string(),
  sections: z.array(
    z.object({
      ...sectionSchema.shape,
      title: z.string(),
      draw: z
        .object({
          count: z.number(),
          tags: z.array(z.string()).optional(),
          difficulty: z.tuple([z.number(), z.number()]).optional(),
        })
        .optional(),
    }),
  ),
  id: z.string(),
  updatedAt: iso,
});

export const papersResponse = z.object({
  papers: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      questionCount: z.number(),
      totalPoints: z.number(),
      passMark: z.number(),
      timeLimitMinutes: z.number(),
      certifies: z.boolean(),
      updatedAt: iso,
    }),
  ),
});

const issueSchema = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.string().optional(),
  at: z.object({ section: z.number() }).partial().optional(),
});

export const previewResponse = z.object({
  questions: z.array(
    z.object({
      key: z.string(),
      questionId: z.string(),
      section: z.number(),
      points: z.number(),
      type: questionType,
      stem: z.string(),
    }),
  ),
  issues: z.array(issueSchema),
});

export const examSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  paperId: z.string(),
  paperTitle: z.string(),
  opensAt: iso,
  closesAt: iso,
  assigned: z.number(),
  started: z.number(),
  submitted: z.number(),
  passed: z.number(),
  passRate: z.number().nullable(),
});

export const examsResponse = z.object({ exams: z.array(examSummarySchema) });

export const createExamBody = z.strictObject({
  paperId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  opensAt: instant,
  closesAt: instant,
  userIds: z.array(z.uuid()).max(5_000).optional(),
  teamIds: z.array(z.uuid()).max(200).optional(),
});

export const updateExamBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  opensAt: instant.optional(),
  closesAt: instant.optional(),
  addUserIds: z.array(z.uuid()).max(5_000).optional(),
  addTeamIds: z.array(z.uuid()).max(200).optional(),
});

// What a candidate may send as an answer; answerProblem (app layer) checks it against the question.
const leafAnswer = z.union([
  z.null(),
  z.boolean(),
  z.string().max(20_000),
  z.array(z.number().int().min(0).max(100)).max(100),
  z.array(z.string().max(500)).max(100),
]);
export const answerSchema = z
  .union([leafAnswer, z.record(z.string().regex(/^\d{1,3}$/), leafAnswer)])
  .describe(
    'Choice: option indexes as displayed; true/false: boolean; blanks: string[]; text: string; case: { "0": … }',
  );

export const saveAnswerBody = z.strictObject({
  answer: answerSchema,
  revision: z.number().int().min(1).max(1_000_000_000),
  flagged: z.boolean().optional(),
});
export const savedAnswerResponse = z.object({
  key: z.string(),
  revision: z.number(),
  savedAt: iso.nullable(),
});
export const eventBody = z.strictObject({ kind: z.enum(['blur', 'focus', 'reload']) });
export const practiceBody = z.strictObject({ answer: answerSchema });
export const regradeBody = z.strictObject({ examId: z.uuid().optional() }).optional();
export const gradeBody = z.strictObject({
  score: z.number().min(0).max(1000),
  feedback: z.string().max(2_000).optional(),
});

// The candidate's view of a question (CandidateQuestion): only what sitting the exam needs.
const candidateLeaf = z.object({
  key: z.string(),
  type: questionType,
  stem: z.string(),
  points: z.number(),
  options: z.array(z.string()).optional(),
  blanks: z.number().optional(),
  buyerText: z.string().optional(),
});
const candidateQuestionSchema = candidateLeaf.extend({
  material: z.string().optional(),
  subQuestions: z.array(candidateLeaf).optional(),
});

const resultSchema = z.object({
  score: z.number().nullable(),
  maxScore: z.number(),
  passed: z.boolean().nullable(),
  pendingReview: z.boolean(),
  items: z.array(
    z.object({
      key: z.string(),
      score: z.number().nullable(),
      maxScore: z.number(),
      correct: z.boolean().nullable(),
      answerKey: z.unknown().optional(),
      explanation: z.string().optional(),
      feedback: z.string().optional(),
    }),
  ),
});

export const attemptViewResponse = z.object({
  id: z.string(),
  examId: z.string(),
  title: z.string(),
  number: z.number(),
  status: z.enum(['active', 'submitted']),
  startedAt: iso,
  deadlineAt: iso,
  serverNow: iso.describe('The server clock, so the page counts down against it, not the device'),
  submittedAt: iso.nullable(),
  submittedBy: z.enum(['candidate', 'deadline']).nullable(),
  questions: z.array(candidateQuestionSchema),
  answers: z.record(
    z.string(),
    z.object({ answer: z.unknown(), revision: z.number(), savedAt: iso.nullable() }),
  ),
  flagged: z.array(z.string()),
  result: resultSchema.nullable(),
});

export const myExamsResponse = z.object({
  exams: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      paperTitle: z.string(),
      opensAt: iso,
      closesAt: iso,
      timeLimitMinutes: z.number(),
      questionCount: z.number(),
      totalPoints: z.number(),
      passMark: z.number(),
      attemptsAllowed: z.number(),
      attemptsUsed: z.number(),
      activeAttemptId: z.string().nullable(),
      status: z.enum(['upcoming', 'open', 'closed']),
      best: z.object({ score: z.number().nullable(), passed: z.boolean().nullable() }).nullable(),
      lastAttemptId: z.string().nullable(),
    }),
  ),
});

export const wrongQuestionsResponse = z.object({
  items: z.array(
    candidateLeaf.omit({ key: true, points: true }).extend({
      material: z.string().optional(),
      subQuestions: z.array(candidateLeaf).optional(),
      questionId: z.string(),
      version: z.number(),
      answerKey: z.unknown(),
      explanation: z.string(),
      wrongCount: z.number(),
      lastWrongAt: iso,
      yourAnswer: z.unknown().describe('In the option order shown here (the bank order)'),
    }),
  ),
});

export const practiceResponse = z.object({
  correct: z.boolean(),
  score: z.number(),
  maxScore: z.number(),
  answerKey: z.unknown(),
  explanation: z.string(),
});
