import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { AppError } from '../../app/accounts/index.js';

// 上传: the raw body of an upload goes to a temporary file as it arrives, so a 2 GB chat export
// takes no more memory than a small one; the import then reads the file and removes it at its end.

/** A size as people read it: 2 GB, 64 MB, 512 KB. */
export const sizeLabel = (bytes: number): string => {
  const [unit, size] =
    bytes >= 2 ** 30 ? ['GB', 2 ** 30] : bytes >= 2 ** 20 ? ['MB', 2 ** 20] : ['KB', 2 ** 10];
  return `${Math.round((bytes / size) * 10) / 10} ${unit}`;
};

/** What a refused upload past `maxBytes` says, on every import route. */
export const tooLargeMessage = (maxBytes: number) =>
  `文件超过 ${sizeLabel(maxBytes)}：请按日期或店铺拆分后分批导入`;

export const uploadErrors = {
  tooLarge: (maxBytes: number) => {
    const message = tooLargeMessage(maxBytes);
    return new AppError('metrics.file_too_large', message, [{ path: 'body', message }]);
  },
  notRaw: () =>
    new AppError('validation.failed', '请以 application/octet-stream 上传文件内容', [
      { path: 'headers.content-type', message: '应为 application/octet-stream' },
    ]),
  noSpace: () =>
    new AppError('metrics.upload_no_space', '服务器临时空间不足，无法接收这个文件，请联系管理员'),
};

const uploadPrefix = 'kefu-upload-';
/** No upload waits this long for its import: a file older than this was left by a process that died. */
const staleAfterMs = 24 * 3_600_000;

/**
 * Removes the uploads of `directory` older than a day: those of a server that stopped while they
 * waited (a running server removes its own at each import's end). Returns how many went.
 */
export const sweepStaleUploads = async (directory: string, now: number): Promise<number> => {
  let removed = 0;
  for (const name of await readdir(directory).catch(() => [] as string[])) {
    if (!name.startsWith(uploadPrefix)) continue;
    const path = join(directory, name);
    const modified = await stat(path).then(
      (found) => found.mtimeMs,
      () => now,
    );
    if (now - modified < staleAfterMs) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
};

/** An upload stored in a temporary file: its size, a fresh read of it, and its removal. */
export type SavedUpload = {
  bytes: number;
  /** The file's bytes; it is opened only when read, so an import refused before reading opens nothing. */
  read: () => AsyncIterable<Uint8Array>;
  remove: () => Promise<void>;
};

/** Counts the bytes passing and fails once they pass `maxBytes`. */
const limiter = (maxBytes: number) => {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(uploadErrors.tooLarge(maxBytes));
      else done(null, chunk);
    },
  });
  return { stream, bytes: () => bytes };
};

/**
 * Streams an upload's body into a new file of `directory`. A body that declares (Content-Length)
 * or reaches more than `maxBytes` is refused: the rest is not read (the body is unpiped and paused,
 * not destroyed, so the 413 can still be sent), and the partial file is removed.
 */
export const saveUpload = async ({
  body,
  declaredBytes,
  maxBytes,
  directory,
}: {
  body: Readable;
  declaredBytes: number | undefined;
  maxBytes: number;
  directory: string;
}): Promise<SavedUpload> => {
  if (declaredBytes !== undefined && declaredBytes > maxBytes) throw uploadErrors.tooLarge(maxBytes);
  const path = join(directory, `${uploadPrefix}${randomUUID()}`);
  const remove = () => rm(path, { force: true });
  const limit = limiter(maxBytes);
  body.pipe(limit.stream);
  // A client that goes away mid-upload ends the file with an error, not as a short file.
  finished(body).catch((error: unknown) => limit.stream.destroy(error as Error));
  try {
    await pipeline(limit.stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    body.unpipe(limit.stream);
    body.pause();
    await remove();
    if ((error as { code?: unknown }).code === 'ENOSPC') throw uploadErrors.noSpace();
    throw error;
  }
  return {
    bytes: limit.bytes(),
    // 256 KiB reads, as the readers make them of a file path.
    read: () => lazyRead(path),
    remove,
  };
};

async function* lazyRead(path: string): AsyncGenerator<Uint8Array> {
  yield* createReadStream(path, { highWaterMark: 1 << 18 });
}

/** Reads a body into memory up to `maxBytes` (a preview's start of a file), refusing more unread. */
export const readSmallUpload = async ({
  body,
  declaredBytes,
  maxBytes,
}: {
  body: Readable;
  declaredBytes: number | undefined;
  maxBytes: number;
}): Promise<Uint8Array> => {
  if (declaredBytes !== undefined && declaredBytes > maxBytes) throw uploadErrors.tooLarge(maxBytes);
  const limit = limiter(maxBytes);
  const chunks: Buffer[] = [];
  limit.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  body.pipe(limit.stream);
  finished(body).catch((error: unknown) => limit.stream.destroy(error as Error));
  try {
    await finished(limit.stream);
  } catch (error) {
    body.unpipe(limit.stream);
    body.pause();
    throw error;
  }
  return new Uint8Array(Buffer.concat(chunks));
};
