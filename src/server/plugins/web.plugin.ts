import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.plugin.js';

/** web/dist, found from this file in both src/server/plugins and dist/server/plugins. */
export const defaultWebRoot = resolve(import.meta.dirname, '../../../web/dist');

const notBuiltPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Kefu</title></head>
<body><h1>Kefu 服务已启动</h1><p>网页界面尚未构建。请先运行 <code>npm run build</code>，然后刷新本页。</p>
<p>The web app is not built yet: run <code>npm run build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

const isPageRequest = (request: FastifyRequest) =>
  request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api';

/**
 * Serves the built web app and answers unknown paths: GETs outside /api get index.html (the app's
 * router takes over), everything else a JSON 404.
 */
export const registerWeb = async (
  app: FastifyInstance,
  { webRoot = defaultWebRoot }: { webRoot?: string } = {},
) => {
  const built = existsSync(join(webRoot, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (!isPageRequest(request)) return sendError(reply, 404, 'not_found', '接口不存在');
    if (built) return reply.sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(notBuiltPage);
  });
};
