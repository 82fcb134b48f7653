import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { startExamSweeper } from '../app/exams/index.js';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuthGuard } from './plugins/auth.plugin.js';
import { registerErrorHandling } from './plugins/errors.plugin.js';
import { registerOpenApi } from './plugins/openapi.plugin.js';
import { registerWeb } from './plugins/web.plugin.js';
import { areaRoutes } from './routes.js';
import type { AreaRoutes, RouteDeps } from './server.types.js';

export type ServerDeps = RouteDeps & {
  /** A pino logger; without one the server logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** The built web app; defaults to web/dist. */
  webRoot?: string;
  /** Replaces the registered area routes (tests of the guard itself). */
  routes?: AreaRoutes[];
};

/**
 * Builds the Fastify app: zod validation and serialization, cookies, OpenAPI, the auth guard,
 * every area's routes and the web app. Tests call `app.inject()`; main.ts calls `listen()`.
 */
export const createServer = async ({ logger, webRoot, routes = areaRoutes, ...deps }: ServerDeps) => {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: deps.config.server.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  // Empty JSON bodies (a bodiless POST sent with a JSON content type) count as no body, not an error.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);
  await app.register(cookie);
  await registerOpenApi(app);
  await app.register(async (api) => {
    registerAuthGuard(api, deps);
    for (const register of routes) await api.register(register, deps);
  });
  await registerWeb(app, { webRoot });
  // Submits overdue exam attempts although no request comes; stopped before the database closes.
  const sweeper = startExamSweeper({
    db: deps.db,
    clock: deps.clock,
    intervalSeconds: deps.config.exams.sweepSeconds,
    onError: (error) => app.log.error({ err: error }, 'exam deadline sweep failed'),
  });
  app.addHook('onClose', () => sweeper.stop());
  await app.ready();
  return app;
};

export type KefuServer = Awaited<ReturnType<typeof createServer>>;
