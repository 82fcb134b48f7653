/**
 * Text encodings of the files shops export. Chinese Excel on Windows saves CSV as GBK (a subset of
 * GB18030); newer tools write UTF-8, often with a BOM so that Excel recognises it.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Why a file is not readable as text, with a hint the user can act on. */
export class EncodingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'EncodingError';
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

const decodes = (encoding: string, bytes: Uint8Array): boolean => {
  try {
    // `stream: true` tolerates a character cut in two at the end of the sample.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/**
 * Decides the encoding from the first bytes of a file (64 KiB is plenty). Throws an
 * `EncodingError` for files that are not text in a supported encoding.
 */
export const detectEncoding = (sample: Uint8Array): TextEncodingName => {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    throw new EncodingError(
      'encoding.utf16',
      'the file is UTF-16 (Excel "Unicode text"); save it as "CSV UTF-8" or as .xlsx',
    );
  }
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) {
    throw new EncodingError(
      'encoding.zip',
      'the file is a ZIP archive (an .xlsx workbook?); give it the .xlsx extension',
    );
  }
  if (sample.includes(0)) {
    throw new EncodingError('encoding.binary', 'the file is binary, not text (NUL bytes found)');
  }
  if (decodes('utf-8', sample)) return 'utf-8';
  if (decodes('gb18030', sample)) return 'gb18030';
  const line = firstBadLine(sample);
  throw new EncodingError(
    'encoding.unknown',
    `invalid byte sequence on line ${line}: the file is neither UTF-8 nor GBK/GB18030 text`,
    line,
  );
};

/** The line of the first byte that is not UTF-8, counting from 1. */
const firstBadLine = (sample: Uint8Array): number => {
  const text = new TextDecoder('utf-8').decode(sample);
  const bad = text.indexOf('\uFFFD');
  return 1 + (text.slice(0, bad === -1 ? text.length : bad).match(/\n/g)?.length ?? 0);
};

/** The `TextDecoder` label of an encoding. */
export const decoderLabel = (encoding: TextEncodingName): string =>
  encoding === 'gb18030' ? 'gb18030' : 'utf-8';
