// `npx tsx bench/inspection.bench.ts [--days N] [--buyers N]` (default: the demo's 30 days): a bulk
// inspection run (批量质检) over the demo organisation's stored chats on embedded PGlite, then the
// same run again (every finding already stored: the idempotent re-run). Prints messages/s and
// findings/s of each and the peak RSS.
import { startInspectionRun } from '../src/app/inspection/index.js';
import { seedDemoMetrics } from '../src/app/metrics-store/metrics-store.demo.js';
import { loadDemoData } from '../src/app/demo/demo.data.js';
import { insertOrganization } from '../src/store/organizations.repository.js';
import { insertShop, insertSubAccount } from '../src/store/shops.repository.js';
import { createTestDatabase } from '../src/store/test-utils.js';

const option = (name: string, fallback: number | undefined) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const now = new Date('2026-06-01T04:00:00Z');
const clock = { now: () => now };

const main = async () => {
  const { db, close } = await createTestDatabase();
  // The demo's shops and sub-accounts, without users or the question bank: only chats matter here.
  const data = loadDemoData();
  const organization = await insertOrganization({ db, name: data.organization, demo: true, createdAt: now });
  for (const shop of data.shops) {
    const { id } = await insertShop({
      db,
      shop: { organizationId: organization.id, name: shop.name, platform: shop.platform, createdAt: now },
    });
    for (const agent of data.teams.flatMap((team) => team.agents).filter((one) => one.shop === shop.name))
      await insertSubAccount({
        db,
        subAccount: { shopId: id, name: `${shop.subAccountPrefix}:${agent.displayName}`, createdAt: now },
      });
  }
  const days = option('days', undefined);
  const buyersPerDay = option('buyers', undefined);
  await seedDemoMetrics({
    db,
    organizationId: organization.id,
    now,
    ...(days !== undefined && buyersPerDay !== undefined
      ? { options: { days, buyersPerDay, seed: 11 } }
      : {}),
  });
  const range = await db
    .selectFrom('messages')
    .select((eb) => [eb.fn.min('day').as('from'), eb.fn.max('day').as('to')])
    .executeTakeFirstOrThrow();
  const text = (day: unknown) => new Date(Number(day) * 86_400_000).toISOString().slice(0, 10);
  const actor = {
    userId: null,
    login: 'bench',
    organizationId: organization.id,
    role: 'admin' as const,
    ip: null,
  };
  for (const label of ['first run', 're-run']) {
    const started = performance.now();
    const { done } = await startInspectionRun({
      db,
      clock,
      actor,
      from: text(range.from),
      to: text(range.to),
    });
    const run = await done;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label}: ${run.status}, ${run.messagesChecked} messages, ${run.findingsCount} findings in ${seconds.toFixed(2)} s → ` +
        `${Math.round(run.messagesChecked / seconds)} messages/s, ${Math.round(run.findingsCount / seconds)} findings/s`,
    );
  }
  const byRule = await db
    .selectFrom('findings')
    .select(['ruleId', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('ruleId')
    .orderBy('count', 'desc')
    .execute();
  console.log(byRule.map((row) => `${row.ruleId} ${row.count}`).join(', '));
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  await close();
};

await main();
