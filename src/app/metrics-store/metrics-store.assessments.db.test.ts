import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assessmentMessages,
  assessmentPeriod,
  assessmentTickets,
} from '../../../test/fixtures/metrics/assessment.fixture.js';
import type { SettingsPresets } from '../../domain/metrics/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { listShops } from '../../store/shops.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { type Actor, AppError } from '../accounts/index.js';
import { seedDemo } from '../demo/demo.seed.js';
import { loadPresets } from '../metrics/metrics.settings.js';
import { assessmentsFor } from './metrics-store.assessments.js';
import { importRecords } from './metrics-store.import.js';

// Yesterday is 19 Feb: Douyin's 16-28 Feb cycle is still running.
const clock = { now: () => new Date('2026-02-20T04:00:00Z') };

describe('平台考核 from the stored results', () => {
  let database: DatabaseHandle;
  let presets: SettingsPresets;
  let supervisor: Actor;
  let dabao: Actor;
  let shopIds: Map<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    presets = await loadPresets();
    const { db } = database;
    const { organizationId } = await seedDemo({ db, clock, password: 'not-used-here' });
    supervisor = { organizationId, ip: null, userId: null, login: 'zhuguan', role: 'supervisor' };
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'dabao')
      .executeTakeFirstOrThrow();
    dabao = { organizationId, ip: null, userId: user.id, login: 'dabao', role: 'agent' };
    const folder = mkdtempSync(join(tmpdir(), 'kefu-assessments-'));
    for (const [kind, text] of [
      ['messages', assessmentMessages],
      ['tickets', assessmentTickets],
    ] as const) {
      const file = join(folder, `${kind}.csv`);
      writeFileSync(file, text);
      const job = await importRecords({ db, clock, actor: supervisor, kind, file, mode: 'reject' });
      expect(job.status).toBe('done');
    }
    shopIds = new Map((await listShops({ db, organizationId })).map((shop) => [shop.name, shop.id]));
  });
  afterAll(() => database.close());

  const assess = (actor: Actor, shop: string, period = assessmentPeriod) =>
    assessmentsFor({ db: database.db, clock, actor, presets, shopId: shopIds.get(shop) ?? '', ...period });

  test('PDD: 30秒应答率 fails with 2 more replies needed, the other indicators as values', async () => {
    const result = await assess(supervisor, '拼多多专营店');
    expect(result).toMatchObject({ from: '2026-02-10', to: '2026-02-16', scope: 'shop', hasData: true });
    expect(result.assessments).toHaveLength(1);
    const [pdd] = result.assessments;
    expect(pdd?.checks[0]).toMatchObject({
      name: 'pddReply30sRate',
      numerator: 2,
      denominator: 4,
      value: 0.5,
      target: 0.8,
      passed: false,
      toPass: '还需 2 条买家消息在 30 秒内人工回复',
    });
    expect(pdd?.measures?.find((item) => item.name === 'pddAvgResponseSec')?.value).toBe(37.5);
    expect(pdd).toMatchObject({ passed: false, complete: true, cycle: assessmentPeriod });
  });

  test('an agent is assessed on their own sub-accounts only', async () => {
    const result = await assess(dabao, '拼多多专营店');
    expect(result.scope).toBe('own');
    expect(result.assessments[0]?.checks[0]).toMatchObject({
      numerator: 1,
      denominator: 2,
      toPass: '还需 1 条买家消息在 30 秒内人工回复',
    });
    expect(result.assessments[0]?.measures?.[0]?.value).toBe(40);
  });

  test('Douyin: one verdict per half-month, the running cycle cut at yesterday', async () => {
    const result = await assess(supervisor, '抖音小店');
    expect(
      result.assessments.map((item) => [item.from, item.to, item.cycle.to, item.complete, item.passed]),
    ).toEqual([
      ['2026-02-01', '2026-02-15', '2026-02-15', true, true],
      ['2026-02-16', '2026-02-19', '2026-02-28', false, false],
    ]);
    expect(result.assessments[1]?.checks[0]).toMatchObject({
      name: 'dyFirstReply2mRate',
      numerator: 0,
      denominator: 1,
      needed: 1,
    });
  });

  test('JD: the month of tickets scores 80 points, the 达标 tier', async () => {
    const [jd] = (await assess(supervisor, '京东自营店')).assessments;
    expect(jd).toMatchObject({ from: '2026-02-01', to: '2026-02-19', score: 80, passed: true });
    expect(jd?.tier?.name).toBe('达标');
    expect(jd?.checks.find((item) => item.name === 'review20')).toMatchObject({
      numerator: 1,
      denominator: 2,
      needed: 1,
    });
  });

  test('a period without records says so; a shop of another platform has no assessment', async () => {
    const empty = await assess(supervisor, '拼多多专营店', { from: '2026-01-05', to: '2026-01-06' });
    expect(empty).toMatchObject({ hasData: false });
    expect(empty.assessments[0]?.checks[0]?.value).toBeNull();
    const tmall = await assess(supervisor, '天猫旗舰店');
    expect(tmall).toMatchObject({ hasData: false, assessments: [] });
  });

  test('an unknown shop is not found', async () => {
    const error = await assessmentsFor({
      db: database.db,
      clock,
      actor: supervisor,
      presets,
      shopId: '00000000-0000-4000-8000-000000000000',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
  });
});
