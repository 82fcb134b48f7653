import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, createDatabase, databaseFromPglite } from './database.js';
import { runMigrations } from './migrations/migrations.js';

// Starting PGlite takes seconds (tens on a busy machine), so each test file (one worker process)
// starts and migrates one instance once. createTestDatabase() hands that instance out emptied
// (truncating takes milliseconds); only while it is still in use does another call clone it.
// A migrated data directory is also cached in the temp folder: loading it skips initdb, the slow
// part of a PGlite start. The cache key hashes the migration sources, so editing one rebuilds it.
let shared: Promise<PGlite> | undefined;
let sharedInUse = false;

const templateFile = () => {
  const folder = join(import.meta.dirname, 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  return join(tmpdir(), `kefu-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
};

const loadCachedTemplate = async (file: string) => {
  if (!existsSync(file)) return undefined;
  try {
    return await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
  } catch {
    // A cache file cut short by a crashed writer: rebuild it below.
    return undefined;
  }
};

const startMigrated = async () => {
  const file = templateFile();
  const cached = await loadCachedTemplate(file);
  const pglite = cached ?? (await PGlite.create());
  // This Kysely wrapper is never destroyed: that would close the shared PGlite.
  await runMigrations({ db: databaseFromPglite(pglite).db });
  if (!cached) {
    const dump = await pglite.dumpDataDir('none');
    // Write then rename, so a parallel test file never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return pglite;
};

const migratedInstance = () => {
  shared ??= startMigrated();
  return shared;
};

const emptyAllTables = async (pglite: PGlite) => {
  const { rows } = await pglite.query<{ name: string }>(
    `select quote_ident(table_name) as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`,
  );
  if (rows.length > 0) await pglite.exec(`truncate table ${rows.map((row) => row.name).join(', ')} cascade`);
};

const createPgliteDatabase = async (): Promise<DatabaseHandle> => {
  const pglite = await migratedInstance();
  if (sharedInUse) {
    // clone() is typed as the PGlite interface but returns a PGlite instance.
    const clone = (await pglite.clone()) as PGlite;
    await emptyAllTables(clone);
    return databaseFromPglite(clone);
  }
  sharedInUse = true;
  await emptyAllTables(pglite);
  const { db } = databaseFromPglite(pglite);
  return {
    db,
    close: async () => {
      sharedInUse = false;
    },
  };
};

const createPostgresDatabase = async (serverUrl: string): Promise<DatabaseHandle> => {
  const name = `kefu_t_${randomBytes(6).toString('hex')}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString(), dataDir: '' });
  await runMigrations({ db: handle.db });
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      await sql`drop database if exists ${sql.id(name)}`.execute(admin);
      await admin.destroy();
    },
  };
};

/**
 * A fresh, fully migrated database for one test or suite: in-memory PGlite by default, or a new
 * database on the PostgreSQL server at KEFU_TEST_DATABASE_URL (dropped again by `close`).
 */
export const createTestDatabase = async (): Promise<DatabaseHandle> => {
  const serverUrl = process.env.KEFU_TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
};
