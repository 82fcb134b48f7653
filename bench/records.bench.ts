import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { generateDemoData } from '../src/app/demo-data/index.js';
import { closeStream, parseCsv } from '../src/io/csv/index.js';
import { decodeFile } from '../src/io/encoding/index.js';
import { readMessages } from '../src/io/records/index.js';

// Import throughput: `npx tsx bench/records.bench.ts [rows]` (default 1 M message rows).
// Generates a demo chat export, then reads it three ways and prints rows/s, MB/s and peak RSS:
//   baseline  — stream the text and `line.split(',')` every line (no quotes, no types, no checks)
//   csv       — the RFC 4180 streaming parser with encoding detection (fields only)
//   records   — readMessages: parsing, column mapping, time/sender/kind parsing, validation
// Each pass runs in the same process, so compare ratios rather than absolute peaks.

const wantedRows = Number(process.argv[2] ?? 1_000_000);
const out = join(import.meta.dirname, 'out', 'records');
mkdirSync(out, { recursive: true });
const file = join(out, 'messages.csv');

const sink = (): Writable => createWriteStream('/dev/null');

const generate = async () => {
  const started = performance.now();
  const messages = createWriteStream(file, { highWaterMark: 1 << 20 });
  // About 7.75 messages per buyer: size the run (5 shops, 10 days) to reach the wanted row count.
  const buyersPerDay = Math.ceil(wantedRows / 7.75 / 10 / 5);
  const summary = await generateDemoData({
    shops: 5,
    agents: 10,
    days: 10,
    buyersPerDay,
    seed: 1,
    writers: { messages, orders: sink(), ratings: sink(), tickets: sink() },
  });
  await closeStream(messages);
  return { rows: summary.counts.messages, seconds: (performance.now() - started) / 1000 };
};

const baseline = async (): Promise<number> => {
  let rows = 0;
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) if (line.split(',').length > 1) rows++;
  }
  return rows - 1;
};

const csv = async (): Promise<number> => {
  let rows = 0;
  for await (const batch of parseCsv((await decodeFile(file)).chunks)) rows += batch.length;
  return rows - 1;
};

const records = async (): Promise<number> => {
  let rows = 0;
  for await (const batch of readMessages({ file, mode: 'skip' })) rows += batch.length;
  return rows;
};

const measure = async (name: string, run: () => Promise<number>, bytes: number) => {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const rows = await run();
  const seconds = (performance.now() - started) / 1000;
  // CPU time too: on a shared machine wall time swings with the load of other processes.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${name.padEnd(9)} ${rows} rows  ${(rows / seconds / 1e6).toFixed(2)} M rows/s  ${(bytes / seconds / 1e6).toFixed(0)} MB/s  ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s)  peak RSS ${rss.toFixed(0)} MB`,
  );
  return { seconds, cpuSeconds };
};

const generated = await generate();
const bytes = statSync(file).size;
console.log(
  `generated ${generated.rows} messages (${(bytes / 1e6).toFixed(0)} MB) in ${generated.seconds.toFixed(2)} s: ${(generated.rows / generated.seconds / 1e6).toFixed(2)} M messages/s`,
);
const base = await measure('baseline', baseline, bytes);
const parsed = await measure('csv', csv, bytes);
const read = await measure('records', records, bytes);
console.log(
  `ratio to baseline (wall time): csv ${(parsed.seconds / base.seconds).toFixed(2)}×, records ${(read.seconds / base.seconds).toFixed(2)}×; (CPU time): csv ${(parsed.cpuSeconds / base.cpuSeconds).toFixed(2)}×, records ${(read.cpuSeconds / base.cpuSeconds).toFixed(2)}×`,
);
