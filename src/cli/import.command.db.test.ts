import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../store/database.js';
import { kefu, prepareShopDatabase } from './cli.test-utils.js';

const fixture = (name: string) => new URL(`../../test/fixtures/metrics/${name}`, import.meta.url).pathname;

describe('kefu import', () => {
  let dataDir = '';
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, cleanUp } = await prepareShopDatabase({ prefix: 'kefu-import-', platform: 'tmall' }));
  });
  afterAll(() => cleanUp());

  test('imports a chat export and prints a summary; a second run adds nothing', async () => {
    const first = await kefu('import', 'messages', fixture('one-day.messages.csv'));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('读取 21 行，新增或更新 21 条');
    const second = await kefu('import', 'messages', fixture('one-day.messages.csv'));
    expect(second.stdout).toContain('读取 21 行，新增或更新 0 条');
  });

  test('a bad row fails with file:line (field) on stderr and a non-zero exit', async () => {
    const file = join(dataDir, 'orders.bad.csv');
    writeFileSync(
      file,
      'shop,order,buyer,created,paid,amount,items,status,refund\n旗舰店,o1,b1,yesterday,,1.00,1,created,0\n',
    );
    const result = await kefu('import', 'orders', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:2 (created)`);
    expect(result.stderr).toContain('未导入任何记录');
  });

  test('kefu credit rules who is credited with an imported order, lists and lifts rulings', async () => {
    await kefu('import', 'orders', fixture('one-day.orders.csv'));
    const usage = await kefu('credit', 'rule', '旗舰店', 'o1', '--reason', '缺少落实对象');
    expect(usage.code).toBe(2);
    const stranger = await kefu('credit', 'rule', '旗舰店', 'o1', '--agent', 'a9', '--reason', '他跟进的');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('body.agent');
    const ruled = await kefu('credit', 'rule', '旗舰店', 'o1', '--agent', 'a1', '--reason', '主管复核');
    expect(ruled.code).toBe(0);
    const listed = JSON.parse((await kefu('credit', 'list', '--format', 'json')).stdout);
    expect(listed.rulings).toEqual([
      expect.objectContaining({ shop: '旗舰店', order: 'o1', agent: 'a1', reason: '主管复核' }),
    ]);
    expect((await kefu('credit', 'clear', '旗舰店', 'o1')).code).toBe(0);
    expect(JSON.parse((await kefu('credit', 'list', '--format', 'json')).stdout).rulings).toEqual([]);
    const restated = await kefu('restatements', '--format', 'json');
    expect(JSON.parse(restated.stdout)).toEqual({ restatements: [] });
  });

  test('a shop’s own headers import with --mapping, and the saved preset maps the next file by --shop', async () => {
    const chats = (name: string, buyer: string) => {
      const file = join(dataDir, name);
      writeFileSync(
        file,
        [
          '买家昵称,客服账号,说话方,会话时间,聊天记录',
          `${buyer},旗舰店:小美,buyer,2026-03-10 10:00:00,有货吗`,
          `${buyer},旗舰店:小美,agent,2026-03-10 10:00:40,有的亲`,
        ].join('\n'),
      );
      return file;
    };
    const unmapped = await kefu('import', 'messages', chats('own-a.csv', 'tb_a'), '--shop', '旗舰店');
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain('必填字段 sender 没有对应的列');
    const pairs = '说话方=sender,会话时间=time,聊天记录=text';
    const mapped = await kefu(
      'import',
      'messages',
      chats('own-a.csv', 'tb_a'),
      '--shop',
      '旗舰店',
      '--mapping',
      pairs,
      '--save-preset',
    );
    expect(mapped.stdout).toContain('新增或更新 2 条');
    const byPreset = await kefu('import', 'messages', chats('own-b.csv', 'tb_b'), '--shop', '旗舰店');
    expect(byPreset.stdout).toContain('新增或更新 2 条');
    const mappingFile = join(dataDir, 'mapping.json');
    const fromFile = (mapping: object) => {
      writeFileSync(mappingFile, JSON.stringify(mapping));
      return kefu(
        'import',
        'messages',
        chats('own-c.csv', 'tb_c'),
        '--shop',
        '旗舰店',
        '--mapping-file',
        mappingFile,
      );
    };
    const wrong = await fromFile({ 说话方: 'sender', 会话时间: 'when' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('列「会话时间」映射到未知字段 when');
    const right = await fromFile({ 说话方: 'sender', 会话时间: 'time', 聊天记录: 'text' });
    expect(right.stdout).toContain('新增或更新 2 条');
    expect((await kefu('import', 'messages', mappingFile, '--mapping', 'time')).code).toBe(2);
    expect((await kefu('import', 'messages', mappingFile, '--mapping', pairs, '--save-preset')).code).toBe(2);
  });

  test('表头=- leaves a header out (不导入): its field gets no column, and a required one is reported missing', async () => {
    // The shop's 会话 column holds its own labels (售前), which Kefu would read by name as the conversation.
    const file = join(dataDir, 'labelled.csv');
    writeFileSync(
      file,
      [
        '买家昵称,客服账号,说话方,会话时间,聊天记录,会话',
        'tb_label,旗舰店:小美,buyer,2026-03-11 10:00:00,有货吗,售前',
        'tb_label,旗舰店:小美,agent,2026-03-11 10:00:40,有的亲,售前',
      ].join('\n'),
    );
    const pairs = '说话方=sender,会话时间=time,聊天记录=text';
    const run = (mapping: string) =>
      kefu('import', 'messages', file, '--shop', '旗舰店', '--mapping', mapping);
    const skipped = await run(`${pairs},会话=-`);
    expect(skipped.stdout).toContain('新增或更新 2 条');
    const config = loadConfig({ env: process.env });
    const { db, close } = await createDatabase({
      url: config.store.databaseUrl,
      dataDir: config.store.dataDir,
    });
    const stored = await db
      .selectFrom('messages')
      .select('conversation')
      .where('buyer', '=', 'tb_label')
      .execute();
    await close();
    expect(stored.map((row) => row.conversation)).not.toContain('售前');
    const noAgent = await run(`${pairs},客服账号=-`);
    expect(noAgent.code).toBe(1);
    expect(noAgent.stderr).toContain(
      `${file}:1 (agent): 必填字段 agent 没有对应的列：列映射把它设为（不导入）`,
    );
    expect((await run(`${pairs},会话=`)).code).toBe(2);
    const mappingFile = join(dataDir, 'skip.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({ 说话方: 'sender', 会话时间: 'time', 聊天记录: 'text', 客服账号: '' }),
    );
    const fromFile = await kefu(
      'import',
      'messages',
      file,
      '--shop',
      '旗舰店',
      '--mapping-file',
      mappingFile,
    );
    expect(fromFile.stderr).toContain('列映射把它设为（不导入）');
  });

  test('outside a terminal the progress goes to stderr as whole lines: share of the bytes, rows, rows/s', async () => {
    const file = join(dataDir, 'orders.many.csv');
    const rows = Array.from(
      { length: 7_000 },
      (_, i) => `旗舰店,many${i},b${i},2026-03-10 10:00:00,2026-03-10 10:01:00,19.90,1,paid,0\n`,
    );
    writeFileSync(file, `shop,order,buyer,created,paid,amount,items,status,refund\n${rows.join('')}`);
    const result = await kefu('import', 'orders', file, '--progress-every', '0');
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    const shares = lines.map((line) => {
      const match = /^已读取 (\d+) 行 · ([\d.]+)%（[\d.]+ \/ [\d.]+ MB） · \d+ 行\/秒$/.exec(line);
      expect(match, line).not.toBeNull();
      return Number(match?.[2]);
    });
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(lines.at(-1)).toMatch(/^已读取 7000 行/);
    expect(result.stdout).toContain('读取 7000 行，新增或更新 7000 条');
    expect((await kefu('import', 'orders', file, '--progress-every', 'soon')).code).toBe(2);
  });

  test('an unknown kind is a usage error', async () => {
    expect((await kefu('import', 'buyers', fixture('one-day.orders.csv'))).code).toBe(2);
  });
});
