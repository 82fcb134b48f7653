import { Readable } from 'node:stream';
import {
  addInspectionExamples,
  appealFinding,
  archiveScoreSheet,
  confirmFinding,
  decideAppeal,
  deleteScoreSheet,
  dismissFinding,
  drawSamples,
  evaluateInspectionExamples,
  exportLearningLoop,
  getInspectionConversation,
  getInspectionRun,
  getShopSettings,
  inspectionScores,
  listInspectionExamples,
  listLabellingRules,
  listInspectionFindings,
  listInspectionRuns,
  listInspectionSamples,
  listInspectionSheets,
  removeInspectionExample,
  saveScoreSheet,
  saveShopRuleSettings,
  scoreInspectionSample,
  scoreSheetHistory,
  startInspectionRun,
  updateInspectionExample,
} from '../../app/inspection/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import { evaluationQuery, evaluationResponse } from './inspection.evaluation.schemas.js';
import {
  appealBody,
  confirmBody,
  conversationParams,
  conversationResponse,
  decideBody,
  dismissBody,
  drawBody,
  drawResponse,
  findingSchema,
  findingsQuery,
  findingsResponse,
  idParams,
  runBody,
  runSchema,
  runsResponse,
  sampleSchema,
  samplesQuery,
  samplesResponse,
  scoreBody,
  scoresQuery,
  scoresResponse,
  settingsBody,
  settingsResponse,
  settingsVersionResponse,
  sheetBody,
  sheetSchema,
  sheetsResponse,
  examplesQuery,
  examplesResponse,
  exampleBody,
  exampleCreated,
  labellingRulesQuery,
  labellingRulesResponse,
  newExampleBody,
  sheetHistoryResponse,
  archiveBody,
  shopParams,
} from './inspection.schemas.js';

const tags = ['inspection'];

/** 质检 workbench: bulk runs, findings and their review, QA scores, shop settings, 抽检, export. */
export const inspectionRoutes: AreaRoutes = async (app, deps) => {
  app.post(
    '/api/inspection/runs',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, body: runBody, response: { 200: runSchema } },
    },
    async (request) => {
      const { run, done } = await startInspectionRun({
        ...deps,
        actor: requireAuth(request).actor,
        ...request.body,
      });
      // The run records its own failure; this only catches a database gone away meanwhile.
      done.catch((error: unknown) => request.log.error({ err: error, runId: run.id }, 'inspection run lost'));
      return run;
    },
  );
  app.get(
    '/api/inspection/runs',
    { config: { permission: 'inspection.read' }, schema: { tags, response: { 200: runsResponse } } },
    async (request) => ({ runs: await listInspectionRuns({ ...deps, actor: requireAuth(request).actor }) }),
  );
  app.get(
    '/api/inspection/runs/:id',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, params: idParams, response: { 200: runSchema } },
    },
    async (request) =>
      getInspectionRun({ ...deps, actor: requireAuth(request).actor, id: request.params.id }),
  );
  // Agents hold inspection.appeal only; the use-cases narrow them to their own findings and chats.
  app.get(
    '/api/inspection/findings',
    {
      config: { permission: 'inspection.appeal' },
      schema: { tags, querystring: findingsQuery, response: { 200: findingsResponse } },
    },
    async (request) =>
      listInspectionFindings({ ...deps, actor: requireAuth(request).actor, query: request.query }),
  );
  app.get(
    '/api/inspection/conversations/:shopId/:conversation',
    {
      config: { permission: 'inspection.appeal' },
      schema: { tags, params: conversationParams, response: { 200: conversationResponse } },
    },
    async (request) =>
      getInspectionConversation({ ...deps, actor: requireAuth(request).actor, ...request.params }),
  );
  const review = { tags, params: idParams, response: { 200: findingSchema } };
  app.post(
    '/api/inspection/findings/:id/confirm',
    { config: { permission: 'inspection.review' }, schema: { ...review, body: confirmBody } },
    async (request) =>
      confirmFinding({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        note: request.body.note,
      }),
  );
  app.post(
    '/api/inspection/findings/:id/dismiss',
    { config: { permission: 'inspection.review' }, schema: { ...review, body: dismissBody } },
    async (request) =>
      dismissFinding({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        reason: request.body.reason,
      }),
  );
  app.post(
    '/api/inspection/findings/:id/appeal',
    { config: { permission: 'inspection.appeal' }, schema: { ...review, body: appealBody } },
    async (request) =>
      appealFinding({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        text: request.body.text,
      }),
  );
  app.post(
    '/api/inspection/findings/:id/decide',
    { config: { permission: 'inspection.review' }, schema: { ...review, body: decideBody } },
    async (request) =>
      decideAppeal({ ...deps, actor: requireAuth(request).actor, id: request.params.id, ...request.body }),
  );
  app.get(
    '/api/inspection/scores',
    {
      config: { permission: 'inspection.appeal' },
      schema: { tags, querystring: scoresQuery, response: { 200: scoresResponse } },
    },
    async (request) => inspectionScores({ ...deps, actor: requireAuth(request).actor, ...request.query }),
  );
  app.get(
    '/api/inspection/score-sheets',
    { config: { permission: 'inspection.read' }, schema: { tags, response: { 200: sheetsResponse } } },
    async (request) => listInspectionSheets({ ...deps, actor: requireAuth(request).actor }),
  );
  app.post(
    '/api/inspection/score-sheets',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, body: sheetBody, response: { 200: sheetSchema } },
    },
    async (request) => saveScoreSheet({ ...deps, actor: requireAuth(request).actor, ...request.body }),
  );
  app.put(
    '/api/inspection/score-sheets/:id',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, params: idParams, body: sheetBody, response: { 200: sheetSchema } },
    },
    async (request) =>
      saveScoreSheet({ ...deps, actor: requireAuth(request).actor, id: request.params.id, ...request.body }),
  );
  app.get(
    '/api/inspection/score-sheets/:id/versions',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, params: idParams, response: { 200: sheetHistoryResponse } },
    },
    async (request) =>
      scoreSheetHistory({ ...deps, actor: requireAuth(request).actor, id: request.params.id }),
  );
  app.put(
    '/api/inspection/score-sheets/:id/archived',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, params: idParams, body: archiveBody, response: { 200: sheetSchema } },
    },
    async (request) =>
      archiveScoreSheet({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        archived: request.body.archived,
      }),
  );
  app.delete(
    '/api/inspection/score-sheets/:id',
    { config: { permission: 'inspection.review' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await deleteScoreSheet({ ...deps, actor: requireAuth(request).actor, id: request.params.id });
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/inspection/examples',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, querystring: examplesQuery, response: { 200: examplesResponse } },
    },
    async (request) =>
      listInspectionExamples({ ...deps, actor: requireAuth(request).actor, query: request.query }),
  );
  app.post(
    '/api/inspection/examples',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, body: newExampleBody, response: { 200: exampleCreated } },
    },
    async (request) =>
      addInspectionExamples({ ...deps, actor: requireAuth(request).actor, examples: [request.body] }),
  );
  app.get(
    '/api/inspection/examples/rules',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, querystring: labellingRulesQuery, response: { 200: labellingRulesResponse } },
    },
    async (request) =>
      listLabellingRules({ ...deps, actor: requireAuth(request).actor, shopId: request.query.shopId }),
  );
  app.get(
    '/api/inspection/examples/evaluation',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, querystring: evaluationQuery, response: { 200: evaluationResponse } },
    },
    async (request) =>
      evaluateInspectionExamples({
        ...deps,
        actor: requireAuth(request).actor,
        shopId: request.query.shopId,
      }),
  );
  app.put(
    '/api/inspection/examples/:id',
    { config: { permission: 'inspection.review' }, schema: { tags, params: idParams, body: exampleBody } },
    async (request, reply) => {
      const actor = requireAuth(request).actor;
      await updateInspectionExample({ ...deps, actor, id: request.params.id, example: request.body });
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/inspection/examples/:id',
    { config: { permission: 'inspection.review' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await removeInspectionExample({ ...deps, actor: requireAuth(request).actor, id: request.params.id });
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/inspection/samples',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, querystring: samplesQuery, response: { 200: samplesResponse } },
    },
    async (request) =>
      listInspectionSamples({ ...deps, actor: requireAuth(request).actor, ...request.query }),
  );
  app.post(
    '/api/inspection/samples/draw',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, body: drawBody, response: { 200: drawResponse } },
    },
    async (request) => drawSamples({ ...deps, actor: requireAuth(request).actor, ...request.body }),
  );
  app.post(
    '/api/inspection/samples/:id/score',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, params: idParams, body: scoreBody, response: { 200: sampleSchema } },
    },
    async (request) =>
      scoreInspectionSample({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        ...request.body,
      }),
  );
  app.get(
    '/api/inspection/settings/:shopId',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, params: shopParams, response: { 200: settingsResponse } },
    },
    async (request) =>
      getShopSettings({ ...deps, actor: requireAuth(request).actor, shopId: request.params.shopId }),
  );
  app.put(
    '/api/inspection/settings/:shopId',
    {
      config: { permission: 'inspection.review' },
      schema: { tags, params: shopParams, body: settingsBody, response: { 200: settingsVersionResponse } },
    },
    async (request) =>
      saveShopRuleSettings({
        ...deps,
        actor: requireAuth(request).actor,
        shopId: request.params.shopId,
        ...request.body,
      }),
  );
  app.get(
    '/api/inspection/export.jsonl',
    { config: { permission: 'inspection.review' }, schema: { tags } },
    async (request, reply) => {
      const lines = exportLearningLoop({ ...deps, actor: requireAuth(request).actor });
      // The first line is awaited here so a refused export is an error response, not a cut stream.
      const first = await lines.next();
      async function* body() {
        if (first.done) return;
        yield `${first.value}\n`;
        for await (const line of lines) yield `${line}\n`;
      }
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="inspection-eval.jsonl"')
        .send(Readable.from(body()));
    },
  );
};
