import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { oneDay } from '../../test/fixtures/metrics/one-day.fixture.js';
import { runCli } from './cli.js';

const fixture = (name: string) => new URL(`../../test/fixtures/metrics/${name}`, import.meta.url).pathname;

const run = async (argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  });
  return { code, stdout, stderr };
};

const base = [
  'metrics',
  '--messages',
  fixture('one-day.messages.csv'),
  '--orders',
  fixture('one-day.orders.csv'),
  '--from',
  '2026-03-10',
  '--to',
  '2026-03-10',
  '--now',
  '2026-03-20T00:00:00+08:00',
];

const metricKeys = [
  'consulted',
  'served',
  'replyRate',
  'unanswered',
  'avgResponseSec',
  'medianResponseSec',
  'p90ResponseSec',
  'firstResponseSec',
  'slowTurns',
  'inquiries',
  'inquiriesOrdered',
  'inquiriesPaid',
  'conversion',
  'sales',
  'buyers',
  'aov',
  'itemsPerBuyer',
  'assists',
  'followUps',
  'lostInquiries',
  'refundAmount',
  'satisfaction',
  'pddReply30sRate',
  'pddAvgResponseSec',
  'dyFirstReply2mRate',
  'dyReply3mRate',
];

describe('kefu metrics', () => {
  test('JSON rows carry exactly the documented keys and the hand-computed numbers', async () => {
    const { code, stdout } = await run([...base, '--by', 'agent-day', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { rows: Record<string, unknown>[]; shop: Record<string, unknown> };
    expect(Object.keys(json)).toEqual(['rows', 'shop']);
    expect(Object.keys(json.rows[0] ?? {})).toEqual(['shop', 'agent', 'day', 'provisional', ...metricKeys]);
    expect(Object.keys(json.shop)).toEqual(['silentSales', 'silentBuyers', 'silentAov', 'advertisers']);
    const { robotOnly: _robot, unansweredTurns: _turns, ...a1 } = oneDay.expected.a1;
    expect(json.rows.find((row) => row.agent === 'a1')).toMatchObject({ ...a1, provisional: false });
    expect(json.shop).toEqual({ silentSales: 0, silentBuyers: 0, silentAov: null, advertisers: 1 });
  });

  test('by shop, CSV has one header and one row with the shop totals', async () => {
    const { stdout } = await run([...base, '--by', 'shop', '--format', 'csv']);
    const [header, row, extra] = stdout.trim().split('\n');
    expect(header?.startsWith('shop,provisional,consulted,served,replyRate')).toBe(true);
    expect(row?.startsWith('旗舰店,false,8,6,0.75')).toBe(true);
    expect(extra).toBeUndefined();
  });

  test('xlsx output is written to --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kefu-metrics-')), 'metrics.xlsx');
    const { code } = await run([...base, '--format', 'xlsx', '--out', out, '--assess']);
    expect(code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('a bad row fails with the file, line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-metrics-'));
    const bad = join(dir, 'messages.csv');
    writeFileSync(
      bad,
      'shop,platform,buyer,agent,sender,time,text\n店,tmall,b,a,buyer,2026-03-10 10:00:00,hi\n店,tmall,b,a,buyer,not a time,hi\n',
    );
    const { code, stderr } = await run(['metrics', '--messages', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}:3`);
  });

  test('a --from after --to is a usage error', async () => {
    const { code, stderr } = await run([
      'metrics',
      '--messages',
      fixture('one-day.messages.csv'),
      '--from',
      '2026-03-11',
      '--to',
      '2026-03-10',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('after');
  });

  test('a settings file with an unknown key is rejected, naming the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-metrics-'));
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ slowThreshold: 30 }));
    const { code, stderr } = await run([...base, '--settings', settings]);
    expect(code).toBe(1);
    expect(stderr).toContain('slowThreshold');
  });

  test('a settings file changes the slow threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-metrics-'));
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ slowThresholdSec: 25 }));
    const { stdout } = await run([...base, '--settings', settings, '--format', 'json', '--by', 'shop']);
    expect((JSON.parse(stdout) as { rows: { slowTurns: number }[] }).rows[0]?.slowTurns).toBe(6);
  });
});

describe('kefu metrics --explain', () => {
  test('lists the buyers behind a1 paid inquiries', async () => {
    const { code, stdout } = await run([
      ...base,
      '--explain',
      'inquiriesPaid',
      '--agent',
      'a1',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ metric: 'inquiriesPaid', buyers: ['b1'] });
  });

  test('names the credited order in the table', async () => {
    const { stdout } = await run([...base, '--explain', 'sales', '--agent', 'a2']);
    expect(stdout).toContain('o2');
    expect(stdout).toContain('共 1 位买家');
  });

  test('an unknown metric is a usage error', async () => {
    const { code, stderr } = await run([...base, '--explain', 'happiness']);
    expect(code).toBe(2);
    expect(stderr).toContain('happiness');
  });
});
