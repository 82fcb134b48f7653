import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Authenticated, Clock } from '../app/accounts/index.js';
import type { Config } from '../config/config.js';
import type { Permission } from '../domain/accounts/index.js';
import type { Db } from '../store/database.js';

/** What every area's routes receive. */
export type RouteDeps = { db: Db; config: Config; clock: Clock };

/** An area's routes: a Fastify plugin registered in routes.ts. */
export type AreaRoutes = FastifyPluginAsyncZod<RouteDeps>;

/** What a route must declare: the permission it needs, or `public` for anyone. */
export type RouteAccess = Permission | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteAccess;
  }
  interface FastifyRequest {
    /** The signed-in user; set by the auth plugin on every non-public route. */
    auth: Authenticated | null;
  }
}
