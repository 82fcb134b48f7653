import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Issue } from '../../domain/shared/index.js';
import presetsJson from '../../../data/settings/metrics.presets.json' with { type: 'json' };
import {
  MetricsData,
  type MetricsSettings,
  resolveSettings,
  type SettingsPresets,
} from '../../domain/metrics/index.js';
import {
  ImportError,
  loadOrdersCsv,
  readMessages,
  readOrders,
  readRatings,
  readTickets,
  validateFile,
} from './index.js';

// What a supervisor reads when an import fails: Chinese that names the field as exports head it
// and quotes the bad value, next to the file, line and field the issue carries.

const fixture = (name: string) => resolve(import.meta.dirname, '../../../test/fixtures/import', name);
const scratch = mkdtempSync(join(tmpdir(), 'kefu-messages-'));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

const importError = async (batches: AsyncGenerator<unknown[], unknown>): Promise<ImportError> => {
  try {
    for await (const _ of batches);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
};

const presets = presetsJson as unknown as SettingsPresets;
const newData = () =>
  new MetricsData(
    (_shop, platform): MetricsSettings =>
      resolveSettings({ presets, platform: platform ?? 'taobao', on: '2026-03-01' }),
  );

const said = (issues: Issue[]) => issues.map((issue) => [issue.at?.line, issue.at?.field, issue.message]);
const chinese = /[\u4e00-\u9fff]/;

const orderHeader = 'shop,order,buyer,created,paid,amount,items,status,refund,postage,closed_by\n';

describe('row problems, in Chinese with the field and the bad value', () => {
  test('an order file names each bad value by line and field', async () => {
    const path = file(
      'orders.bad.csv',
      orderHeader +
        [
          '店,o1,b1,2024-06-18 10:00:00,2024-06-18 10:01:00,-5.00,1,paid,0,,',
          '店,o2,,昨天,,12块,-1,paid,,,路人',
          '店,o3,b3,2024-06-18 10:00:00,2024-06-18 09:00:00,10.00,1,paid,20.00,,路人',
          '店,o4,b4,2024-06-18 10:00:00,,1.00,1,created,0,,',
          '店,o4,b4,2024-06-18 10:00:00,,1.00,1,created,0,,',
        ].join('\n'),
    );
    const error = await importError(readOrders({ file: path }));
    expect(said(error.issues)).toEqual([
      [2, 'amount', 'amount（金额）：-5.00 不能为负数'],
      [3, 'buyer', 'buyer（买家）：不能为空'],
      [
        3,
        'created',
        'created（下单时间）：「昨天」不是可识别的时间（应为 YYYY-MM-DD HH:mm:ss 或带时区的 ISO-8601，如 2024-06-18T10:05:09+08:00）',
      ],
      [3, 'amount', 'amount（金额）：「12块」不是金额（应为以元计的数字，如 199.90）'],
      [3, 'items', 'items（件数）：「-1」不是大于等于 0 的整数'],
      [4, 'paid', 'paid（付款时间）：2024-06-18 09:00:00 早于下单时间 2024-06-18 10:00:00'],
      [4, 'refund', 'refund（退款金额）：20.00 超过实付金额 10.00'],
      [4, 'closedBy', 'closedBy（关闭方）：「路人」不是 买家、卖家、系统（buyer、seller、system）'],
      [6, undefined, '与第 5 行重复（店铺和订单号相同），重复的一行不导入'],
    ]);
    expect(error.message).toBe(
      `${path} 有 9 处错误，第一处：${path}:2 (amount): amount（金额）：-5.00 不能为负数`,
    );
  });

  test('a chat export names an unknown platform, sender, reply kind and a shop it cannot tell', async () => {
    const path = file(
      'messages.bad.csv',
      'shop,platform,buyer,agent,sender,time,text,kind,auto\n' +
        [
          ',tmall,b1,小美,buyer,2024-06-18 10:00:00,在吗,,',
          '店,火星,b1,店:a,路人,2024-06-18 10:00:01,在吗,机器猫,',
        ].join('\n'),
    );
    const error = await importError(readMessages({ file: path }));
    expect(said(error.issues)).toEqual([
      [2, 'shop', 'shop（店铺）：为空，且客服账号没有「店铺:」前缀，无法判断店铺'],
      [
        3,
        'platform',
        'platform（平台）：无法识别「火星」（应为 天猫、淘宝、拼多多、京东、抖音，或 tmall、taobao、pdd、jd、douyin）',
      ],
      [3, 'sender', 'sender（发送方）：「路人」既不是买家、客服，也不是系统（也不是这一行的买家或客服账号）'],
      [
        3,
        'kind',
        'kind（回复类型）：无法识别「机器猫」（应为 人工、智能辅助、自动回复、欢迎语，或 human、assist、auto、welcome）',
      ],
    ]);
  });

  test('ratings and tickets name bad stars, flags and a review before the application', async () => {
    const ratings = file(
      'ratings.bad.csv',
      'shop,buyer,agent,time,stars\n店,b1,a1,2024-06-18 10:00:00,六星\n',
    );
    expect(said((await importError(readRatings({ file: ratings }))).issues)).toEqual([
      [2, 'stars', 'stars（评价）：「六星」不是 1-5 星，也不是 非常满意…非常不满意'],
    ]);
    const tickets = file(
      'tickets.bad.csv',
      'shop,ticket,agent,applied,reviewed,sampled\n店,t1,a1,2024-06-18 10:00:00,2024-06-18 09:00:00,也许\n',
    );
    expect(said((await importError(readTickets({ file: tickets }))).issues)).toEqual([
      [2, 'reviewed', 'reviewed（审核时间）：2024-06-18 09:00:00 早于申请时间 2024-06-18 10:00:00'],
      [2, 'sampled', 'sampled（抽检）：「也许」不是“是/否”（可写 是/否、true/false、1/0）'],
    ]);
  });

  test('a row with a stray comma and broken JSON lines say what is wrong with the line', async () => {
    const csv = file('extra.csv', `${orderHeader}店,o1,b1,2024-06-18 10:00:00,,1,000.00,1,paid,0,,\n`);
    expect(said((await importError(readOrders({ file: csv }))).issues)).toEqual([
      [2, undefined, '这一行有 12 列，表头只有 11 列（某个值里有未加引号的逗号？）'],
    ]);
    const jsonl = await importError(readMessages({ file: fixture('messages.bad.jsonl') }));
    for (const issue of jsonl.issues)
      expect(issue.message).toMatch(/^这一行不是(有效的 JSON（.+）| JSON 对象)/);
  });
});

describe('file problems, in Chinese with the line where there is one', () => {
  test.each([
    [
      'messages.utf16.csv',
      undefined,
      '文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8”或 .xlsx',
    ],
    ['messages.bad-utf8.csv', 5, '第 5 行含有无法识别的字节：文件既不是 UTF-8 也不是 GBK/GB18030 文本'],
    ['messages.unclosed-quote.csv', 2, '第 2 行开始的带引号的值没有结束（缺少右引号 "）'],
    ['missing.csv', undefined, '无法打开文件（ENOENT）'],
    ['orders.xls', undefined, '不读取旧版 Excel .xls 文件：请在 Excel 中另存为 .xlsx 或 CSV UTF-8'],
  ])('%s', async (name, line, message) => {
    const error = await importError(readMessages({ file: fixture(name), mode: 'skip' }));
    const at = line === undefined ? { file: fixture(name) } : { file: fixture(name), line };
    expect(error.issues.at(-1)).toMatchObject({ message, at });
  });

  test('a bad byte after the first 64 KiB names its line and the mixed encodings', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `店,tmall,b${i},店:a,buyer,2024-06-18 10:00:00,在吗`);
    const bytes = Buffer.concat([
      Buffer.from(`shop,platform,buyer,agent,sender,time,text\n${rows.join('\n')}\n店,tmall,b,店:a,buyer,`),
      Buffer.from([0xc4, 0xe3]),
      Buffer.from('\n'),
    ]);
    const path = join(scratch, 'late.csv');
    writeFileSync(path, bytes);
    const error = await importError(readMessages({ file: path }));
    expect(error.issues.at(-1)).toMatchObject({
      code: 'import.encoding.invalid',
      at: { line: 2002 },
      message: '第 2002 行含有不符合文件编码的字节（文件混用了 UTF-8 和 GBK？请统一另存为 CSV UTF-8）',
    });
  });

  test('an unclosed quote that swallows the rest of a long file is stopped, naming its line', async () => {
    const path = file('runaway.csv', `${orderHeader}店,"o1,b1\n${'x,'.repeat(600_000)}\n`);
    const message = '从第 2 行起的一条记录超过 1,048,576 个字符：可能缺少右引号（"），或文件不是文本';
    const reader = await importError(readOrders({ file: path }));
    expect(reader.issues.at(-1)).toMatchObject({ code: 'import.csv_syntax', message, at: { line: 2 } });
    const loader = await loadOrdersCsv({ file: path }, newData()).catch((error: unknown) => error);
    expect(loader).toBeInstanceOf(ImportError);
    expect((loader as ImportError).issues).toEqual(reader.issues);
  });

  test('an empty file, an unknown time zone and the cap on listed errors are worded in Chinese', async () => {
    expect((await importError(readOrders({ file: file('empty.csv', '') }))).issues[0]?.message).toBe(
      '文件是空的：没有表头行',
    );
    const zone = await importError(readOrders({ file: fixture('orders.en.csv'), timeZone: 'Mars/Olympus' }));
    expect(zone.issues[0]?.message).toBe('无法识别时区「Mars/Olympus」（例如 Asia/Shanghai、+08:00）');
    const rows = Array.from({ length: 5 }, (_, i) => `店,o${i},b,2024-06-18 10:00:00,,-1,1,paid,0,,`);
    const capped = await validateFile({
      kind: 'orders',
      file: file('many.csv', `${orderHeader}${rows.join('\n')}\n`),
      maxIssues: 2,
    });
    expect(capped.issues.at(-1)?.message).toBe('另有 3 处错误未列出');
  });

  test('every message of the bad fixtures is Chinese', async () => {
    const summary = await validateFile({ kind: 'orders', file: fixture('orders.bad.csv'), mode: 'skip' });
    expect(summary.issues.length).toBeGreaterThan(0);
    for (const issue of summary.issues) expect(issue.message).toMatch(chinese);
  });
});
