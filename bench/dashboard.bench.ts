// `npm run bench:dashboard -- [--days N] [--buyers N]` (default 30 and 300 buyers per shop-day):
// the 绩效 dashboard's read (GET /api/metrics by agent over 30 days) on embedded PGlite holding the
// demo organisation's shops, three ways in the same run: the baseline recomputes from the stored
// chats and orders on every read (what it did before results were materialised); a cold read
// computes and stores every agent-day; a warm read rolls the stored agent-days up.
import { localDay, rollUp } from '../src/domain/metrics/index.js';
import { seedDemo } from '../src/app/demo/demo.seed.js';
import { loadPresets } from '../src/app/metrics/metrics.settings.js';
import { computeStored } from '../src/app/metrics-store/metrics-store.compute.js';
import { seedDemoMetrics } from '../src/app/metrics-store/metrics-store.demo.js';
import { metricsFor } from '../src/app/metrics-store/metrics-store.usecases.js';
import { createTestDatabase } from '../src/store/test-utils.js';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const days = option('days', 30);
const buyersPerDay = option('buyers', 300);
const now = new Date('2026-06-01T04:00:00Z');
const clock = { now: () => now };
const shanghaiMs = 8 * 3_600_000;

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
};

const main = async () => {
  const database = await createTestDatabase();
  const { db } = database;
  const presets = await loadPresets();
  const demo = await seedDemo({ db, clock, password: 'bench-password' });
  const seeded = await timed(() =>
    seedDemoMetrics({
      db,
      organizationId: demo.organizationId,
      now,
      options: { days, buyersPerDay, seed: 11 },
    }),
  );
  const counts = seeded.result;
  console.log(
    `dashboard bench: ${counts.messages.toLocaleString('en')} messages, ${counts.orders.toLocaleString('en')} orders over ${days} days, 5 shops (seeded in ${(seeded.ms / 1000).toFixed(1)} s)`,
  );
  const actor = {
    organizationId: demo.organizationId,
    ip: null,
    userId: null,
    login: 'bench',
    role: 'supervisor' as const,
  };
  const toDay = localDay(now.getTime(), shanghaiMs) - 1;
  const fromDay = toDay - days + 1;
  const period = {
    from: new Date(fromDay * 86_400_000).toISOString().slice(0, 10),
    to: new Date(toDay * 86_400_000).toISOString().slice(0, 10),
  };
  const baseline = await timed(async () => {
    const { computation } = await computeStored({ db, actor, presets, fromDay, toDay });
    return rollUp({ computation, from: fromDay, to: toDay, by: 'agent', now: now.getTime() });
  });
  const read = () => metricsFor({ db, clock, actor, presets, by: 'agent', ...period });
  const cold = await timed(read);
  const warm: number[] = [];
  for (let run = 0; run < 5; run += 1) warm.push((await timed(read)).ms);
  const warmMs = warm.sort((a, b) => a - b)[2] ?? 0;
  const same =
    JSON.stringify(cold.result.rows.map(({ userId: _u, displayName: _d, teamId: _t, ...row }) => row)) ===
    JSON.stringify(baseline.result.rows);
  console.log(`  baseline (recompute every read) ${baseline.ms.toFixed(0).padStart(6)} ms`);
  console.log(`  cold read (compute and store)   ${cold.ms.toFixed(0).padStart(6)} ms`);
  console.log(`  warm read (stored agent-days)   ${warmMs.toFixed(0).padStart(6)} ms  (median of 5)`);
  console.log(
    `  ratio warm / baseline           ${(warmMs / baseline.ms).toFixed(3)}  (${(baseline.ms / warmMs).toFixed(1)}× faster)`,
  );
  console.log(`  same rows as the baseline       ${same ? 'yes' : 'NO'}`);
  console.log(`  peak RSS                        ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await database.close();
  if (!same) process.exitCode = 1;
};

await main();
