import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSmallUpload, saveUpload, sizeLabel, sweepStaleUploads } from './imports.upload.js';

const mib = 2 ** 20;

/** `size` bytes made as they are read, in 1 MiB pieces of one reused buffer. */
const generated = (size: number) => {
  const piece = Buffer.alloc(mib, 'x');
  return Readable.from(
    (function* () {
      for (let at = 0; at < size; at += mib) yield piece.subarray(0, Math.min(mib, size - at));
    })(),
  );
};

describe('saveUpload', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kefu-save-upload-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  test('when 256 MiB stream in, memory grows by far less than the file, which reads back whole', async () => {
    const size = 256 * mib;
    const before = process.memoryUsage.rss();
    let peak = before;
    const watch = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    const upload = await saveUpload({
      body: generated(size),
      declaredBytes: undefined,
      maxBytes: size,
      directory,
    });
    clearInterval(watch);
    expect(upload.bytes).toBe(size);
    expect(peak - before).toBeLessThan(64 * mib);
    const [name] = await readdir(directory);
    expect((await stat(join(directory, name ?? ''))).size).toBe(size);
    let read = 0;
    for await (const chunk of upload.read()) read += chunk.byteLength;
    expect(read).toBe(size);
    await upload.remove();
    expect(await readdir(directory)).toEqual([]);
  });

  test('when the body passes the limit by one byte, it is refused and no file is left', async () => {
    await expect(
      saveUpload({ body: generated(mib + 1), declaredBytes: undefined, maxBytes: mib, directory }),
    ).rejects.toMatchObject({ code: 'metrics.file_too_large', message: expect.stringContaining('1 MB') });
    expect(await readdir(directory)).toEqual([]);
    const exact = await saveUpload({ body: generated(mib), declaredBytes: mib, maxBytes: mib, directory });
    expect(exact.bytes).toBe(mib);
    await exact.remove();
  });
});

describe('readSmallUpload', () => {
  test('when a preview sends more than its limit, it is refused; within it, the bytes come back', async () => {
    await expect(
      readSmallUpload({ body: generated(2 * mib), declaredBytes: undefined, maxBytes: mib }),
    ).rejects.toMatchObject({ code: 'metrics.file_too_large' });
    const bytes = await readSmallUpload({ body: generated(mib), declaredBytes: undefined, maxBytes: mib });
    expect(bytes.byteLength).toBe(mib);
  });
});

describe('sweepStaleUploads', () => {
  test('removes uploads older than a day that a stopped server left, and nothing else', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'kefu-sweep-'));
    const now = Date.now();
    const file = async (name: string, ageHours: number) => {
      const path = join(directory, name);
      await writeFile(path, 'x');
      const time = new Date(now - ageHours * 3_600_000);
      await utimes(path, time, time);
    };
    await file('kefu-upload-old', 25);
    await file('kefu-upload-waiting', 1);
    await file('someone-elses-file', 48);

    expect(await sweepStaleUploads(directory, now)).toBe(1);
    expect((await readdir(directory)).sort()).toEqual(['kefu-upload-waiting', 'someone-elses-file']);
    await rm(directory, { recursive: true });
  });
});

describe('sizeLabel', () => {
  test('limits read as people write them', () => {
    expect(sizeLabel(2_147_483_648)).toBe('2 GB');
    expect(sizeLabel(67_108_864)).toBe('64 MB');
    expect(sizeLabel(50 * mib)).toBe('50 MB');
    expect(sizeLabel(1.5 * mib)).toBe('1.5 MB');
    expect(sizeLabel(512 * 1024)).toBe('512 KB');
  });
});
