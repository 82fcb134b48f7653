import {
  getAttempt,
  listMyExams,
  listWrongQuestions,
  practiseWrongQuestion,
  recordAttemptEvent,
  saveAttemptAnswer,
  startAttempt,
  submitAttempt,
} from '../../app/exams/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import { registerExamManageRoutes } from './exams.manage.routes.js';
import {
  attemptViewResponse,
  answerParams,
  eventBody,
  examIdParams,
  idParams,
  myExamsResponse,
  practiceBody,
  practiceResponse,
  questionParams,
  saveAnswerBody,
  savedAnswerResponse,
  wrongQuestionsResponse,
} from './exams.schemas.js';

/**
 * 考试: the candidate's routes (exams.take; always the signed-in user's own exams and attempts —
 * another user's attempt is a 404) and, registered from exams.manage.routes.ts, the manager's.
 */
export const examsRoutes: AreaRoutes = async (app, deps) => {
  const take = { permission: 'exams.take' } as const;
  const tags = ['exams'];
  app.get(
    '/api/my/exams',
    { config: take, schema: { tags, response: { 200: myExamsResponse } } },
    async (request) => ({ exams: await listMyExams({ ...deps, actor: requireAuth(request).actor }) }),
  );
  app.post(
    '/api/my/exams/:examId/attempts',
    { config: take, schema: { tags, params: examIdParams, response: { 200: attemptViewResponse } } },
    async (request) =>
      startAttempt({ ...deps, actor: requireAuth(request).actor, examId: request.params.examId }),
  );
  app.get(
    '/api/attempts/:id',
    { config: take, schema: { tags, params: idParams, response: { 200: attemptViewResponse } } },
    async (request) =>
      getAttempt({ ...deps, actor: requireAuth(request).actor, attemptId: request.params.id }),
  );
  app.put(
    '/api/attempts/:id/answers/:key',
    {
      config: take,
      schema: { tags, params: answerParams, body: saveAnswerBody, response: { 200: savedAnswerResponse } },
    },
    async (request) =>
      saveAttemptAnswer({
        ...deps,
        actor: requireAuth(request).actor,
        attemptId: request.params.id,
        key: request.params.key,
        ...request.body,
      }),
  );
  app.post(
    '/api/attempts/:id/events',
    { config: take, schema: { tags, params: idParams, body: eventBody } },
    async (request, reply) => {
      await recordAttemptEvent({
        ...deps,
        actor: requireAuth(request).actor,
        attemptId: request.params.id,
        kind: request.body.kind,
      });
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/attempts/:id/submit',
    { config: take, schema: { tags, params: idParams, response: { 200: attemptViewResponse } } },
    async (request) =>
      submitAttempt({ ...deps, actor: requireAuth(request).actor, attemptId: request.params.id }),
  );
  app.get(
    '/api/my/wrong-questions',
    { config: take, schema: { tags, response: { 200: wrongQuestionsResponse } } },
    async (request) => ({ items: await listWrongQuestions({ ...deps, actor: requireAuth(request).actor }) }),
  );
  app.post(
    '/api/my/wrong-questions/:questionId/practice',
    {
      config: take,
      schema: { tags, params: questionParams, body: practiceBody, response: { 200: practiceResponse } },
    },
    async (request) =>
      practiseWrongQuestion({
        ...deps,
        actor: requireAuth(request).actor,
        questionId: request.params.questionId,
        answer: request.body.answer,
      }),
  );
  registerExamManageRoutes(app, deps);
};
