import { EncodingError } from '../encoding/index.js';
import { firstNul, lineBreaks } from './records.bytes.js';
import { rowProblems } from './records.messages.js';

const utf16Boms = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/**
 * Passes a text file's bytes on, and stops at the first line holding a NUL byte with an
 * `EncodingError` (`encoding.binary`) naming that line. A file that turns into zeros part way
 * (a 2 GB export cut short by a full disk, a sparse file) then fails at once with its line,
 * instead of the parser buffering a "line" of a million NULs first. UTF-16 text and ZIP files
 * hold NULs by design: they pass untouched, for encoding detection to say what they are.
 */
export async function* refuseBinary(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  // One iterator throughout: leaving a `for await` early would destroy a stream source.
  const chunks = source[Symbol.asyncIterator]();
  let line = 1;
  for (let next = await chunks.next(), first = true; !next.done; next = await chunks.next(), first = false) {
    const chunk = next.value;
    if (first && (utf16Boms.some((bom) => startsWith(chunk, bom)) || startsWith(chunk, zipSignature))) {
      yield chunk;
      for (next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      return;
    }
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const nul = firstNul(bytes, 0, bytes.length);
    if (nul !== -1) {
      await chunks.return?.();
      const at = line + lineBreaks(bytes, 0, nul);
      throw new EncodingError('encoding.binary', rowProblems.binary(at), at);
    }
    line += lineBreaks(bytes, 0, bytes.length);
    yield chunk;
  }
}
