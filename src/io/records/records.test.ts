import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Issue } from '../../domain/shared/index.js';
import {
  ImportError,
  previewFile,
  readMessages,
  readOrders,
  readRatings,
  readTickets,
  suggestMapping,
  validateFile,
} from './index.js';

const fixture = (name: string) => resolve(import.meta.dirname, '../../../test/fixtures/import', name);
const scratch = mkdtempSync(join(tmpdir(), 'kefu-records-'));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

const all = async <T>(batches: AsyncGenerator<T[], unknown>): Promise<T[]> => {
  const records: T[] = [];
  for await (const batch of batches) records.push(...batch);
  return records;
};

const importError = async (batches: AsyncGenerator<unknown[], unknown>): Promise<ImportError> => {
  try {
    await all(batches);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
};

const where = (issues: Issue[]) =>
  issues.map((issue) => `${issue.at?.line}:${issue.at?.field ?? ''}:${issue.code}`);
const shanghai = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

describe('readMessages', () => {
  test('when a UTF-8 file has a BOM, CRLF and Chinese headers, every message is read', async () => {
    const messages = await all(readMessages({ file: fixture('messages.bom-zh.csv') }));
    expect(messages).toHaveLength(6);
    expect(messages[0]).toEqual({
      shop: '云杉家居旗舰店',
      platform: 'tmall',
      conversation: 'c1',
      buyer: 'tb_lily',
      agent: '云杉家居旗舰店:小美',
      sender: 'buyer',
      time: shanghai('2024-06-18 10:00:00'),
      text: '在吗，这款沙发有灰色吗',
      kind: 'human',
    });
    expect(messages.map((message) => message.kind)).toEqual([
      'human',
      'welcome',
      'human',
      'human',
      'human',
      'assist',
    ]);
    expect(messages[3]?.text).toBe('好的\r\n我拍了');
  });

  test('when the file is GBK with 子账号/发送人 headers, names as senders and an auto flag, it is understood', async () => {
    const messages = await all(readMessages({ file: fixture('messages.gbk.csv') }));
    expect(messages.map((m) => [m.platform, m.sender, m.kind, m.text])).toEqual([
      ['pdd', 'buyer', 'human', '请问几天能到'],
      ['pdd', 'agent', 'auto', '亲 客服正在赶来'],
      ['pdd', 'agent', 'human', '一般两到三天送达哦'],
    ]);
  });

  test('when the file is JSON Lines, keys map like headers and epoch or ISO times are accepted', async () => {
    const messages = await all(readMessages({ file: fixture('messages.jsonl') }));
    expect(messages.map((m) => [m.time, m.kind])).toEqual([
      [Date.parse('2024-06-18T12:00:00+08:00'), 'human'],
      [1718683230000, 'human'],
      [shanghai('2024-06-18 12:00:40'), 'auto'],
    ]);
  });

  test('when JSON lines are broken, each is reported with its line', async () => {
    const error = await importError(readMessages({ file: fixture('messages.bad.jsonl') }));
    expect(where(error.issues)).toEqual(['2::import.bad_row', '3::import.bad_row']);
  });

  test('when required columns are missing, the error names each field on the header line', async () => {
    const error = await importError(
      readMessages({ file: fixture('messages.missing-column.csv'), mode: 'skip' }),
    );
    expect(where(error.issues)).toEqual(['1:sender:import.missing_column', '1:time:import.missing_column']);
  });

  test('when a sender is neither buyer, agent nor system, the row is rejected as unknown sender', async () => {
    const path = file(
      'sender.csv',
      '店铺,平台,买家,客服,发送方,时间,内容\n店,京东,b,店:a,路人,2024-06-18 10:00:00,hi\n',
    );
    const error = await importError(readMessages({ file: path }));
    expect(error.issues[0]).toMatchObject({
      code: 'import.unknown_sender',
      at: { file: path, line: 2, field: 'sender' },
    });
  });

  test('when a mapping names columns and gives constants, they win over the synonyms', async () => {
    const path = file(
      'mapped.csv',
      'who,staff,dir,at,msg\nb1,a1,buyer,2024-06-18 10:00:00,hi\nb1,a1,a1,2024-06-18 10:00:09,yo\n',
    );
    const messages = await all(
      readMessages({
        file: path,
        mapping: {
          columns: { buyer: 'who', agent: 'staff', sender: 'dir', time: 'at', text: 'msg' },
          constants: { shop: '旗舰店', platform: 'tmall' },
        },
      }),
    );
    expect(messages.map((m) => [m.shop, m.platform, m.sender, m.text])).toEqual([
      ['旗舰店', 'tmall', 'buyer', 'hi'],
      ['旗舰店', 'tmall', 'agent', 'yo'],
    ]);
  });

  test('when a message repeats, the copy is a duplicate; the same words in another conversation are not', async () => {
    const row = (conversation: string) => `店,京东,${conversation},b,店:a,买家,2024-06-18 10:00:00,在吗`;
    const path = file(
      'dupes.csv',
      `店铺,平台,会话,买家,客服,发送方,时间,内容\n${row('c1')}\n${row('c2')}\n${row('c1')}\n`,
    );
    const error = await importError(readMessages({ file: path }));
    expect(error.issues.map((issue) => [issue.code, issue.at?.line, issue.message])).toEqual([
      [
        'import.duplicate',
        4,
        '与第 2 行重复（时间、买家、客服、会话、发送方和内容都相同），重复的一行不导入',
      ],
    ]);
  });

  test('when the time zone is given, wall-clock times are read in it', async () => {
    const path = file(
      'zone.csv',
      '店铺,平台,买家,客服,发送方,时间,内容\n店,抖音,b,店:a,买家,2024-06-18 10:00:00,hi\n',
    );
    const [message] = await all(readMessages({ file: path, timeZone: 'UTC' }));
    expect(message?.time).toBe(Date.parse('2024-06-18T10:00:00Z'));
  });
});

describe('readOrders', () => {
  test('when headers are English and amounts are decorated, orders come out in 分 with null for unpaid', async () => {
    const orders = await all(readOrders({ file: fixture('orders.en.csv') }));
    expect(orders.map((o) => [o.order, o.amount, o.paid === null, o.items, o.refund])).toEqual([
      ['9001', 19990, false, 1, 0],
      ['9002', 8900, true, 2, 0],
      ['9003', 129900, false, 1, 10000],
    ]);
    expect(orders[1]?.created).toBe(Date.parse('2024-06-18T02:10:00Z'));
  });

  test('when the file is XLSX with date cells and a unit in a header, the first sheet is read', async () => {
    const orders = await all(readOrders({ file: fixture('orders.xlsx') }));
    expect(orders.map((o) => [o.order, o.created, o.paid, o.amount, o.items])).toEqual([
      ['7001', shanghai('2024-06-18 10:05:00'), shanghai('2024-06-18 10:09:30'), 25980, 2],
      ['7002', shanghai('2024-06-18 20:15:00'), null, 5900, 1],
    ]);
  });

  test('in reject mode, every bad row is listed with file, line and field, and nothing is yielded', async () => {
    const received: unknown[] = [];
    let caught: unknown;
    try {
      for await (const batch of readOrders({ file: fixture('orders.bad.csv') })) received.push(...batch);
    } catch (error) {
      caught = error;
    }
    expect(received).toEqual([]);
    expect(caught).toBeInstanceOf(ImportError);
    const issues = (caught as ImportError).issues;
    expect(where(issues)).toEqual([
      '3:amount:import.negative_amount',
      '4:created:import.bad_time',
      '5::import.duplicate',
      '6:buyer:import.missing_value',
      '6:paid:import.bad_time',
    ]);
    expect(issues.every((issue) => issue.at?.file === fixture('orders.bad.csv'))).toBe(true);
  });

  test('in skip mode, exactly the bad rows are reported and the good ones returned', async () => {
    const reported: Issue[] = [];
    const orders = await all(
      readOrders({ file: fixture('orders.bad.csv'), mode: 'skip', onIssue: (i) => reported.push(i) }),
    );
    expect(orders.map((o) => o.order)).toEqual(['9101', '9105']);
    expect(new Set(reported.map((issue) => issue.at?.line))).toEqual(new Set([3, 4, 5, 6]));
  });

  test('when reject mode reads in one pass, it throws at the end with the same issues', async () => {
    const error = await importError(readOrders({ file: fixture('orders.bad.csv'), validateFirst: false }));
    expect(error.errorCount).toBe(5);
  });

  test('when there are more errors than the cap, the rest are counted in a last line', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `店,${i},b,never,,1,1,x,0`).join('\n');
    const summary = await validateFile({
      kind: 'orders',
      file: file('many.csv', `店铺,订单号,买家,下单时间,付款时间,实付金额,数量,状态,退款\n${rows}\n`),
      maxIssues: 10,
    });
    expect(summary.errorCount).toBe(30);
    expect(summary.issues).toHaveLength(11);
    expect(summary.issues[10]).toMatchObject({
      code: 'import.more_errors',
      message: '另有 20 处错误未列出',
    });
  });

  test('when a row has more fields than the header, it is reported as a stray comma', async () => {
    const path = file(
      'extra.csv',
      'shop,order,buyer,created,paid,amount\n店,1,b,2024-06-18 10:00:00,,1,299\n',
    );
    const error = await importError(readOrders({ file: path }));
    expect(error.issues[0]).toMatchObject({ code: 'import.field_count', at: { line: 2 } });
  });
});

describe('readRatings and readTickets', () => {
  test('when stars are words or digits, both become 1-5, and a bad value is named', async () => {
    const reported: Issue[] = [];
    const ratings = await all(
      readRatings({ file: fixture('ratings.csv'), mode: 'skip', onIssue: (i) => reported.push(i) }),
    );
    expect(ratings.map((r) => r.stars)).toEqual([5, 3]);
    expect(where(reported)).toEqual(['4:stars:import.bad_value']);
  });

  test('when JD tickets have empty times and 是/否 flags, they become null and booleans', async () => {
    const tickets = await all(readTickets({ file: fixture('tickets.csv') }));
    expect(tickets[1]).toMatchObject({
      ticket: 'JD2',
      reviewed: null,
      awaitingCustomer: true,
      sampled: false,
      samplePassed: null,
    });
    expect(tickets[0]).toMatchObject({ sampled: true, samplePassed: true });
  });
});

describe('bad files', () => {
  test.each([
    ['messages.utf16.csv', 'import.encoding.utf16', undefined],
    ['messages.bad-utf8.csv', 'import.encoding.unknown', 5],
    ['messages.unclosed-quote.csv', 'import.csv_syntax', 2],
    ['missing.csv', 'import.cannot_open', undefined],
    ['orders.xls', 'import.format', undefined],
  ])('when the file is %s, the error is %s', async (name, code, line) => {
    const error = await importError(readMessages({ file: fixture(name), mode: 'skip' }));
    expect(error.issues.at(-1)).toMatchObject({
      code,
      at: line === undefined ? { file: fixture(name) } : { file: fixture(name), line },
    });
  });
});

describe('empty files', () => {
  test('when the file is empty, the error says so; a header alone gives no records and no error', async () => {
    const error = await importError(readOrders({ file: file('empty.csv', '') }));
    expect(error.issues[0]?.code).toBe('import.empty');
    expect(
      await all(readOrders({ file: file('header.csv', 'shop,order,buyer,created,paid,amount\n') })),
    ).toEqual([]);
  });
});

describe('time zones', () => {
  test('when the time zone is unknown, the import fails with a clear issue', async () => {
    const error = await importError(readOrders({ file: fixture('orders.en.csv'), timeZone: 'Mars/Olympus' }));
    expect(error.issues[0]).toMatchObject({
      code: 'import.time_zone',
      message: expect.stringContaining('Mars/Olympus'),
    });
  });
});

describe('previewFile and the suggested mapping', () => {
  test('when previewing, it shows encoding, headers, the suggested mapping, rows and their problems', async () => {
    const preview = await previewFile({ file: fixture('orders.bad.csv'), kind: 'orders' });
    expect(preview.encoding).toBe('utf-8');
    expect(preview.suggestedMapping).toMatchObject({
      order: '订单号',
      created: '下单时间',
      amount: '实付金额',
    });
    expect(preview.sampleRows).toHaveLength(6);
    expect(where(preview.issues)).toContain('3:amount:import.negative_amount');
  });

  test('when previewing an unreadable file, the problem is an issue, not an exception', async () => {
    const preview = await previewFile({ file: fixture('messages.utf16.csv'), kind: 'messages' });
    expect(preview.issues[0]?.code).toBe('import.encoding.utf16');
  });

  test('when headers are synonyms in either language, the suggestion maps them to fields', () => {
    expect(suggestMapping('messages', ['顾客', '子账号', '发送时间', '消息', 'Sender'])).toEqual({
      buyer: '顾客',
      agent: '子账号',
      time: '发送时间',
      text: '消息',
      sender: 'Sender',
    });
  });
});
