// `npm run bench:metrics -- [--messages N] [--heap-mb N]` (default 10,000,000 and 384): `kefu metrics` end to end
// (the compiled CLI, rebuilt first: read CSV → engine → JSON rows per agent-day) at N/10 and N
// messages, each in its own process, against DuckDB SQL computing the same KPIs over the same
// files in the same run.
// Prints wall time, messages/s, peak RSS, the DuckDB ratio, linearity and any KPI differences.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadPresets } from '../src/app/metrics/metrics.settings.js';
import { computeMetrics, MetricsData, resolveSettings, rollUp } from '../src/domain/metrics/index.js';
import { type Fen, type Millis, yuanToFen } from '../src/domain/shared/index.js';
import { metricsJson } from '../src/io/metrics/index.js';
import { type BenchSink, generateBench, generateBenchData } from './metrics.bench-data.js';
import type { BaselineRow } from './metrics.bench-duckdb.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}bench/out`;
const self = fileURLToPath(import.meta.url);
const now = '2026-06-01T00:00:00+08:00';

type Measure = { ms: number; maxRssMb: number };
type KefuRow = {
  shop: string;
  agent: string;
  day: string;
  consulted: number;
  served: number;
  avgResponseSec: number | null;
  inquiries: number;
  inquiriesPaid: number;
  sales: number;
};

const measured = (start: number): Measure => ({
  ms: performance.now() - start,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
});

const shanghaiMs = 8 * 3_600_000;

/**
 * The engine alone: the same generated records fed straight into MetricsData (no CSV parsing),
 * then computed and rolled up per agent-day. Shows what the engine costs apart from the readers.
 */
const engineOnly = async (messages: number, out: string) => {
  const presets = await loadPresets();
  const data = new MetricsData(
    (_shop, platform) => resolveSettings({ presets, platform: platform ?? 'taobao', on: '2026-03-01' }),
    { keepOrderIds: false },
  );
  const sink: BenchSink = {
    message: (shop, buyer, agent, sender, local, text, kind) =>
      data.addMessage({
        shop: shop.name,
        platform: shop.platform,
        buyer,
        agent,
        sender,
        time: (local - shanghaiMs) as Millis,
        text,
        kind,
      }),
    order: (shop, order, buyer, created, paid, amount, items) =>
      data.addOrder({
        shop: shop.name,
        order,
        buyer,
        created: (created - shanghaiMs) as Millis,
        paid: paid === null ? null : ((paid - shanghaiMs) as Millis),
        amount: yuanToFen(Number(amount)),
        items,
        status: 'paid',
        refund: 0 as Fen,
      }),
  };
  generateBench({ messages, sink });
  const computation = computeMetrics({ data });
  writeFileSync(
    out,
    metricsJson(rollUp({ computation, from: null, to: null, by: 'agent-day', now: Date.parse(now) })),
  );
};

/**
 * `kefu metrics` as users run it: the compiled CLI (`bin/kefu.js`, built first) in its own
 * process, timed from the process start, so start-up and module loading count.
 */
const runKefu = (dir: string, out: string): Measure => {
  const argv = [
    'metrics',
    '--messages',
    `${dir}/messages.csv`,
    '--orders',
    `${dir}/orders.csv`,
    '--by',
    'agent-day',
    '--format',
    'json',
    '--out',
    out,
    '--now',
    now,
  ];
  const args = [
    ...heapFlags('kefu'),
    '--import',
    `${root}bench/metrics.bench-measure.mjs`,
    `${root}bin/kefu.js`,
    ...argv,
  ];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`kefu metrics failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '{}') as Measure;
};

const buildCli = () => {
  const result = spawnSync(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`build failed: ${result.stdout}${result.stderr}`);
};

/** Child mode: run one side and print its wall time and peak RSS as one JSON line. */
const child = async ([side, dir, out]: string[]) => {
  if (!side || !dir || !out) throw new Error('usage: --child duckdb DIR OUT | --child engine MESSAGES OUT');
  const start = performance.now();
  if (side === 'engine') {
    await engineOnly(Number(dir), out);
  } else {
    const { duckdbKpis } = await import('./metrics.bench-duckdb.js');
    writeFileSync(out, JSON.stringify(await duckdbKpis(dir)));
  }
  process.stdout.write(`${JSON.stringify(measured(start))}\n`);
};

/**
 * V8 grows its heap lazily up to a limit set by the machine's memory (GBs here), so without a cap
 * the RSS of a short-lived CLI says more about the garbage collector than about the live data.
 * `--heap-mb N` (default 384, 0 = Node's default) caps the JS heap of the kefu child; typed-array
 * columns live outside that heap.
 */
const heapFlags = (side: string): string[] => {
  const flag = process.argv.indexOf('--heap-mb');
  const heapMb = flag > 0 ? Number(process.argv[flag + 1]) : 384;
  return side !== 'duckdb' && heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : [];
};

const runChild = (side: string, dir: string, out: string): Measure => {
  const args = [...heapFlags(side), '--import', 'tsx', self, '--child', side, dir, out];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`${side} child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Measure;
};

const ensureData = (messages: number) => {
  const dir = `${outDir}/metrics-${messages}`;
  const marker = `${dir}/ready.json`;
  if (existsSync(marker))
    return { dir, ...(JSON.parse(readFileSync(marker, 'utf8')) as { messages: number; orders: number }) };
  mkdirSync(dir, { recursive: true });
  const start = performance.now();
  const counts = generateBenchData({ messages, dir });
  writeFileSync(marker, JSON.stringify(counts));
  console.log(
    `generated ${counts.messages.toLocaleString()} messages, ${counts.orders.toLocaleString()} orders in ${((performance.now() - start) / 1000).toFixed(1)} s → ${dir}`,
  );
  return { dir, ...counts };
};

/** Agent-days where Kefu and DuckDB disagree on a KPI (times and money to the cent). */
const differences = (kefu: KefuRow[], duck: BaselineRow[]) => {
  const ours = new Map(kefu.map((row) => [`${row.shop}|${row.agent}|${row.day}`, row]));
  const found: string[] = [];
  for (const row of duck) {
    const day = new Date(row.day * 86_400_000).toISOString().slice(0, 10);
    const mine = ours.get(`${row.shop}|${row.agent}|${day}`);
    const same =
      mine &&
      mine.consulted === row.consulted &&
      mine.served === row.served &&
      mine.inquiries === row.inquiries &&
      mine.inquiriesPaid === row.inquiries_paid &&
      Math.abs(mine.sales - row.sales) < 0.011 &&
      Math.abs((mine.avgResponseSec ?? 0) - (row.avg_response ?? 0)) < 0.011;
    if (!same)
      found.push(
        `${row.shop} ${row.agent} ${day}: kefu ${JSON.stringify(mine)} duckdb ${JSON.stringify(row)}`,
      );
  }
  return { found, kefuRows: kefu.length, duckRows: duck.length };
};

const readRows = <T>(file: string, pick: (json: unknown) => T[]): T[] =>
  pick(JSON.parse(readFileSync(file, 'utf8')));
const metricsRows = (json: unknown) => (json as { rows: KefuRow[] }).rows;

const seconds = (measure: Measure) => `${(measure.ms / 1000).toFixed(2)} s`;
const perSecond = (count: number, measure: Measure) =>
  Math.round(count / (measure.ms / 1000)).toLocaleString();

/** One size: kefu (CSV → readers → engine), the engine alone, and DuckDB, compared. */
const runSize = (size: number) => {
  const data = ensureData(size);
  const kefu = runKefu(data.dir, `${data.dir}/kefu.json`);
  const engine = runChild('engine', String(size), `${data.dir}/engine.json`);
  const duck = runChild('duckdb', data.dir, `${data.dir}/duckdb.json`);
  const duckRows = readRows(`${data.dir}/duckdb.json`, (json) => json as BaselineRow[]);
  const diff = differences(readRows(`${data.dir}/kefu.json`, metricsRows), duckRows);
  const engineDiff = differences(readRows(`${data.dir}/engine.json`, metricsRows), duckRows);
  console.log(
    `${data.messages.toLocaleString()} messages, ${data.orders.toLocaleString()} orders: ` +
      `kefu metrics ${seconds(kefu)} (${perSecond(data.messages, kefu)} msg/s, peak RSS ${kefu.maxRssMb.toFixed(0)} MB) · ` +
      `DuckDB ${seconds(duck)} (peak RSS ${duck.maxRssMb.toFixed(0)} MB) · kefu/DuckDB time ${(kefu.ms / duck.ms).toFixed(2)} · ` +
      `agent-days ${diff.kefuRows}/${diff.duckRows}, KPI differences ${diff.found.length}`,
  );
  for (const line of diff.found.slice(0, 5)) console.log(`  differs: ${line}`);
  console.log(
    `  engine alone (same records generated in memory, no CSV): ${seconds(engine)} (${perSecond(data.messages, engine)} msg/s, ` +
      `peak RSS ${engine.maxRssMb.toFixed(0)} MB) · engine/DuckDB time ${(engine.ms / duck.ms).toFixed(2)} · KPI differences ${engineDiff.found.length}`,
  );
  return { size: data.messages, kefu, engine, duck };
};

const main = async () => {
  const flag = process.argv.indexOf('--messages');
  const total = flag > 0 ? Number(process.argv[flag + 1]) : 10_000_000;
  if (!Number.isInteger(total) || total < 10) throw new Error('--messages N: a whole number of messages');
  buildCli();
  // DuckDB runs a thread per core, kefu a line worker beside the main thread: the ratio depends on it.
  console.log(`machine: ${availableParallelism()} cores, Node ${process.version}`);
  const [small, large] = [Math.round(total / 10), total].map(runSize);
  if (!small || !large) return;
  for (const side of ['kefu', 'engine'] as const) {
    const off = ((large[side].ms / large.size / (small[side].ms / small.size) - 1) * 100).toFixed(1);
    console.log(
      `linearity (${side}): time per message at ${large.size.toLocaleString()} is ${off}% off the ${small.size.toLocaleString()} run (target: at most +10%, no worse than linear)`,
    );
  }
};

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await main();
