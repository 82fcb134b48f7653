import { Readable } from 'node:stream';
import {
  explainMetric,
  exportMetricsXlsx,
  importRecords,
  listImports,
  listMetricRestatements,
  clearCreditRuling,
  listCreditRulings,
  ruleCredit,
  metricsFor,
} from '../../app/metrics-store/index.js';
import { loadPresets } from '../../app/metrics/metrics.settings.js';
import { AppError } from '../../app/accounts/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import {
  explainQuery,
  explainResponse,
  importBody,
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

const tooLarge = () =>
  new AppError('validation.failed', '文件超过 50 MB', [
    { path: 'body.contentBase64', message: '文件超过 50 MB' },
  ]);

/** 绩效: imports of KPI records and the metrics computed from them. */
export const metricsRoutes: AreaRoutes = async (app, deps) => {
  const presets = await loadPresets();
  app.post(
    '/api/imports',
    {
      bodyLimit: importBodyLimit,
      config: { permission: 'metrics.import' },
      schema: { tags: ['metrics'], body: importBody },
    },
    async (request) => {
      const { kind, filename, contentBase64, mode, shopId, dryRun } = request.body;
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > maxImportBytes) throw tooLarge();
      const job = await importRecords({
        ...deps,
        actor: requireAuth(request).actor,
        kind,
        file: filename,
        source: Readable.from([new Uint8Array(bytes)]),
        mode,
        dryRun,
        ...(shopId ? { shopId } : {}),
      });
      return { job };
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
