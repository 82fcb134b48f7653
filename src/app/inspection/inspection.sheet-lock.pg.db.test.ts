import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ScoreSheetItem } from '../../domain/inspection/index.js';
import type { DatabaseHandle, Db } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { drawSamples, scoreInspectionSample } from './inspection.samples.js';
import { saveScoreSheet } from './inspection.sheets.js';
import { createInspectionFixture, type InspectionFixture, storeChat } from './inspection.test-utils.js';

// Revising a 质检评分表 and scoring a 抽检 sample on it both lock the sheet's row, so a score is
// checked against the items it is stored with. Here two real transactions race on two connections.
// Each use-case is held open at a controlled point without any seam in the code: a third
// connection locks the audit log, which both write last, so the first transaction stops there with
// the sheet's row still locked; the database then shows whom the second one waits for.

const serverUrl = process.env.KEFU_TEST_DATABASE_URL;
// Skipped on PGlite, which has one connection, so two transactions cannot race there; said once, so
// a PGlite run shows why these tests did not run.
if (!serverUrl)
  console.info(
    '⚠ skipped: the 质检评分表 lock race — needs PostgreSQL (set KEFU_TEST_DATABASE_URL); PGlite has one connection',
  );

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };
const oldItems: ScoreSheetItem[] = [
  { label: '态度', points: 60 },
  { label: '用语', points: 40 },
];
/** Fits `oldItems` only: 30 is more than 用语 is worth after the revision below. */
const oldScores = [50, 30];

type Settled<T> =
  | { state: 'pending' }
  | { state: 'resolved'; value: T }
  | { state: 'rejected'; error: unknown };

/** Follows a promise without awaiting it, so a rejection is observed when the test asks for it. */
const track = <T>(promise: Promise<T>) => {
  let settled: Settled<T> = { state: 'pending' };
  const done = promise.then(
    (value) => {
      settled = { state: 'resolved', value };
    },
    (error: unknown) => {
      settled = { state: 'rejected', error };
    },
  );
  return {
    current: () => settled,
    done: async () => {
      await done;
      return settled;
    },
  };
};

/** Locks the audit log on a connection of its own until `release`: every insert into it waits. */
const holdAuditLog = async (db: Db) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = db.transaction().execute(async (trx) => {
    await sql`lock table audit_log in exclusive mode`.execute(trx);
    locked();
    await released;
  });
  await Promise.race([isLocked, transaction]);
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
};

type LockWait = { pid: number; query: string; blockedBy: number[] };

/** The backends of this database that wait for a lock, with the ones they wait for. */
const lockWaits = async (db: Db): Promise<LockWait[]> => {
  const { rows } = await sql<LockWait>`
    select pid, query, pg_blocking_pids(pid) as blocked_by from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`.execute(db);
  return rows;
};

/**
 * Polls until a backend other than `known` waits for a lock in a statement matching `query`; fails at
 * once if `running` finished instead. Waits in other statements are passed over: a backend may
 * wait briefly elsewhere (CI saw a version insert wait) before it stops where the test holds it.
 */
const nextLockWait = async (
  db: Db,
  known: number[],
  running: { current: () => Settled<unknown> },
  query: RegExp,
) => {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const settled = running.current();
    if (settled.state !== 'pending')
      throw new Error(
        `the use-case finished instead of waiting for a lock: ${settled.state === 'rejected' ? String(settled.error) : 'resolved'}`,
      );
    const wait = (await lockWaits(db)).find((one) => !known.includes(one.pid) && query.test(one.query));
    if (wait) return wait;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no transaction waited for a lock in ${query} within 15 s`);
};

const insertIntoAuditLog = /^insert into "audit_log"/;
const lockSheetRow = /from "score_sheets" .*for update$/s;

describe.skipIf(!serverUrl)('the 质检评分表 row lock between revising and scoring (PostgreSQL)', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createInspectionFixture(database.db);
    await storeChat(database.db, fixture, {
      conversation: 'c1',
      buyer: 'b1',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-02 09:00', from: 'buyer', text: '在吗' },
        { at: '2026-03-02 09:01', from: 'agent', text: '亲，您好，在的' },
      ],
    });
  });
  afterAll(() => database?.close());

  const deps = () => ({ db: database.db, clock, actor: fixture.supervisor });

  /** A new sheet with `oldItems` and one unscored sample drawn with it. */
  const sheetWithSample = async (title: string) => {
    const sheet = await saveScoreSheet({ ...deps(), title, items: oldItems });
    const { samples } = await drawSamples({
      ...deps(),
      sheetId: sheet.id,
      from: '2026-03-01',
      to: '2026-03-05',
      perAgent: 1,
    });
    const sample = samples[0];
    if (!sample) throw new Error('no sample was drawn');
    return { sheet, sample };
  };

  const storedSample = (id: string) =>
    database.db
      .selectFrom('samples')
      .select(['sheetVersion', 'scores', 'scoredAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const storedSheet = (id: string) =>
    database.db
      .selectFrom('scoreSheets')
      .select(['version', 'items'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  /**
   * Runs `first` until it stops at the audit log with the sheet's row locked, then `second`, and
   * checks that `second` waits for `first`'s row lock; returns both once `first` has committed.
   */
  const race = async <A, B>(first: () => Promise<A>, second: () => Promise<B>) => {
    const auditLog = await holdAuditLog(database.db);
    try {
      const one = track(first());
      const firstWait = await nextLockWait(database.db, [], one, insertIntoAuditLog);
      const two = track(second());
      const secondWait = await nextLockWait(database.db, [firstWait.pid], two, lockSheetRow);
      expect(secondWait.blockedBy).toEqual([firstWait.pid]);
      expect(two.current()).toEqual({ state: 'pending' });
      await auditLog.release();
      return { first: await one.done(), second: await two.done() };
    } finally {
      await auditLog.release();
    }
  };

  test('a sample scored while the sheet is revised waits, and is checked against the revised items', async () => {
    const { sheet, sample } = await sheetWithSample('改分值');
    const newItems = [oldItems[0], { label: '用语', points: 20 }] as ScoreSheetItem[];
    const { first, second } = await race(
      () => saveScoreSheet({ ...deps(), id: sheet.id, title: sheet.title, items: newItems }),
      () => scoreInspectionSample({ ...deps(), id: sample.id, scores: oldScores }),
    );
    expect(first).toMatchObject({ state: 'resolved', value: { version: 2, items: newItems } });
    expect(second).toMatchObject({
      state: 'rejected',
      error: {
        code: 'validation.failed',
        details: [{ path: 'body.scores[1]', message: '「用语」的得分须在 0 到 20 之间' }],
      },
    });
    expect(await storedSample(sample.id)).toEqual({ sheetVersion: null, scores: null, scoredAt: null });
  });

  test('a sample scored while an item is removed waits, and is refused for the count of items', async () => {
    const { sheet, sample } = await sheetWithSample('删评分项');
    const newItems = [{ label: '态度', points: 100 }];
    const { first, second } = await race(
      () => saveScoreSheet({ ...deps(), id: sheet.id, title: sheet.title, items: newItems }),
      () => scoreInspectionSample({ ...deps(), id: sample.id, scores: oldScores }),
    );
    expect(first).toMatchObject({ state: 'resolved', value: { version: 2, items: newItems } });
    expect(second).toMatchObject({
      state: 'rejected',
      error: {
        code: 'validation.failed',
        message: expect.stringContaining('评分表有 1 项，提交了 2 个分数'),
      },
    });
    expect(await storedSample(sample.id)).toEqual({ sheetVersion: null, scores: null, scoredAt: null });
  });

  test('a sample scored while the sheet is only reworded waits, and is stored with the new version', async () => {
    const { sheet, sample } = await sheetWithSample('改措辞');
    const reworded = [
      { label: '服务态度', points: 60 },
      { label: '规范用语', points: 40 },
    ];
    const { second } = await race(
      () => saveScoreSheet({ ...deps(), id: sheet.id, title: sheet.title, items: reworded }),
      () => scoreInspectionSample({ ...deps(), id: sample.id, scores: oldScores }),
    );
    expect(second).toMatchObject({
      state: 'resolved',
      value: { sheetVersion: 2, scores: oldScores, total: 80 },
    });
    expect(await storedSample(sample.id)).toMatchObject({ sheetVersion: 2, scores: oldScores });
  });

  test('a revision made while a sample is scored waits, and then may no longer change the points', async () => {
    const { sheet, sample } = await sheetWithSample('评分在先');
    const { first, second } = await race(
      () => scoreInspectionSample({ ...deps(), id: sample.id, scores: oldScores }),
      () =>
        saveScoreSheet({
          ...deps(),
          id: sheet.id,
          title: sheet.title,
          items: [{ label: '态度', points: 100 }],
        }),
    );
    expect(first).toMatchObject({ state: 'resolved', value: { sheetVersion: 1, scores: oldScores } });
    expect(second).toMatchObject({ state: 'rejected', error: { code: 'inspection.conflict' } });
    expect(await storedSheet(sheet.id)).toEqual({ version: 1, items: oldItems });
    expect(await storedSample(sample.id)).toMatchObject({ sheetVersion: 1, scores: oldScores });
  });
});
