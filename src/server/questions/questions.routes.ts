import { z } from 'zod';
import {
  createQuestion,
  deleteQuestion,
  exportQuestionsXlsx,
  getQuestion,
  importQuestions,
  listPaperDefinitions,
  listQuestions,
  parsePreview,
  updateQuestion,
} from '../../app/questions/index.js';
import type { Question } from '../../domain/exam/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import {
  importBody,
  importResponse,
  listQuery,
  listResponse,
  papersResponse,
  parseBody,
  parseResponse,
  questionFiltersQuery,
  questionIdParams,
  questionResponse,
  questionSchema,
  toQuestionDto,
  toSummaryDto,
} from './questions.schemas.js';

// A 10 MB paper is ~13.4 MB as base64; an import of thousands of questions is several MB of JSON.
const uploadBodyLimit = 15 * 1024 * 1024;

const filtersOf = (query: z.infer<typeof questionFiltersQuery>) => ({
  type: query.type,
  tag: query.tag,
  difficulty: query.difficulty,
  source: query.source,
  text: query.q,
});

// The zod schema checks the shape loosely; validateQuestion in the use-case checks the content.
const asQuestion = (value: z.infer<typeof questionSchema>) => value as unknown as Question;

/** 题库: the question bank, smart paper import and the built-in paper definitions. */
export const questionsRoutes: AreaRoutes = async (app, deps) => {
  app.get(
    '/api/questions',
    {
      config: { permission: 'questions.read' },
      schema: { tags: ['questions'], querystring: listQuery, response: { 200: listResponse } },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const page = await listQuestions({
        ...deps,
        actor: requireAuth(request).actor,
        filters: filtersOf(filters),
        limit,
        offset,
      });
      return { questions: page.questions.map(toSummaryDto), total: page.total };
    },
  );
  app.get(
    '/api/questions/export.xlsx',
    {
      config: { permission: 'questions.manage' },
      schema: { tags: ['questions'], querystring: questionFiltersQuery },
    },
    async (request, reply) => {
      const { bytes } = await exportQuestionsXlsx({
        ...deps,
        actor: requireAuth(request).actor,
        filters: filtersOf(request.query),
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="questions.xlsx"')
        .send(Buffer.from(bytes));
    },
  );
  app.get(
    '/api/questions/papers',
    {
      config: { permission: 'questions.read' },
      schema: { tags: ['questions'], response: { 200: papersResponse } },
    },
    async (request) => ({ papers: listPaperDefinitions({ actor: requireAuth(request).actor }) }),
  );
  app.get(
    '/api/questions/:id',
    {
      config: { permission: 'questions.read' },
      schema: {
        tags: ['questions'],
        params: questionIdParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: questionResponse },
      },
    },
    async (request) =>
      toQuestionDto(
        await getQuestion({
          ...deps,
          actor: requireAuth(request).actor,
          id: request.params.id,
          version: request.query.version,
        }),
      ),
  );
  app.post(
    '/api/questions',
    {
      config: { permission: 'questions.manage' },
      schema: {
        tags: ['questions'],
        body: z.strictObject({ question: questionSchema }),
        response: { 200: questionResponse },
      },
    },
    async (request) =>
      toQuestionDto(
        await createQuestion({
          ...deps,
          actor: requireAuth(request).actor,
          question: asQuestion(request.body.question),
        }),
      ),
  );
  app.patch(
    '/api/questions/:id',
    {
      config: { permission: 'questions.manage' },
      schema: {
        tags: ['questions'],
        params: questionIdParams,
        body: z.strictObject({ question: questionSchema }),
        response: { 200: questionResponse },
      },
    },
    async (request) =>
      toQuestionDto(
        await updateQuestion({
          ...deps,
          actor: requireAuth(request).actor,
          id: request.params.id,
          question: asQuestion(request.body.question),
        }),
      ),
  );
  app.delete(
    '/api/questions/:id',
    {
      config: { permission: 'questions.manage' },
      schema: {
        tags: ['questions'],
        params: questionIdParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await deleteQuestion({ ...deps, actor: requireAuth(request).actor, id: request.params.id });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/questions/parse',
    {
      bodyLimit: uploadBodyLimit,
      config: { permission: 'questions.manage' },
      schema: { tags: ['questions'], body: parseBody, response: { 200: parseResponse } },
    },
    async (request) => {
      const body = request.body;
      const file =
        'contentBase64' in body
          ? { filename: body.filename, bytes: new Uint8Array(Buffer.from(body.contentBase64, 'base64')) }
          : undefined;
      return parsePreview({
        ...deps,
        actor: requireAuth(request).actor,
        text: 'text' in body ? body.text : undefined,
        file,
      });
    },
  );
  app.post(
    '/api/questions/import',
    {
      bodyLimit: uploadBodyLimit,
      config: { permission: 'questions.manage' },
      schema: { tags: ['questions'], body: importBody, response: { 200: importResponse } },
    },
    async (request) =>
      importQuestions({
        ...deps,
        actor: requireAuth(request).actor,
        questions: request.body.questions.map(asQuestion),
      }),
  );
};
