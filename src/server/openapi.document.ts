import type { KefuServer } from './server.js';

/** The server's OpenAPI document as committed in docs/openapi.json (2-space JSON, final newline). */
export const renderOpenApi = async (app: KefuServer): Promise<string> => {
  await app.ready();
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
};
