import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  computeMetrics,
  MetricsData,
  type MetricsSettings,
  resolveSettings,
  rollUp,
  type SettingsPresets,
} from '../../domain/metrics/index.js';
import presetsJson from '../../../data/settings/metrics.presets.json' with { type: 'json' };
import {
  ImportError,
  type ImportSummary,
  loadMessagesCsv,
  loadOrdersCsv,
  type ReadOptions,
  readMessages,
  readOrders,
} from './index.js';

// The byte-level loaders must be indistinguishable from the string readers: same records in the
// engine, same counts, same issues (line, field, code, message), in both modes.

const fixtures = resolve(import.meta.dirname, '../../../test/fixtures/import');
const scratch = mkdtempSync(join(tmpdir(), 'kefu-load-'));
const file = (name: string, text: string | Buffer) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

const presets = presetsJson as unknown as SettingsPresets;
const newData = () =>
  new MetricsData(
    (_shop, platform): MetricsSettings =>
      resolveSettings({ presets, platform: platform ?? 'taobao', on: '2026-03-01' }),
  );

/** Every column the engine holds, and what it computed from them per agent-day. */
const outcome = (data: MetricsData) => {
  const computation = computeMetrics({ data });
  const report = rollUp({
    computation,
    from: null,
    to: null,
    by: 'agent-day',
    now: Date.parse('2030-01-01'),
  });
  const messages = Array.from({ length: data.messageCount }, (_, row) => [
    data.agents.nameOf(data.messageAgent.get(row)),
    data.messageTime.get(row),
    data.messageCode.get(row),
  ]);
  const orders = Array.from({ length: data.orderCreated.length }, (_, row) =>
    [
      data.orderCreated,
      data.orderPaid,
      data.orderAmount,
      data.orderItems,
      data.orderRefund,
      data.orderCredit,
    ].map((column) => column.get(row)),
  );
  const buyers = Array.from({ length: data.buyers.size }, (_, buyer) => [
    data.buyers.nameOf(buyer),
    data.filtered.get(buyer),
  ]);
  return { rows: report.rows, messages, orders, buyers, orderIds: data.orderIds };
};

type Run = { summary: ImportSummary | null; error: ImportError | null; data: MetricsData };

const caught = async (run: () => Promise<ImportSummary | null>): Promise<Omit<Run, 'data'>> => {
  try {
    return { summary: await run(), error: null };
  } catch (error) {
    if (error instanceof ImportError) return { summary: null, error };
    throw error;
  }
};

const viaLoader = async (kind: 'messages' | 'orders', options: ReadOptions): Promise<Run> => {
  const data = newData();
  const load = kind === 'messages' ? loadMessagesCsv : loadOrdersCsv;
  return { ...(await caught(() => load(options, data))), data };
};

const viaReader = async (kind: 'messages' | 'orders', options: ReadOptions): Promise<Run> => {
  const data = newData();
  const result = await caught(async () => {
    const batches =
      kind === 'messages'
        ? readMessages({ ...options, validateFirst: false })
        : readOrders({ ...options, validateFirst: false });
    for (let next = await batches.next(); ; next = await batches.next()) {
      if (next.done) return next.value;
      for (const record of next.value)
        kind === 'messages' ? data.addMessage(record as never) : data.addOrder(record as never);
    }
  });
  return { ...result, data };
};

/**
 * Loads `path` both ways, in both modes, and expects the same everything. A loader may decline
 * a file (then `kefu metrics` uses the reader) only where `declines` allows, and adds nothing.
 */
const expectSame = async (
  kind: 'messages' | 'orders',
  path: string,
  { declines = false, ...extra }: Partial<ReadOptions> & { declines?: boolean } = {},
) => {
  for (const mode of ['skip', 'reject'] as const) {
    const options = { file: path, mode, ...extra };
    const fast = await viaLoader(kind, options);
    if (declines && fast.summary === null && fast.error === null) {
      expect(fast.data.messageCount + fast.data.orderCreated.length).toBe(0);
      continue;
    }
    const slow = await viaReader(kind, options);
    expect(fast.summary, `${path} ${mode}`).toEqual(slow.summary);
    expect(fast.error?.issues, `${path} ${mode}`).toEqual(slow.error?.issues);
    expect(fast.error?.errorCount).toEqual(slow.error?.errorCount);
    if (!slow.error) expect(outcome(fast.data)).toEqual(outcome(slow.data));
  }
};

const header = 'shop,platform,conversation,buyer,agent,sender,time,text,kind\n';
const row = (fields: Partial<Record<string, string>>) =>
  [
    fields.shop ?? '云杉家居旗舰店',
    fields.platform ?? 'tmall',
    fields.conversation ?? 'c1',
    fields.buyer ?? 'tb_lily',
    fields.agent ?? '云杉家居旗舰店:小美',
    fields.sender ?? 'buyer',
    fields.time ?? '2026-03-01 10:00:00',
    fields.text ?? '在吗',
    fields.kind ?? 'human',
  ].join(',');

describe('loadMessagesCsv', () => {
  test('when lines need the string reader (quotes, padding, Chinese role words, other time layouts), the engine gets the same data', async () => {
    const lines = [
      row({}),
      row({ sender: 'agent', time: '2026-03-01 10:00:20', text: '"您好，在的，有什么可以帮您"' }),
      row({ time: '2026-03-01 10:01:00', text: '"第一行\n第二行, 还有 ""引号"""' }),
      row({ sender: '客服', time: '2026-03-01T10:01:30+08:00', text: '好的 ', kind: '人工' }),
      row({ sender: 'agent', time: '2026/3/1 10:02', kind: '自动回复', platform: '天猫' }),
      row({ buyer: ' tb_lily', time: '2026-03-01 10:03:00' }),
      row({ sender: 'agent', time: '2026-03-01 10:03:09', kind: 'assist' }),
      '',
      row({ buyer: 'tb_bob', time: '2026-03-01 23:59:59', text: '加我薇信 abc123 领优惠' }),
      row({ buyer: 'tb_bob', sender: 'agent', time: '2026-03-02 00:00:30', kind: 'welcome' }),
      row({ buyer: 'tb_cat', conversation: '', time: '1772332800' }),
      row({ buyer: 'tb_cat', sender: 'agent', conversation: '', time: '2026-03-01 12:00:05', kind: '' }),
    ];
    await expectSame('messages', file('tricky.csv', `${header}${lines.join('\r\n')}\r\n`));
  });

  test('when rows are bad or repeated, the same rows are reported with the same line, field and message', async () => {
    const lines = [
      row({}),
      row({}),
      row({ text: '"在吗"' }),
      row({ buyer: '' }),
      row({ sender: 'robot' }),
      row({ time: '2026-02-30 10:00:00' }),
      row({ platform: 'amazon' }),
      row({ kind: 'maybe' }),
      `${row({})},extra`,
      row({ time: '2026-03-01 10:00:01' }),
      '云杉家居旗舰店,tmall,c1',
    ];
    await expectSame('messages', file('bad.csv', `${header}${lines.join('\n')}`));
  });

  test('when a file has a BOM, tabs, a missing column, a bad byte or an unclosed quote, both readers agree', async () => {
    const tsv = `${header}${row({})}\n`.replaceAll(',', '\t');
    await expectSame('messages', file('bom.csv', `\uFEFF${header}${row({})}\n`));
    await expectSame('messages', file('tabs.tsv', tsv));
    await expectSame('messages', file('blank-first.csv', `\n\n${header}${row({})}`));
    await expectSame(
      'messages',
      file(
        'auto.csv',
        'shop,platform,buyer,agent,sender,time,text,auto\n店,pdd,b,店:a,agent,2026-03-01 10:00:00,hi,1\n店,pdd,b,店:a,agent,2026-03-01 10:00:01,hi,是\n',
      ),
    );
    // Files that are not UTF-8 text (GBK, UTF-16, bad bytes in the first 64 KiB) go to the reader.
    const csvFixtures = readdirSync(fixtures).filter((name) => /^messages\..*\.csv$/.test(name));
    for (const name of csvFixtures)
      await expectSame('messages', join(fixtures, name), { declines: /gbk|utf16|bad-utf8/.test(name) });
    const rows = Buffer.from(`${row({})}\n`.repeat(3));
    const padding = Buffer.alloc(70_000, 0x0a);
    const badByte = Buffer.concat([Buffer.from(header), padding, rows, Buffer.from([0xff, 0x0a])]);
    await expectSame('messages', file('late-bad-byte.csv', badByte));
  });

  test('when a mapping names the shop and platform as constants, the engine gets the same data', async () => {
    const path = file(
      'mapped.csv',
      '会话,买家,客服,发送方,时间,内容\nc1,b1,小美,buyer,2026-03-01 10:00:00,在吗\nc1,b1,小美,agent,2026-03-01 10:00:09,在的\n',
    );
    const mapping = { constants: { shop: '云杉家居旗舰店', platform: 'pdd' } };
    await expectSame('messages', path, { mapping });
  });

  test('when the file is GBK, JSON Lines or an upload stream, the loader declines and the reader is used', async () => {
    const data = newData();
    expect(await loadMessagesCsv({ file: join(fixtures, 'messages.gbk.csv') }, data)).toBeNull();
    expect(await loadMessagesCsv({ file: join(fixtures, 'messages.jsonl') }, data)).toBeNull();
    expect(data.messageCount).toBe(0);
  });

  test('when an export has thousands of conversations, the engine computes the same KPIs either way', async () => {
    const lines: string[] = [];
    for (let buyer = 0; buyer < 3_000; buyer++) {
      const day = `2026-03-0${1 + (buyer % 3)}`;
      const minute = String(buyer % 60).padStart(2, '0');
      lines.push(
        row({
          buyer: `b${buyer}`,
          conversation: `c${buyer}`,
          time: `${day} 10:${minute}:00`,
          text: buyer % 97 === 0 ? '"刷单, 加微信"' : '有货吗',
        }),
      );
      lines.push(
        row({
          buyer: `b${buyer}`,
          conversation: `c${buyer}`,
          sender: 'agent',
          agent: `云杉家居旗舰店:客服${buyer % 7}`,
          time: `${day} 10:${minute}:${String(buyer % 50).padStart(2, '0')}`,
          text: '有的',
        }),
      );
    }
    await expectSame('messages', file('many.csv', `${header}${lines.join('\n')}\n`));
  });
});

describe('loadOrdersCsv', () => {
  const orders = 'shop,order,buyer,created,paid,amount,items,status,refund,shipped,postage,closed_by\n';
  test('when orders are plain, odd or bad, the engine gets the same orders and the same issues', async () => {
    const lines = [
      '云杉家居旗舰店,o1,tb_lily,2026-03-01 10:05:00,2026-03-01 10:06:00,199.90,1,paid,0,2026-03-02 09:00:00,0,',
      '云杉家居旗舰店,o2,tb_lily,2026-03-01 11:00:00,,59,2,created,,,,',
      '云杉家居旗舰店,o3,tb_bob,2026-03-01 12:00:00,2026-03-01 12:01:00,"1,299.00",1,paid,0,,,seller',
      '云杉家居旗舰店,o4,tb_bob,2026-03-01 12:00:00,2026-03-01 11:00:00,10,1,paid,0,,,',
      '云杉家居旗舰店,o5,tb_cat,2026-03-01 12:00:00,2026-03-01 12:30:00,¥88.5,1,paid,100,,,',
      '云杉家居旗舰店,o1,tb_lily,2026-03-01 10:05:00,2026-03-01 10:06:00,199.90,1,paid,0,,,',
      '云杉家居旗舰店,o6,tb_dan,2026-03-01 13:00:00,2026-03-01 13:00:30,-5,1,paid,0,,,',
      '云杉家居旗舰店,o7,tb_dan,2026-03-01 13:00:00,2026-03-01 13:00:30,5.5,x,paid,0,,,',
      '云杉家居旗舰店,o8,tb_eve,2026-03-01 13:00:00,2026-03-01 13:00:30,5.555,1,paid,0,,,卖家',
      '云杉家居旗舰店,"o9",tb_eve,2026-03-01 14:00:00,2026-03-01 14:00:30,5.50,1,paid,0,,8,buyer',
      '云杉家居旗舰店,o9,tb_eve,2026-03-01 14:00:00,2026-03-01 14:00:30,5.50,1,paid,0,,8,buyer',
      '云杉家居旗舰店,o10,tb_eve,2026-03-01 15:00:00,2026-03-01 15:00:30,88.5,3,paid,8.05,,,',
    ];
    await expectSame('orders', file('orders.csv', `${orders}${lines.join('\n')}\n`));
    for (const name of readdirSync(fixtures).filter(
      (name) => name.startsWith('orders.') && name.endsWith('.csv'),
    ))
      await expectSame('orders', join(fixtures, name));
  });
});
