import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fieldNamedBy, resolveColumns } from './records.columns.js';
import { ImportError, readMessages, readOrders } from './index.js';

const scratch = mkdtempSync(join(tmpdir(), 'kefu-columns-'));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const fixture = (name: string) => resolve(import.meta.dirname, '../../../test/fixtures/import', name);

const all = async <T>(batches: AsyncGenerator<T[], unknown>): Promise<T[]> => {
  const records: T[] = [];
  for await (const batch of batches) records.push(...batch);
  return records;
};

// A chat export whose 会话 column holds no conversation ids (the shop's own labels).
const headers = ['店铺', '平台', '会话', '买家', '客服', '发送方', '时间', '内容'];
const rows = [
  '店,淘宝,售前,b1,店:a,买家,2024-06-18 10:00:00,在吗',
  '店,淘宝,售前,b1,店:a,客服,2024-06-18 10:00:30,在的',
];

describe('fieldNamedBy', () => {
  test('a header names the field its synonyms hold, a field names itself, other headers name none', () => {
    expect(fieldNamedBy('messages', '会话 ID')).toBe('conversation');
    expect(fieldNamedBy('orders', 'closedBy')).toBe('closedBy');
    expect(fieldNamedBy('orders', '备注')).toBeUndefined();
  });
});

describe('resolveColumns', () => {
  const resolveWith = (columns: Record<string, string>, constants?: Record<string, string>) =>
    resolveColumns({
      kind: 'messages',
      headers,
      mapping: { columns, ...(constants ? { constants } : {}) },
      file: 'chats.csv',
      headerLine: 1,
    });

  test('when the mapping leaves out an optional field, its synonym header still feeds it', () => {
    expect(resolveWith({}).columns.index.conversation).toBe(2);
  });

  test('when the mapping gives an optional field no column (""), its synonym header is not read', () => {
    const { columns, issues } = resolveWith({ conversation: '' });
    expect(columns.index.conversation).toBeUndefined();
    expect(columns.index.buyer).toBe(3);
    expect(issues).toEqual([]);
  });

  test('when a required field is given no column, the missing column is reported at the header line', () => {
    expect(resolveWith({ agent: '' }).issues).toEqual([
      {
        code: 'import.missing_column',
        severity: 'error',
        message: '必填字段 agent 没有对应的列：列映射把它设为（不导入）；请在列映射中为它选一列',
        at: { file: 'chats.csv', line: 1, field: 'agent' },
      },
    ]);
  });

  test('when a field without a column has a constant, the constant feeds it', () => {
    const { columns, issues } = resolveWith(
      { shop: '', platform: '' },
      { shop: '旗舰店', platform: 'tmall' },
    );
    expect(columns.constants).toEqual({ shop: '旗舰店', platform: 'tmall' });
    expect(columns.index.shop).toBeUndefined();
    expect(issues).toEqual([]);
  });
});

describe('readers with a field left without a column (不导入)', () => {
  test('a CSV chat export reads no conversation from its 会话 column', async () => {
    const path = file('chats.csv', [headers.join(','), ...rows].join('\n'));
    const guessed = await all(readMessages({ file: path }));
    expect(guessed.map((message) => message.conversation)).toEqual(['售前', '售前']);
    const skipped = await all(readMessages({ file: path, mapping: { columns: { conversation: '' } } }));
    expect(skipped.map((message) => message.conversation ?? null)).toEqual([null, null]);
  });

  test('a JSON Lines export reads no conversation from its 会话 key', async () => {
    const line = (sender: string, time: string) =>
      JSON.stringify({
        店铺: '店',
        平台: '淘宝',
        会话: '售前',
        买家: 'b1',
        客服: '店:a',
        发送方: sender,
        时间: time,
        内容: 'hi',
      });
    const path = file(
      'chats.jsonl',
      `${line('买家', '2024-06-18 10:00:00')}\n${line('客服', '2024-06-18 10:00:30')}\n`,
    );
    const skipped = await all(readMessages({ file: path, mapping: { columns: { conversation: '' } } }));
    expect(skipped.map((message) => message.conversation ?? null)).toEqual([null, null]);
  });

  test('an XLSX order export reads no quantity from its 数量 column (1 item each), and fails without its 买家 column', async () => {
    const guessed = await all(readOrders({ file: fixture('orders.xlsx') }));
    expect(guessed.map((order) => order.items)).toEqual([2, 1]);
    const skipped = await all(
      readOrders({ file: fixture('orders.xlsx'), mapping: { columns: { items: '' } } }),
    );
    expect(skipped.map((order) => order.items)).toEqual([1, 1]);
    const refused = await all(
      readOrders({ file: fixture('orders.xlsx'), mapping: { columns: { buyer: '' } } }),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).issues[0]).toMatchObject({
      code: 'import.missing_column',
      at: { file: fixture('orders.xlsx'), line: 1, field: 'buyer' },
    });
  });
});
