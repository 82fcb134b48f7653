import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { vi } from 'vitest';
import { runCli } from './cli.js';

/** Runs `kefu …` in-process and returns its exit code and what it printed. */
export const kefu = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  });
  return { code, stdout, stderr };
};

/**
 * Points the CLI's configuration at a database like production does: an on-disk PGlite in
 * `dataDir`, or a fresh database on the server at KEFU_TEST_DATABASE_URL. Returns the clean-up.
 */
export const prepareEnvironment = async (dataDir: string): Promise<() => Promise<void>> => {
  const serverUrl = process.env.KEFU_TEST_DATABASE_URL;
  vi.stubEnv('KEFU_DATA_DIR', dataDir);
  if (!serverUrl) {
    vi.stubEnv('DATABASE_URL', '');
    return async () => undefined;
  }
  const name = `kefu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  vi.stubEnv('DATABASE_URL', url.toString());
  return async () => {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  };
};
