import { sql } from 'kysely';
import { z } from 'zod';
import type { AreaRoutes } from '../server.types.js';

/** Liveness (the process answers) and readiness (the database answers). */
export const healthRoutes: AreaRoutes = async (app, { db }) => {
  const tags = ['health'];
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: { tags, response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ready' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );
};
