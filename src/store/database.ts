import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { SharedReadsPgliteDialect } from './pglite-dialect.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DatabaseHandle = { db: Db; close: () => Promise<void> };

// jsonb keys (audit details) stay as written; only column names are converted.
const plugins = () => [new CamelCasePlugin({ maintainNestedObjectKeys: true })];

/** Wraps an open PGlite instance (embedded or cloned in tests) as a Kysely database. */
export const databaseFromPglite = (pglite: PGlite): DatabaseHandle => {
  const db = new Kysely<Database>({ dialect: new SharedReadsPgliteDialect(pglite), plugins: plugins() });
  return { db, close: () => db.destroy() };
};

const openPostgres = (url: string): DatabaseHandle => {
  // One pool per process; ten connections is plenty for a shop-sized deployment.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: plugins() });
  return { db, close: () => db.destroy() };
};

/**
 * Opens the database: PostgreSQL for a postgres:// URL, in-memory PGlite for `memory://`, and
 * embedded PGlite in `<dataDir>/pglite` when no URL is given. The SQL dialect is PostgreSQL in all
 * cases, so there is one set of migrations and queries.
 */
export const createDatabase = async ({ url, dataDir }: { url?: string | undefined; dataDir: string }) => {
  if (url?.startsWith('postgres://') || url?.startsWith('postgresql://')) return openPostgres(url);
  if (url?.startsWith('memory://')) return databaseFromPglite(await PGlite.create());
  if (url) throw new Error(`Unsupported database URL (expected postgres:// or memory://): ${url}`);
  const folder = join(dataDir, 'pglite');
  mkdirSync(folder, { recursive: true });
  return databaseFromPglite(await PGlite.create(folder));
};

/** Runs `work` in one transaction: all of it is saved, or none. */
export const inTransaction = <T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> =>
  db.transaction().execute(work);
