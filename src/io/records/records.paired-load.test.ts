import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import presetsJson from '../../../data/settings/metrics.presets.json' with { type: 'json' };
import { writeDemoData } from '../../app/demo-data/index.js';
import {
  computeMetrics,
  MetricsData,
  type OrderFacts,
  resolveSettings,
  rollUp,
  type SettingsPresets,
} from '../../domain/metrics/index.js';
import { ImportError, loadChatsWithOrdersCsv, loadMessagesCsv, loadOrdersCsv } from './index.js';

// Chats and orders read as a pair (the orders advancing between chat chunks) must give the engine
// what reading them one after the other gives, fail as that would, and really interleave.

const scratch = mkdtempSync(join(tmpdir(), 'kefu-paired-'));
const presets = presetsJson as unknown as SettingsPresets;
const settingsFor = (_shop: string, platform: string | null) =>
  resolveSettings({ presets, platform: (platform ?? 'taobao') as 'taobao', on: '2026-03-01' });

/** Notes how many messages the engine held when the first order came in. */
class WatchedData extends MetricsData {
  messagesAtFirstOrder: number | null = null;

  override appendOrder(buyer: number, facts: OrderFacts, credit: number, order: string | (() => string)) {
    this.messagesAtFirstOrder ??= this.messageCount;
    super.appendOrder(buyer, facts, credit, order);
  }
}

const report = (data: MetricsData) =>
  rollUp({
    computation: computeMetrics({ data }),
    from: null,
    to: null,
    by: 'agent-day',
    now: Date.parse('2030-01-01'),
  }).rows;

let files: { messages: string; orders: string };

beforeAll(async () => {
  // About 150,000 chat lines: several of the worker's chunks, so the orders have chunks to follow.
  const demo = await writeDemoData({
    out: scratch,
    shops: 3,
    agents: 4,
    days: 12,
    buyersPerDay: 500,
    seed: 7,
  });
  files = demo.files;
}, 60_000);

describe('loadChatsWithOrdersCsv', () => {
  test('gives the engine the same agent-days as loading the chats, then the orders', async () => {
    const paired = new WatchedData(settingsFor);
    const summaries = await loadChatsWithOrdersCsv({ file: files.messages }, { file: files.orders }, paired);
    const sequential = new MetricsData(settingsFor);
    const chats = await loadMessagesCsv({ file: files.messages }, sequential);
    const orders = await loadOrdersCsv({ file: files.orders }, sequential);

    expect(summaries).toEqual({ messages: chats, orders });
    expect(chats?.records).toBeGreaterThan(100_000);
    expect(report(paired)).toEqual(report(sequential));
  });

  test('reads the orders while the chats are still coming in', async () => {
    const data = new WatchedData(settingsFor);
    await loadChatsWithOrdersCsv({ file: files.messages }, { file: files.orders }, data);
    expect(data.messagesAtFirstOrder).not.toBeNull();
    expect(data.messagesAtFirstOrder).toBeLessThan(data.messageCount / 2);
  });

  test('reports a bad chat file before a bad order header, as reading the chats first would', async () => {
    const chats = join(scratch, 'bad-chats.csv');
    copyFileSync(files.messages, chats);
    appendFileSync(chats, '云杉家居旗舰店,tmall,c1,b1,a1,buyer,not a time,在吗,human\n');
    const orders = join(scratch, 'no-amount.csv');
    writeFileSync(orders, 'shop,order,buyer,created,paid,items,status,refund\n');

    const error = await loadChatsWithOrdersCsv(
      { file: chats },
      { file: orders },
      new MetricsData(settingsFor),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).file).toBe(chats);
  });

  test('reports a bad order line after reading all the chats, naming the order file and line', async () => {
    const orders = join(scratch, 'bad-orders.csv');
    const lines = readFileSync(files.orders, 'utf8').split('\n');
    // Line 21 gets a negative paid amount (实付金额, the seventh column).
    lines[20] = (lines[20] ?? '')
      .split(',')
      .map((field, index) => (index === 6 ? '-5' : field))
      .join(',');
    writeFileSync(orders, lines.join('\n'));
    const data = new WatchedData(settingsFor);
    const sequential = new MetricsData(settingsFor);
    const chats = await loadMessagesCsv({ file: files.messages }, sequential);

    const error = await loadChatsWithOrdersCsv({ file: files.messages }, { file: orders }, data).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).file).toBe(orders);
    expect((error as ImportError).issues[0]?.at?.line).toBe(21);
    expect(data.messageCount).toBe(chats?.records);
  });
});
