// `npm test`: install what is missing, typecheck, lint, then every test suite that can run here.
// Suites that cannot run say so in one line; with KEFU_REQUIRE_ALL=1 (CI) a skipped suite fails.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { ensureDeps } from './ensure-deps.mjs';
import { root, run, step } from './run.mjs';

const requireAll = process.env.KEFU_REQUIRE_ALL === '1';
const chromium = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
const results = [];

const skip = (suite, why) => {
  console.log(`⚠ skipped: ${suite} — ${why}`);
  if (requireAll) {
    console.error(`✖ KEFU_REQUIRE_ALL=1: the ${suite} suite must run`);
    process.exit(1);
  }
};

const reachable = (url) =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = createConnection({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1500);
    const answer = (isReachable) => {
      socket.destroy();
      resolve(isReachable);
    };
    socket.on('connect', () => answer(true));
    socket.on('error', () => answer(false));
    socket.on('timeout', () => answer(false));
  });

const vitest = (suite, args, env = {}) => {
  const report = `test-results/${suite}.json`;
  console.log(`\n▶ tests: ${suite}`);
  const status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...args],
    env,
  );
  if (existsSync(`${root}${report}`)) results.push(JSON.parse(readFileSync(`${root}${report}`, 'utf8')));
  if (status !== 0) {
    printTotals();
    console.error(`✖ tests: ${suite} failed`);
    process.exit(status);
  }
};

const printTotals = () => {
  const passed = results.reduce((sum, report) => sum + report.numPassedTests, 0);
  const failed = results.reduce((sum, report) => sum + report.numFailedTests, 0);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
};

ensureDeps();
mkdirSync(`${root}test-results`, { recursive: true });
step('typecheck (server, CLI, engines)', 'npx', ['tsc', '-p', '.']);
step('typecheck (web)', 'npx', ['tsc', '-p', 'web']);
step('lint and format (biome)', 'npx', ['biome', 'check', '.']);
vitest('unit-store-api-pglite', []);

const postgresUrl =
  process.env.KEFU_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (await reachable(postgresUrl)) {
  vitest('store-api-postgresql', ['db.test', 'e2e.test'], { KEFU_TEST_DATABASE_URL: postgresUrl });
} else {
  skip('PostgreSQL store/API', `no server reachable at ${new URL(postgresUrl).host}`);
}

if (existsSync(chromium)) {
  step('build', 'npm', ['run', 'build']);
  vitest('browser', ['--config', 'vitest.e2e.config.ts'], { KEFU_CHROMIUM: chromium });
} else {
  skip('browser (Playwright + Chromium)', `${chromium} not found (apt-get install chromium)`);
}
printTotals();
