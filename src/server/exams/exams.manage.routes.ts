import {
  confirmGrade,
  createExam,
  createPaper,
  getAttemptReport,
  getExamAnalysis,
  getExamResults,
  getPaper,
  listExams,
  listGradingQueue,
  listPapers,
  previewPaper,
  regradeQuestion,
  updateExam,
  updatePaper,
} from '../../app/exams/index.js';
import type { PaperSpec } from '../../domain/exam/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import {
  analysisResponse,
  gradingResponse,
  regradeResponse,
  reportResponse,
  resultsResponse,
} from './exams.manage.schemas.js';
import {
  createExamBody,
  examSummarySchema,
  examsResponse,
  gradeBody,
  gradingParams,
  idParams,
  paperResponse,
  paperSpecSchema,
  papersResponse,
  previewResponse,
  regradeBody,
  regradeParams,
  updateExamBody,
} from './exams.schemas.js';

type App = Parameters<AreaRoutes>[0];
type Deps = Parameters<AreaRoutes>[1];

// The zod schema checks the spec's shape; validatePaperSpec (in the use-case) checks its sense.
const asSpec = (value: unknown) => value as PaperSpec;

/** 试卷, 考试场次, results, analysis and regrade (exams.manage); the grading queue (exams.grade). */
export const registerExamManageRoutes = (app: App, deps: Deps) => {
  const manage = { permission: 'exams.manage' } as const;
  const tags = ['exams'];
  app.get(
    '/api/papers',
    { config: manage, schema: { tags, response: { 200: papersResponse } } },
    async (request) => ({
      papers: await listPapers({ ...deps, actor: requireAuth(request).actor }),
    }),
  );
  app.post(
    '/api/papers',
    { config: manage, schema: { tags, body: paperSpecSchema, response: { 200: paperResponse } } },
    async (request) =>
      createPaper({ ...deps, actor: requireAuth(request).actor, spec: asSpec(request.body) }),
  );
  app.post(
    '/api/papers/preview',
    { config: manage, schema: { tags, body: paperSpecSchema, response: { 200: previewResponse } } },
    async (request) =>
      previewPaper({ ...deps, actor: requireAuth(request).actor, spec: asSpec(request.body) }),
  );
  app.get(
    '/api/papers/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: paperResponse } } },
    async (request) => getPaper({ ...deps, actor: requireAuth(request).actor, id: request.params.id }),
  );
  app.put(
    '/api/papers/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: paperSpecSchema, response: { 200: paperResponse } },
    },
    async (request) =>
      updatePaper({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        spec: asSpec(request.body),
      }),
  );
  app.get(
    '/api/exams',
    { config: manage, schema: { tags, response: { 200: examsResponse } } },
    async (request) => ({
      exams: await listExams({ ...deps, actor: requireAuth(request).actor }),
    }),
  );
  app.post(
    '/api/exams',
    { config: manage, schema: { tags, body: createExamBody, response: { 200: examSummarySchema } } },
    async (request) => createExam({ ...deps, actor: requireAuth(request).actor, ...request.body }),
  );
  app.patch(
    '/api/exams/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: updateExamBody, response: { 200: examSummarySchema } },
    },
    async (request) =>
      updateExam({ ...deps, actor: requireAuth(request).actor, examId: request.params.id, ...request.body }),
  );
  app.get(
    '/api/exams/:id/results',
    { config: manage, schema: { tags, params: idParams, response: { 200: resultsResponse } } },
    async (request) =>
      getExamResults({ ...deps, actor: requireAuth(request).actor, examId: request.params.id }),
  );
  app.get(
    '/api/exams/:id/analysis',
    { config: manage, schema: { tags, params: idParams, response: { 200: analysisResponse } } },
    async (request) =>
      getExamAnalysis({ ...deps, actor: requireAuth(request).actor, examId: request.params.id }),
  );
  app.get(
    '/api/attempts/:id/report',
    { config: manage, schema: { tags, params: idParams, response: { 200: reportResponse } } },
    async (request) =>
      getAttemptReport({ ...deps, actor: requireAuth(request).actor, attemptId: request.params.id }),
  );
  app.post(
    '/api/questions/:id/regrade',
    {
      config: manage,
      schema: { tags, params: regradeParams, body: regradeBody, response: { 200: regradeResponse } },
    },
    async (request) =>
      regradeQuestion({
        ...deps,
        actor: requireAuth(request).actor,
        questionId: request.params.id,
        examId: request.body?.examId,
      }),
  );
  app.get(
    '/api/grading',
    { config: { permission: 'exams.grade' }, schema: { tags, response: { 200: gradingResponse } } },
    async (request) => ({ items: await listGradingQueue({ ...deps, actor: requireAuth(request).actor }) }),
  );
  app.post(
    '/api/grading/:attemptId/:key',
    { config: { permission: 'exams.grade' }, schema: { tags, params: gradingParams, body: gradeBody } },
    async (request, reply) => {
      await confirmGrade({
        ...deps,
        actor: requireAuth(request).actor,
        attemptId: request.params.attemptId,
        key: request.params.key,
        ...request.body,
      });
      return reply.status(204).send();
    },
  );
};
