import { z } from 'zod';
import { listAudit } from '../../app/accounts/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import { auditEntrySchema, toAuditEntryDto } from './accounts.schemas.js';

/** The audit log of the organisation, for admins. */
export const auditRoutes: AreaRoutes = async (app, deps) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).optional(),
          before: z.iso
            .datetime({ offset: true })
            .optional()
            .describe('Only entries before this time (paging)'),
        }),
        response: { 200: z.object({ entries: z.array(auditEntrySchema) }) },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const entries = await listAudit({
        ...deps,
        actor: requireAuth(request).actor,
        limit,
        before: before === undefined ? undefined : new Date(before),
      });
      return { entries: entries.map(toAuditEntryDto) };
    },
  );
};
