import type { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { createDatabase, type DatabaseHandle } from '../store/database.js';
import { runMigrations } from '../store/migrations/migrations.js';
import type { CommandRegistration } from './cli.js';
import { CliError, type CliIo } from './cli.io.js';

/** The configuration from the environment, as a CLI error when invalid. */
export const loadCliConfig = (): Config => {
  try {
    return loadConfig({ env: process.env });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
};

/**
 * Opens the configured database (DATABASE_URL or PGlite in KEFU_DATA_DIR), migrated, runs `work`
 * and closes it again.
 */
export const withMigratedDatabase = async <T>(
  work: (database: DatabaseHandle & { config: Config; applied: string[] }) => Promise<T>,
): Promise<T> => {
  const config = loadCliConfig();
  const database = await createDatabase({ url: config.store.databaseUrl, dataDir: config.store.dataDir });
  try {
    const { applied } = await runMigrations({ db: database.db });
    return await work({ ...database, config, applied });
  } finally {
    await database.close();
  }
};

const registerMigrate = (db: Command, io: CliIo) => {
  db.command('migrate')
    .description('Apply pending database migrations (idempotent)')
    .action(async () => {
      const applied = await withMigratedDatabase(async (database) => database.applied);
      io.stdout(applied.length === 0 ? '数据库已是最新。\n' : `已应用迁移：${applied.join(', ')}\n`);
    });
};

/** `kefu db migrate`. */
export const registerDbCommand: CommandRegistration = (program, io) => {
  const db = program.command('db').description('Database maintenance (uses DATABASE_URL or KEFU_DATA_DIR)');
  registerMigrate(db, io);
};
