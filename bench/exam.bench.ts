// `npm run bench:exam -- [--candidates N] [--seconds S] [--interval S]` (default 1,000, 60 and 5):
// N candidates start the same exam in the same second, then autosave one answer every S seconds
// each for the run's length, against the real HTTP server (its own process) on PostgreSQL. The
// baseline, in the same run and on the same schedule, is GET /api/auth/me (session lookup only).
// Prints p50/p90/p99/max latency, errors, server peak RSS, and answers lost (must be 0): every
// answer the server acknowledged is compared with what the database holds after submission.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type BenchSession, seedExamBench } from './exam.bench-seed.js';
import { answerFor, paperSpec, type QuestionShape } from './exam.bench-load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const candidateCount = option('candidates', 1000);
const seconds = option('seconds', 60);
const intervalMs = option('interval', 5) * 1000;
const adminUrl = process.env.KEFU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = 'kefu_bench_exam';
const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${databaseName}`);

type Sample = { ms: number; ok: boolean };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const recreateDatabase = async () => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${databaseName} with (force)`);
  await client.query(`create database ${databaseName}`);
  await client.end();
};

const startServer = async (port: number) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; tries < 600; tries += 1) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('the server did not become ready within 60 s');
};

const peakRssMb = (child: ChildProcess) => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const createClient = (base: string) => {
  const call = async (session: BenchSession, method: string, path: string, body?: unknown) => {
    const started = performance.now();
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        ms: performance.now() - started,
        status: response.status,
        json: text ? JSON.parse(text) : null,
      };
    } catch (error) {
      return { ms: performance.now() - started, status: 0, json: { error: String(error) } };
    }
  };
  return call;
};
type Call = ReturnType<typeof createClient>;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

const report = (label: string, samples: Sample[], wallMs: number) => {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const errors = samples.filter((sample) => !sample.ok).length;
  const fmt = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `  ${label.padEnd(26)} ${String(samples.length).padStart(6)} requests  ${((samples.length / wallMs) * 1000).toFixed(0).padStart(4)}/s  ` +
      `p50 ${fmt(percentile(sorted, 50))}  p90 ${fmt(percentile(sorted, 90))}  p99 ${fmt(percentile(sorted, 99))}  ` +
      `max ${fmt(sorted.at(-1) ?? 0)}  errors ${errors}`,
  );
  return percentile(sorted, 99);
};

/** Runs `tick(candidate, n)` for every candidate every interval, staggered, for `durationMs`. */
const onSchedule = async (
  sessions: BenchSession[],
  durationMs: number,
  tick: (index: number, n: number) => Promise<void>,
) => {
  const started = performance.now();
  await Promise.all(
    sessions.map(async (_session, index) => {
      // Spread the candidates evenly over the interval, as real ones drift apart.
      await new Promise((resolve) => setTimeout(resolve, (index / sessions.length) * intervalMs));
      for (let n = 0; performance.now() - started < durationMs; n += 1) {
        const due = started + (index / sessions.length) * intervalMs + n * intervalMs;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        if (performance.now() - started >= durationMs) break;
        await tick(index, n);
      }
    }),
  );
  return performance.now() - started;
};

type Attempt = { id: string; questions: QuestionShape[] };

const runExam = async (call: Call, seed: Awaited<ReturnType<typeof seedExamBench>>) => {
  const paper = await call(seed.supervisor, 'POST', '/api/papers', paperSpec);
  if (paper.status !== 200) throw new Error(`creating the paper failed: ${JSON.stringify(paper.json)}`);
  const now = Date.now();
  const exam = await call(seed.supervisor, 'POST', '/api/exams', {
    paperId: paper.json.id,
    title: '压测考试',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 6 * 3_600_000).toISOString(),
    teamIds: [seed.teamId],
  });
  if (exam.status !== 200) throw new Error(`creating the exam failed: ${JSON.stringify(exam.json)}`);
  return exam.json.id as string;
};

const startAll = async (call: Call, candidates: BenchSession[], examId: string) => {
  const samples: Sample[] = [];
  const attempts: Attempt[] = [];
  const started = performance.now();
  await Promise.all(
    candidates.map(async (session, index) => {
      const response = await call(session, 'POST', `/api/my/exams/${examId}/attempts`);
      samples.push({ ms: response.ms, ok: response.status === 200 });
      if (response.status !== 200) throw new Error(`start failed: ${JSON.stringify(response.json)}`);
      attempts[index] = { id: response.json.id, questions: response.json.questions };
    }),
  );
  return { samples, attempts, wallMs: performance.now() - started };
};

type Acknowledged = Map<string, { revision: number; answer: unknown }>;

const autosave = async (call: Call, candidates: BenchSession[], attempts: Attempt[]) => {
  const samples: Sample[] = [];
  const acknowledged: Acknowledged = new Map();
  const wallMs = await onSchedule(candidates, seconds * 1000, async (index, n) => {
    const attempt = attempts[index] as Attempt;
    const question = attempt.questions[n % attempt.questions.length] as QuestionShape;
    const revision = n + 1;
    const answer = answerFor(question, revision);
    const body = { answer, revision };
    const response = await call(
      candidates[index] as BenchSession,
      'PUT',
      `/api/attempts/${attempt.id}/answers/${question.key}`,
      body,
    );
    const ok = response.status === 200;
    samples.push({ ms: response.ms, ok });
    if (ok) acknowledged.set(`${attempt.id}/${question.key}`, { revision, answer });
  });
  return { samples, acknowledged, wallMs };
};

const baseline = async (call: Call, candidates: BenchSession[]) => {
  const samples: Sample[] = [];
  const wallMs = await onSchedule(candidates, Math.min(seconds, 30) * 1000, async (index) => {
    const response = await call(candidates[index] as BenchSession, 'GET', '/api/auth/me');
    samples.push({ ms: response.ms, ok: response.status === 200 });
  });
  return { samples, wallMs };
};

const submitAll = async (call: Call, candidates: BenchSession[], attempts: Attempt[]) => {
  const samples: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    candidates.map(async (session, index) => {
      const response = await call(session, 'POST', `/api/attempts/${(attempts[index] as Attempt).id}/submit`);
      samples.push({ ms: response.ms, ok: response.status === 200 });
    }),
  );
  return { samples, wallMs: performance.now() - started };
};

/** Answers acknowledged by the server but not in the database as sent (or newer). */
const countLost = async (acknowledged: Acknowledged) => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ attempt_id: string; key: string; revision: number; answer: unknown }>(
    'select attempt_id, key, revision, answer from attempt_answers',
  );
  await client.end();
  const stored = new Map(rows.map((row) => [`${row.attempt_id}/${row.key}`, row]));
  let lost = 0;
  for (const [id, sent] of acknowledged) {
    const row = stored.get(id);
    const same =
      row && row.revision === sent.revision && JSON.stringify(row.answer) === JSON.stringify(sent.answer);
    if (!row || row.revision < sent.revision || (row.revision === sent.revision && !same)) lost += 1;
  }
  return lost;
};

const main = async () => {
  console.log(
    `exam bench: ${candidateCount} candidates, autosave every ${intervalMs / 1000} s for ${seconds} s, PostgreSQL ${databaseUrl}`,
  );
  await recreateDatabase();
  const seed = await seedExamBench({ url: databaseUrl, candidates: candidateCount });
  const port = await freePort();
  const server = await startServer(port);
  try {
    const call = createClient(`http://127.0.0.1:${port}`);
    const examId = await runExam(call, seed);
    const start = await startAll(call, seed.candidates, examId);
    report('start (same second)', start.samples, start.wallMs);
    const saves = await autosave(call, seed.candidates, start.attempts);
    const saveP99 = report('autosave', saves.samples, saves.wallMs);
    const base = await baseline(call, seed.candidates);
    const baseP99 = report('baseline GET /api/auth/me', base.samples, base.wallMs);
    const submit = await submitAll(call, seed.candidates, start.attempts);
    report('submit (same second)', submit.samples, submit.wallMs);
    const lost = await countLost(saves.acknowledged);
    console.log(
      `  autosave p99 ${saveP99.toFixed(1)} ms (target < 100 ms), ${(saveP99 / baseP99).toFixed(2)}× the baseline's p99`,
    );
    console.log(`  answers acknowledged ${saves.acknowledged.size}, answers lost ${lost} (must be 0)`);
    console.log(
      `  server peak RSS ${peakRssMb(server).toFixed(0)} MB, bench client peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
    if (lost > 0) process.exitCode = 1;
  } finally {
    server.kill();
  }
};

await main();
