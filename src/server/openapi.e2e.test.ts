import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderOpenApi } from './openapi.document.js';
import { createTestServer, type TestServer } from './server.test-utils.js';

describe('the committed OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  test('docs/openapi.json matches the routes (regenerate with npm run openapi)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
    expect(await renderOpenApi(server.app)).toBe(committed);
  });

  test('every route is documented with its permission-guarded security scheme', async () => {
    const document = JSON.parse(await renderOpenApi(server.app));
    expect(Object.keys(document.paths).length).toBeGreaterThan(40);
    expect(document.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'kefu_session',
    });
  });
});
