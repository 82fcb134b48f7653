import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kefu, prepareShopDatabase } from './cli.test-utils.js';

describe('kefu inspect examples (标注样本)', () => {
  let dataDir = '';
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, cleanUp } = await prepareShopDatabase({ prefix: 'kefu-examples-', platform: 'tmall' }));
  });
  afterAll(() => cleanUp());

  test('a reply is labelled, listed with the engine verdict, exported and removed', async () => {
    const added = await kefu(
      'inspect',
      'examples',
      'add',
      '--agent',
      '可以微信转账给我',
      '--rules',
      'offsite_payment',
    );
    expect(added.stdout).toMatch(/已添加标注样本 \S+/);
    const listed = await kefu('inspect', 'examples', 'list');
    expect(listed.stdout).toMatch(/offsite_payment\s+offsite_payment\s+一致\s+可以微信转账给我/);
    expect(listed.stdout).toContain('共 1 条；本页 0 条与引擎不一致');
    const out = join(dataDir, 'loop.jsonl');
    await kefu('inspect', 'export', '--out', out);
    expect(JSON.parse(readFileSync(out, 'utf8').trim())).toMatchObject({
      agent: '可以微信转账给我',
      rules: ['offsite_payment'],
    });
    const json = JSON.parse((await kefu('inspect', 'examples', 'list', '--format', 'json')).stdout);
    const id = json.examples[0].id as string;
    expect((await kefu('inspect', 'examples', 'remove', id)).stdout).toContain('已删除');
    expect((await kefu('inspect', 'examples', 'remove', id)).code).toBe(1);
  });

  test('an import is all or nothing and names the file and line of every problem', async () => {
    const file = join(dataDir, 'labels.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ agent: '亲，我们只能通过平台付款哦', rules: [] }),
        '{ not json',
        JSON.stringify({ agent: '爱买不买', rules: ['rude'] }),
      ].join('\n'),
    );
    const broken = await kefu('inspect', 'examples', 'import', file);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${file}:2: invalid JSON`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('{ not json\n', ''));
    const unknown = await kefu('inspect', 'examples', 'import', file);
    expect(unknown.stderr).toContain(`${file}:2.rules: 不认识的规则「rude」`);
    expect((await kefu('inspect', 'examples', 'list')).stdout).toContain('共 0 条');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"rude"', '"abuse"'));
    expect((await kefu('inspect', 'examples', 'import', file)).stdout).toContain('已导入 2 条标注样本');
    expect((await kefu('inspect', 'examples', 'list', '--compliant')).stdout).toContain('只能通过平台付款');
  });

  test("--shop labels by the shop's rules; --format jsonl prints evaluation lines", async () => {
    const added = await kefu(
      'inspect',
      'examples',
      'add',
      '--shop',
      '旗舰店',
      '--agent',
      '爱买不买',
      '--rules',
      'abuse',
    );
    expect(added.code, added.stderr).toBe(0);
    const table = await kefu('inspect', 'examples', 'list', '--shop', '旗舰店');
    expect(table.stdout).toMatch(/旗舰店\s+abuse\s+abuse\s+一致\s+爱买不买/);
    expect(table.stdout).toContain('共 1 条');
    const jsonl = await kefu('inspect', 'examples', 'list', '--shop', '旗舰店', '--format', 'jsonl');
    const lines = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { id: expect.stringMatching(/^ex-/), agent: '爱买不买', rules: ['abuse'], note: '人工标注违规' },
    ]);
    const unknown = await kefu('inspect', 'examples', 'list', '--shop', '无此店');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no shop named "无此店"');
  });
});
