import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { readMessages } from './index.js';

// Forcing a collection before each heap sample makes the growth measure retained memory only.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const header = '店铺,平台,会话ID,买家,客服,发送方,时间,内容,类型\n';

/**
 * The bytes of a chat export of unbounded size (a 2 GB file needs ~15 M such rows), generated on
 * the fly and capped at `rows` so the test stays quick. Chunks do not align with rows.
 */
async function* endlessExport(rows: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(header);
  let pending = '';
  for (let row = 0; row < rows; row++) {
    const second = String(row % 60).padStart(2, '0');
    const sender = row % 2 === 0 ? '买家' : '客服';
    pending += `旗舰店,天猫,c${row >> 3},tb_${row >> 3},旗舰店:小美,${sender},2024-06-18 10:${String((row >> 6) % 60).padStart(2, '0')}:${second},"第${row}条 消息，带逗号",人工\n`;
    if (pending.length > 50_000) {
      yield encoder.encode(pending.slice(0, 33_333));
      pending = pending.slice(33_333);
    }
  }
  yield encoder.encode(pending);
}

describe('reading a very large export', () => {
  test('when rows keep coming, retained memory stays flat: only a batch and one record are held', async () => {
    const rows = 200_000;
    const samples: number[] = [];
    let read = 0;
    const batches = readMessages({ file: 'huge.csv', source: endlessExport(rows), mode: 'skip' });
    for await (const batch of batches) {
      read += batch.length;
      if (read % 25_000 === 0) {
        collect();
        samples.push(process.memoryUsage().heapUsed);
      }
    }
    expect(read).toBe(rows);
    const growth = Math.max(...samples.slice(1)) - (samples[0] ?? 0);
    // 200 k records would need some 60 MB if they were kept; a streaming reader holds a few.
    expect(growth).toBeLessThan(16 * 1024 * 1024);
  });
});
