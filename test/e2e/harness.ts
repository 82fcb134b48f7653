import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { systemClock } from '../../src/app/accounts/index.js';
import { seedDemo } from '../../src/app/demo/demo.seed.js';
import { overrideConfig } from '../../src/config/config.test-utils.js';
import { createServer } from '../../src/server/server.js';
import { createTestDatabase } from '../../src/store/test-utils.js';

export type Harness = {
  baseUrl: string;
  /** The demo organisation's admin; every demo user shares `password`. */
  admin: { login: string; password: string };
  /** Stops the server and starts a new one on the same database and port (a deploy, a crash). */
  restart: () => Promise<void>;
  close: () => Promise<void>;
};

const webRoot = resolve(import.meta.dirname, '../../web/dist');
const demoPassword = 'e2e-demo-password';

/**
 * The real server, in-process on a free port, over a fresh migrated test database seeded with the
 * demo organisation, serving the built web app (run `npm run build` first).
 */
export const startHarness = async (): Promise<Harness> => {
  if (!existsSync(resolve(webRoot, 'index.html'))) {
    throw new Error(
      `web/dist is not built: run \`npx vite build --config web/vite.config.ts\` (looked in ${webRoot})`,
    );
  }
  const database = await createTestDatabase();
  const seeded = await seedDemo({ db: database.db, clock: systemClock, password: demoPassword });
  const admin = seeded.credentials.find((credential) => credential.role === 'admin');
  if (!admin) throw new Error('the demo seed created no admin');
  const serve = () =>
    createServer({ db: database.db, config: overrideConfig(), clock: systemClock, webRoot });
  let app = await serve();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    admin: { login: admin.login, password: demoPassword },
    restart: async () => {
      await app.close();
      app = await serve();
      await app.listen({ port, host: '127.0.0.1' });
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};
