import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './cli.js';
import type { CliIo } from './cli.io.js';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
};

const folder = mkdtempSync(join(tmpdir(), 'kefu-check-'));
const file = (name: string, content: string) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe('kefu check', () => {
  test('when the reply is clean, it says so and exits 0', async () => {
    const { io, stdout } = capture();
    expect(await runCli({ argv: ['check', '亲，发票可以开的', '--at', '2026-01-01'], io })).toBe(0);
    expect(stdout()).toContain('no findings');
  });

  test('when the reply breaks a rule, it prints the finding as a table and exits 3', async () => {
    const { io, stdout } = capture();
    expect(await runCli({ argv: ['check', '亲，特价商品不开发票哦', '--at', '2026-01-01'], io })).toBe(3);
    expect(stdout()).toContain('invoice');
    expect(stdout()).toContain('「不开发票」');
    expect(stdout()).toContain('建议：');
    expect(stdout()).toMatch(/建议改写：亲，发票是可以开的.*\n$/);
  });

  test('with --buyer and --format json, the finding uses the buyer context', async () => {
    const { io, stdout } = capture();
    const argv = ['check', '可以的', '--buyer', '能银行转账吗', '--format', 'json', '--at', '2026-01-01'];
    expect(await runCli({ argv, io })).toBe(3);
    const { findings, rewrite } = JSON.parse(stdout()) as {
      findings: { rule: string; points: number; start: number }[];
      rewrite: string;
    };
    expect(findings).toMatchObject([{ rule: 'offsite_payment', points: 6, start: 0 }]);
    expect(rewrite).toContain('平台内付款');
  });

  test('--shop-rules switches rules off and adds forbidden words', async () => {
    const shopRules = file(
      'shop.json',
      JSON.stringify({
        rules: { abuse: { enabled: false } },
        custom: [{ id: 'extreme', title: '极限词', points: 2, words: ['全网最低'] }],
      }),
    );
    const off = capture();
    expect(await runCli({ argv: ['check', '爱买不买', '--shop-rules', shopRules], io: off.io })).toBe(0);
    const custom = capture();
    expect(await runCli({ argv: ['check', '全网最低价', '--shop-rules', shopRules], io: custom.io })).toBe(3);
    expect(custom.stdout()).toContain('extreme');
  });

  test('--jsonl streams one result per line and reports a bad line by number without stopping', async () => {
    const input = file(
      'chats.jsonl',
      [
        JSON.stringify({ id: 'a', agent: '亲，您好' }),
        '{ not json',
        JSON.stringify({ id: 'b', buyer: '能开发票吗', agent: '开发票要加6个点' }),
        JSON.stringify({ id: 'c' }),
      ].join('\n'),
    );
    const { io, stdout, stderr } = capture();
    expect(await runCli({ argv: ['check', '--jsonl', input, '--at', '2026-01-01'], io })).toBe(3);
    const lines = stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; findings: { rule: string; evidence: string }[] });
    expect(lines).toEqual([
      { id: 'a', findings: [] },
      { id: 'b', findings: [{ rule: 'invoice', start: 5, end: 8, evidence: '6个点', points: 6 }] },
    ]);
    expect(stderr()).toContain(`${input}:2: invalid JSON`);
    expect(stderr()).toContain(`${input}:4: field "agent" must be a string`);
  });

  test('without text or --jsonl, or with a missing file, it explains the problem', async () => {
    const usage = capture();
    expect(await runCli({ argv: ['check'], io: usage.io })).toBe(2);
    expect(usage.stderr()).toContain('give the TEXT to check');
    const missing = capture();
    expect(await runCli({ argv: ['check', '--jsonl', join(folder, 'nope.jsonl')], io: missing.io })).toBe(1);
    expect(missing.stderr()).toContain('input file not found');
  });

  test('--help documents the exit codes', async () => {
    const { io, stdout } = capture();
    expect(await runCli({ argv: ['check', '--help'], io })).toBe(0);
    expect(stdout()).toContain('3  findings');
  });
});
