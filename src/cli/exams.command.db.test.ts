import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startAttempt } from '../app/exams/index.js';
import { demoActors } from '../app/exams/exams.test-utils.js';
import { seedDemo } from '../app/demo/demo.seed.js';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../store/database.js';
import { kefu, prepareEnvironment } from './cli.test-utils.js';

describe('kefu exams', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-exams-'));
  let dropDatabase: () => Promise<void>;
  let examId: string;

  beforeAll(async () => {
    dropDatabase = await prepareEnvironment(dataDir);
    expect((await kefu('db', 'migrate')).code).toBe(0);
    const config = loadConfig({ env: process.env });
    const { db, close } = await createDatabase({
      url: config.store.databaseUrl,
      dataDir: config.store.dataDir,
    });
    // The demo exam opened an hour before "now"; its attempt started 2 hours ago is long overdue.
    const clock = { now: () => new Date(Date.now() - 2 * 60 * 60_000) };
    const demo = await seedDemo({
      db,
      clock: { now: () => new Date(Date.now() - 3 * 60 * 60_000) },
      password: 'kefu-test-password',
    });
    const { actor } = await demoActors(db, demo);
    const exam = await db.selectFrom('exams').select('id').executeTakeFirstOrThrow();
    examId = exam.id;
    await startAttempt({ db, clock, actor: actor('xiaomei'), examId });
    await close();
  });
  afterAll(async () => {
    await dropDatabase();
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('list prints each exam with its progress', async () => {
    const result = await kefu('exams', 'list');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(examId);
    expect(result.stdout).toMatch(/\t4\t1\t0\t0\t-\n/);
  });

  test('sweep submits the overdue attempt once', async () => {
    expect((await kefu('exams', 'sweep')).stdout).toContain('已自动交卷 1 份');
    expect((await kefu('exams', 'sweep')).stdout).toContain('已自动交卷 0 份');
  });

  test('results print as a table, JSON or CSV; a bad format or id is a usage error', async () => {
    const table = await kefu('exams', 'results', examId);
    expect(table.stdout).toMatch(/xiaomei\t小美\t售前组\t1\t0\tno\t/);
    const json = JSON.parse((await kefu('exams', 'results', examId, '--format', 'json')).stdout);
    expect(json.candidates).toHaveLength(4);
    const csv = (await kefu('exams', 'results', examId, '--format', 'csv')).stdout;
    expect(csv.split('\n')[0]).toBe(
      '\uFEFFlogin,name,team,attempts,best,passed,submitted_at,blur_count,status',
    );
    expect((await kefu('exams', 'results', examId, '--format', 'xml')).code).toBe(2);
    expect((await kefu('exams', 'results', 'nope')).code).toBe(2);
  });
});
