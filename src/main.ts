import pino from 'pino';
import { systemClock } from './app/accounts/index.js';
import { type DemoSeedResult, seedDemoIfEmpty } from './app/demo/demo.seed.js';
import { seedBuiltInPapersEverywhere } from './app/exams/index.js';
import { seedBuiltInQuestionsEverywhere } from './app/questions/index.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createServer } from './server/server.js';
import { createDatabase } from './store/database.js';
import { runMigrations } from './store/migrations/migrations.js';

const printFirstStart = (seeded: DemoSeedResult) => {
  const shown = seeded.credentials.filter((credential) => credential.role !== 'agent');
  console.log('\n首次启动：已创建演示组织「演示店铺集团」。以下密码只显示这一次，请妥善保存：');
  for (const { login, displayName, password } of shown)
    console.log(`  ${displayName}  登录名 ${login}  密码 ${password}`);
  console.log('客服账号的密码可由管理员在「用户」页面重置。\n');
};

/** Starts Kefu: config → database → migrations → demo seed (first start) → HTTP server. */
export const start = async ({ env = process.env, port }: { env?: NodeJS.ProcessEnv; port?: number } = {}) => {
  const loaded = loadConfig({ env });
  const config = port === undefined ? loaded : { ...loaded, server: { ...loaded.server, port } };
  const logger = pino({ level: config.server.logLevel });
  const database = await createDatabase({ url: config.store.databaseUrl, dataDir: config.store.dataDir });
  await runMigrations({ db: database.db });
  const seeded = await seedDemoIfEmpty({ db: database.db, clock: systemClock });
  await seedBuiltInQuestionsEverywhere({ db: database.db, clock: systemClock });
  await seedBuiltInPapersEverywhere({ db: database.db, clock: systemClock });
  const app = await createServer({ db: database.db, config, clock: systemClock, logger });
  await app.listen({ port: config.server.port, host: config.server.host });
  console.log(`Kefu 已启动: http://localhost:${config.server.port}`);
  if (seeded) printFirstStart(seeded);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
  return { app, shutdown };
};

const isEntryPoint = process.argv[1] !== undefined && import.meta.filename === process.argv[1];
if (isEntryPoint) {
  start().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  });
}
