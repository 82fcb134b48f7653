import { Readable } from 'node:stream';
import {
  assessmentsFor,
  explainMetric,
  exportMetricsXlsx,
  failInterruptedImports,
  getImport,
  listImports,
  listMappingPresets,
  previewImport,
  saveMappingPreset,
  listMetricRestatements,
  clearCreditRuling,
  listCreditRulings,
  ruleCredit,
  metricsFor,
} from '../../app/metrics-store/index.js';
import { loadPresets } from '../../app/metrics/metrics.settings.js';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/accounts/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import { sendError } from '../plugins/errors.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import {
  importIdParams,
  importPreviewBody,
  importWithMappingBody,
  mappingPresetBody,
  mappingPresetParams,
  mappingPresetsResponse,
} from './imports.schemas.js';
import { runImport } from './imports.run.js';
import {
  assessmentsQuery,
  assessmentsResponse,
  explainQuery,
  explainResponse,
  importBodyLimit,
  importsQuery,
  maxImportBytes,
  metricsQuery,
  metricsResponse,
  restatementsQuery,
  creditRulingBody,
  creditRulingRef,
  creditRulingsResponse,
  restatementsResponse,
} from './metrics.schemas.js';
import { tooLargeMessage } from './imports.upload.js';

// 上传过大: a body past the limit (refused unread when its length is declared, drained and
// dropped otherwise) and a decoded file past 50 MB both answer 413 with the limit in Chinese;
// every other error goes on to the server's handler.
const tooLargeText = tooLargeMessage(maxImportBytes);
const tooLarge = () =>
  new AppError('metrics.file_too_large', tooLargeText, [
    { path: 'body.contentBase64', message: tooLargeText },
  ]);
const refuseTooLarge = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE' && error.code !== 'metrics.file_too_large') throw error;
  return sendError(reply, 413, 'metrics.file_too_large', tooLargeText, [
    { path: 'body.contentBase64', message: tooLargeText },
  ]);
};

/** 绩效: imports of KPI records and the metrics computed from them. */
export const metricsRoutes: AreaRoutes = async (app, deps) => {
  const presets = await loadPresets();
  // An import still running when the server stopped was rolled back with its process. Only the
  // listening server sweeps (not the OpenAPI script or in-process tests), and only jobs older
  // than this server, so none it started itself.
  const createdAt = deps.clock.now();
  app.addHook('onListen', async () => {
    await failInterruptedImports({ ...deps, before: createdAt });
  });
  app.post(
    '/api/imports',
    {
      bodyLimit: importBodyLimit,
      errorHandler: refuseTooLarge,
      config: { permission: 'metrics.import' },
      schema: { tags: ['metrics'], body: importWithMappingBody },
    },
    async (request, reply) => {
      const { kind, filename, contentBase64, mode, shopId, dryRun, mapping, savePreset, wait } = request.body;
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > maxImportBytes) throw tooLarge();
      const input = {
        ...deps,
        actor: requireAuth(request).actor,
        kind,
        file: filename,
        source: Readable.from([new Uint8Array(bytes)]),
        mode,
        savePreset,
        dryRun,
        bytesTotal: bytes.length,
        ...(shopId ? { shopId } : {}),
        ...(mapping ? { mapping } : {}),
      };
      return runImport({ request, reply, input, wait });
    },
  );
  // 列映射: the file's headers with the mapping to start from (the shop's preset, then synonyms).
  app.post(
    '/api/imports/preview',
    {
      bodyLimit: importBodyLimit,
      errorHandler: refuseTooLarge,
      config: { permission: 'metrics.import' },
      schema: { tags: ['metrics'], body: importPreviewBody },
    },
    async (request) => {
      const { kind, filename, contentBase64, shopId, mapping } = request.body;
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > maxImportBytes) throw tooLarge();
      const preview = await previewImport({
        ...deps,
        actor: requireAuth(request).actor,
        kind,
        file: filename,
        bytes: new Uint8Array(bytes),
        ...(shopId ? { shopId } : {}),
        ...(mapping ? { mapping } : {}),
      });
      return { preview };
    },
  );
  app.get(
    '/api/imports/presets',
    {
      config: { permission: 'metrics.import' },
      schema: { tags: ['metrics'], response: { 200: mappingPresetsResponse } },
    },
    async (request) => ({
      presets: await listMappingPresets({ ...deps, actor: requireAuth(request).actor }),
    }),
  );
  app.put(
    '/api/imports/presets/:shopId/:kind',
    {
      config: { permission: 'metrics.import' },
      schema: { tags: ['metrics'], params: mappingPresetParams, body: mappingPresetBody },
    },
    async (request, reply) => {
      await saveMappingPreset({
        ...deps,
        actor: requireAuth(request).actor,
        ...request.params,
        mapping: request.body.mapping,
      });
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/imports',
    { config: { permission: 'metrics.import' }, schema: { tags: ['metrics'], querystring: importsQuery } },
    async (request) => ({
      jobs: await listImports({ ...deps, actor: requireAuth(request).actor, limit: request.query.limit }),
    }),
  );
  app.get(
    '/api/imports/:id',
    { config: { permission: 'metrics.import' }, schema: { tags: ['metrics'], params: importIdParams } },
    async (request) => ({
      job: await getImport({ ...deps, actor: requireAuth(request).actor, id: request.params.id }),
    }),
  );
  app.get(
    '/api/metrics/credit-rulings',
    {
      config: { permission: 'metrics.import' },
      schema: { tags: ['metrics'], response: { 200: creditRulingsResponse } },
    },
    async (request) => ({ rulings: await listCreditRulings({ ...deps, actor: requireAuth(request).actor }) }),
  );
  // 落实客服改判: PUT sets the ruling of one order, DELETE lifts it; both are audited.
  app.put(
    '/api/metrics/credit-rulings',
    { config: { permission: 'metrics.import' }, schema: { tags: ['metrics'], body: creditRulingBody } },
    async (request, reply) => {
      await ruleCredit({ ...deps, actor: requireAuth(request).actor, ...request.body });
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/metrics/credit-rulings',
    { config: { permission: 'metrics.import' }, schema: { tags: ['metrics'], querystring: creditRulingRef } },
    async (request, reply) => {
      await clearCreditRuling({ ...deps, actor: requireAuth(request).actor, ...request.query });
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/metrics/restatements',
    {
      config: { permission: 'metrics.read' },
      schema: { tags: ['metrics'], querystring: restatementsQuery, response: { 200: restatementsResponse } },
    },
    async (request) => ({
      restatements: await listMetricRestatements({
        ...deps,
        actor: requireAuth(request).actor,
        ...request.query,
      }),
    }),
  );
  // Agents may call the metrics routes: the use-cases narrow them to their own sub-accounts.
  app.get(
    '/api/metrics',
    {
      config: { permission: 'self' },
      schema: { tags: ['metrics'], querystring: metricsQuery, response: { 200: metricsResponse } },
    },
    async (request) => {
      const { shopId, ...query } = request.query;
      return metricsFor({
        ...deps,
        actor: requireAuth(request).actor,
        presets,
        ...query,
        ...(shopId ? { shopIds: [shopId] } : {}),
      });
    },
  );
  app.get(
    '/api/metrics/explain',
    {
      config: { permission: 'self' },
      schema: { tags: ['metrics'], querystring: explainQuery, response: { 200: explainResponse } },
    },
    async (request) =>
      explainMetric({ ...deps, actor: requireAuth(request).actor, presets, ...request.query }),
  );
  // 平台考核 of one shop; agents get the checks over their own sub-accounts.
  app.get(
    '/api/metrics/assessments',
    {
      config: { permission: 'self' },
      schema: { tags: ['metrics'], querystring: assessmentsQuery, response: { 200: assessmentsResponse } },
    },
    async (request) =>
      assessmentsFor({ ...deps, actor: requireAuth(request).actor, presets, ...request.query }),
  );
  app.get(
    '/api/metrics/export.xlsx',
    { config: { permission: 'self' }, schema: { tags: ['metrics'], querystring: metricsQuery } },
    async (request, reply) => {
      const { shopId, ...query } = request.query;
      const { bytes } = await exportMetricsXlsx({
        ...deps,
        actor: requireAuth(request).actor,
        presets,
        ...query,
        ...(shopId ? { shopIds: [shopId] } : {}),
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="metrics.xlsx"')
        .send(bytes);
    },
  );
};
