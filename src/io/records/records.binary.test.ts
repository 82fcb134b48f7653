import { mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MetricsData, type MetricsSettings, resolveSettings } from '../../domain/metrics/index.js';
import presetsJson from '../../../data/settings/metrics.presets.json' with { type: 'json' };
import type { SettingsPresets } from '../../domain/metrics/index.js';
import { EncodingError } from '../encoding/index.js';
import {
  ImportError,
  loadMessagesCsv,
  loadOrdersCsv,
  readMessages,
  readOrders,
  validateFile,
} from './index.js';
import { refuseBinary } from './records.binary.js';

// A file that stops being text part way — a 2 GB export whose copy was cut short and left zeros,
// a damaged disk — must fail at once, naming the first line that is not text, without reading
// (or holding) the rest. The 2 GiB files here are sparse: they take no disk space.

const scratch = mkdtempSync(join(tmpdir(), 'kefu-binary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const gib = 2 ** 30;

async function* chunksOf(...chunks: (string | Buffer)[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

const drain = async (source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> => {
  const seen: Uint8Array[] = [];
  for await (const chunk of source) seen.push(chunk);
  return seen;
};

const caught = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('refuseBinary', () => {
  test('text passes unchanged; the first NUL stops it with the line it is on', async () => {
    const passed: Uint8Array[] = [];
    const error = await caught(async () => {
      for await (const chunk of refuseBinary(chunksOf('a,b\n1,2\n', '3,4\n5,', Buffer.from([0x36, 0, 0]))))
        passed.push(chunk);
    });
    expect(error).toBeInstanceOf(EncodingError);
    expect(error).toMatchObject({ code: 'encoding.binary', line: 4 });
    expect(Buffer.concat(passed).toString()).toBe('a,b\n1,2\n3,4\n5,');
  });

  test('it stops pulling at the NUL: 2 GiB of zeros after the header are never read', async () => {
    let pulled = 0;
    async function* endlessZeros(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('shop,order\n店,o1\n');
      const zeros = Buffer.alloc(1 << 20);
      for (let read = 0; read < 2 * gib; read += zeros.length) {
        pulled++;
        yield zeros;
      }
    }
    const error = await caught(() => drain(refuseBinary(endlessZeros())));
    expect(error).toMatchObject({ code: 'encoding.binary', line: 3 });
    expect(pulled).toBe(1);
  });

  test('UTF-16 text and ZIP archives hold NULs by design and pass, for detection to name them', async () => {
    const utf16 = Buffer.from('\uFEFFshop\n', 'utf16le');
    expect(Buffer.concat(await drain(refuseBinary(chunksOf(utf16, Buffer.from([0x61, 0])))))).toEqual(
      Buffer.concat([utf16, Buffer.from([0x61, 0])]),
    );
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(await drain(refuseBinary(chunksOf(zip)))).toEqual([zip]);
  });
});

const orderHeader = 'shop,order,buyer,created,paid,amount,items,status,refund\n';
const orderRow = (i: number) => `店,o${i},b${i},2024-06-18 10:00:00,2024-06-18 10:01:00,19.90,1,paid,0\n`;
const messageHeader = 'shop,platform,buyer,agent,sender,time,text\n';
const messageRow = (i: number) =>
  `店,tmall,b${i},店:a,buyer,2024-06-18 10:00:${String(i % 60).padStart(2, '0')},在吗${i}\n`;

/** A 2 GiB file: `header`, `rows` rows of text, then NUL bytes to the end (sparse on disk). */
const sparseFile = (name: string, header: string, row: (i: number) => string, rows: number) => {
  const path = join(scratch, name);
  writeFileSync(path, header + Array.from({ length: rows }, (_, i) => row(i)).join(''));
  truncateSync(path, 2 * gib);
  expect(statSync(path).size).toBe(2 * gib);
  return path;
};

const presets = presetsJson as unknown as SettingsPresets;
const newData = () =>
  new MetricsData(
    (_shop, platform): MetricsSettings =>
      resolveSettings({ presets, platform: platform ?? 'taobao', on: '2026-03-01' }),
  );

/** Runs `read` on a file and expects the binary error at `line`, quickly and in bounded memory. */
const expectBinaryAt = async (path: string, line: number, read: () => Promise<unknown>) => {
  const started = Date.now();
  const before = process.memoryUsage.rss();
  const error = await caught(read);
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).issues.at(-1)).toEqual({
    code: 'import.encoding.binary',
    severity: 'error',
    message: `第 ${line} 行含有 NUL 字节：文件从这里起不是文本（文件已损坏，或不是导出的表格），已停止读取`,
    at: { file: path, line },
  });
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(process.memoryUsage.rss() - before).toBeLessThan(256 << 20);
};

describe('a 2 GB file that turns into NUL bytes', () => {
  test('read by the string reader, in both modes, it fails at the first line of zeros', async () => {
    const path = sparseFile('orders.small.csv', orderHeader, orderRow, 3);
    for (const mode of ['reject', 'skip'] as const)
      await expectBinaryAt(path, 5, async () => {
        for await (const _ of readOrders({ file: path, mode }));
      });
    await expectBinaryAt(path, 5, () => validateFile({ kind: 'orders', file: path }));
    const chats = sparseFile('messages.small.csv', messageHeader, messageRow, 2);
    await expectBinaryAt(chats, 4, async () => {
      for await (const _ of readMessages({ file: chats, validateFirst: false }));
    });
  });

  test('an upload stream that turns into zeros fails the same way', async () => {
    async function* upload(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(orderHeader + orderRow(1));
      for (let sent = 0; sent < 2 * gib; sent += 1 << 20) yield Buffer.alloc(1 << 20);
    }
    await expectBinaryAt('upload.csv', 3, async () => {
      for await (const _ of readOrders({ file: 'upload.csv', source: upload(), mode: 'skip' }));
    });
  });

  test('past the first 64 KiB, the byte-level loaders stop at the same line', async () => {
    const rows = 5_000;
    const orders = sparseFile('orders.big.csv', orderHeader, orderRow, rows);
    await expectBinaryAt(orders, rows + 2, () => loadOrdersCsv({ file: orders, mode: 'skip' }, newData()));
    await expectBinaryAt(orders, rows + 2, async () => {
      for await (const _ of readOrders({ file: orders }));
    });
    const chats = sparseFile('messages.big.csv', messageHeader, messageRow, rows);
    await expectBinaryAt(chats, rows + 2, () => loadMessagesCsv({ file: chats, mode: 'skip' }, newData()));
    await expectBinaryAt(chats, rows + 2, async () => {
      for await (const _ of readMessages({ file: chats, validateFirst: false }));
    });
  });
});

describe('a file named .xlsx that is not a workbook', () => {
  const expectFormat = async (path: string, message: string, source?: AsyncIterable<Uint8Array>) => {
    const started = Date.now();
    const error = await caught(async () => {
      for await (const _ of readOrders({ file: path, ...(source ? { source } : {}) }));
    });
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues).toEqual([
      { code: 'import.format', severity: 'error', message, at: { file: path } },
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  };
  const notZip =
    '文件不是 .xlsx 工作簿（不是 ZIP 格式）：请在 Excel 中另存为 .xlsx，或按实际格式改用 .csv 扩展名';

  test('2 GiB of zeros, or a CSV renamed .xlsx, is refused before exceljs reads it', async () => {
    // exceljs, handed either by its path, read on until the heap was exhausted and the process died.
    const zeros = sparseFile('zeros.xlsx', '', () => '', 0);
    await expectFormat(zeros, notZip);
    const renamed = join(scratch, 'renamed.xlsx');
    writeFileSync(renamed, orderHeader + orderRow(1));
    await expectFormat(renamed, notZip);
    await expectFormat('upload.xlsx', notZip, chunksOf(orderHeader, orderRow(1)));
  });

  test('a ZIP signature followed by zeros is a damaged workbook, said in Chinese', async () => {
    const path = join(scratch, 'damaged.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(1 << 20)]));
    await expectFormat(
      path,
      '.xlsx 工作簿已损坏，无法读取（invalid signature: 0x0）：请在 Excel 中打开后重新保存',
    );
  });
});
