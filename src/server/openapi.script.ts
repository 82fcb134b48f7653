// Regenerates docs/openapi.json from the routes' zod schemas (openapi.e2e.test.ts fails when it
// drifts): `npm run openapi`. Client generators and API users read the committed file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../app/accounts/index.js';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../store/database.js';
import { renderOpenApi } from './openapi.document.js';
import { createServer } from './server.js';

const database = await createDatabase({ url: 'memory://', dataDir: '' });
const app = await createServer({ db: database.db, config: loadConfig({ env: {} }), clock: systemClock });
writeFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), await renderOpenApi(app));
await app.close();
await database.close();
