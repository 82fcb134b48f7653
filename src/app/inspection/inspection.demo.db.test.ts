import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { seedDemo } from '../demo/demo.seed.js';
import { seedDemoMetrics } from '../metrics-store/metrics-store.demo.js';
import { defaultScoreSheet, seedDemoInspection } from './inspection.demo.js';

let database: DatabaseHandle;
const clock = { now: () => new Date('2026-03-10T02:00:00Z') };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

test('the demo gets a default score sheet and a finished run over every day with stored chats (late chats of the last day spill into today), with order-fact findings', async () => {
  const { db } = database;
  const { organizationId } = await seedDemo({ db, clock, password: 'demo-test-password' });
  expect(await seedDemoInspection({ db, clock, organizationId })).toBeNull();
  await seedDemoMetrics({
    db,
    organizationId,
    now: clock.now(),
    options: { days: 3, buyersPerDay: 40, seed: 5 },
  });
  const run = await seedDemoInspection({ db, clock, organizationId });
  const messages = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  expect(run).toMatchObject({ status: 'done', from: '2026-03-07', to: '2026-03-10' });
  expect(run?.messagesChecked).toBe(Number(messages.count));
  expect(run?.findingsCount).toBeGreaterThan(0);
  // The demo orders carry shipping, postage and who closed them, so promises in the chats are
  // checked against them: some are broken.
  const orderFacts = await db
    .selectFrom('findings')
    .select(['ruleId', 'evidence'])
    .where('orderId', 'is not', null)
    .execute();
  // 擅自关闭交易 is a Tmall rule and too rare for three days of one shop; the 30-day demo has some.
  const rules = new Set(orderFacts.map((finding) => finding.ruleId));
  expect(rules).toContain('late_shipping');
  expect(rules).toContain('free_shipping');
  expect(
    [...rules].filter((rule) => !['late_shipping', 'free_shipping', 'close_order'].includes(rule)),
  ).toEqual([]);
  expect(orderFacts.every((finding) => /订单 \d+/.test(finding.evidence))).toBe(true);
  const sheets = await db.selectFrom('scoreSheets').select(['title', 'items']).execute();
  expect(sheets).toEqual([{ title: defaultScoreSheet.title, items: defaultScoreSheet.items }]);
  expect(defaultScoreSheet.items.reduce((sum, item) => sum + item.points, 0)).toBe(100);
});
