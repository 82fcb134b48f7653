import { checkReply, listRules } from '../../app/compliance/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import { checkBody, checkResponse, rulesResponse, toFindingDto } from './compliance.schemas.js';

/** 质检: the live check of one reply (话术检查) and the rule library (规则库). */
export const complianceRoutes: AreaRoutes = async (app, deps) => {
  app.post(
    '/api/check',
    {
      config: { permission: 'compliance.check' },
      schema: { tags: ['compliance'], body: checkBody, response: { 200: checkResponse } },
    },
    async (request) => {
      const { findings, rewrite } = await checkReply({
        ...deps,
        actor: requireAuth(request).actor,
        ...request.body,
      });
      return { findings: findings.map(toFindingDto), rewrite };
    },
  );
  app.get(
    '/api/rules',
    {
      config: { permission: 'rules.read' },
      schema: { tags: ['compliance'], response: { 200: rulesResponse } },
    },
    async (request) => listRules({ ...deps, actor: requireAuth(request).actor }),
  );
};
