import { describe, expect, test } from 'vitest';
import { decodeStream } from './encoding.decode.js';
import { detectEncoding, EncodingError } from './encoding.detect.js';

// "买家,客服\n你好,在的\n" in GBK, written out so the test does not depend on an encoder.
const gbkText = '买家,客服\n你好,在的\n';
const gbkBytes = Uint8Array.from([
  0xc2, 0xf2, 0xbc, 0xd2, 0x2c, 0xbf, 0xcd, 0xb7, 0xfe, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x2c, 0xd4, 0xda, 0xb5,
  0xc4, 0x0a,
]);

const textOf = async (chunks: Uint8Array[]) => {
  async function* source() {
    yield* chunks;
  }
  const decoded = await decodeStream(source());
  let text = '';
  for await (const chunk of decoded.chunks) text += chunk;
  return { encoding: decoded.encoding, text };
};

const errorOf = async (chunks: Uint8Array[]): Promise<EncodingError> => {
  try {
    await textOf(chunks);
  } catch (error) {
    if (error instanceof EncodingError) return error;
    throw error;
  }
  throw new Error('expected an EncodingError');
};

describe('detectEncoding', () => {
  test('when the bytes are GBK, it answers gb18030', () => {
    expect(detectEncoding(gbkBytes)).toBe('gb18030');
  });

  test('when the bytes start with a UTF-8 BOM, it says so', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8-bom');
  });

  test('when UTF-8 text is cut inside a character at the end of the sample, it is still UTF-8', () => {
    const bytes = new TextEncoder().encode('买家,客服');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });

  test('when the file is UTF-16, a ZIP or binary, the error says what it is', () => {
    expect(() => detectEncoding(Uint8Array.from([0xff, 0xfe, 0x70, 0x4e]))).toThrowError(/UTF-16/);
    expect(() => detectEncoding(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]))).toThrowError(/xlsx/);
    expect(() => detectEncoding(Uint8Array.from([0x61, 0, 0x62]))).toThrowError(/binary/);
  });
});

describe('decodeStream', () => {
  test('when a GBK file arrives with characters split across chunks, the text is whole', async () => {
    const chunks = Array.from(gbkBytes, (byte) => Uint8Array.of(byte));
    expect(await textOf(chunks)).toEqual({ encoding: 'gb18030', text: gbkText });
  });

  test('when a UTF-8 file has a BOM, the text does not', async () => {
    const bytes = new TextEncoder().encode('\uFEFF店铺\n');
    expect(await textOf([bytes])).toEqual({ encoding: 'utf-8-bom', text: '店铺\n' });
  });

  test('when bytes past the detection sample are invalid, the error names their line', async () => {
    const good = new TextEncoder().encode(`${'你好,世界\n'.repeat(10_000)}`);
    const error = await errorOf([good, new TextEncoder().encode('ok\nbad '), Uint8Array.of(0xff, 0x0a)]);
    expect(error.code).toBe('encoding.invalid');
    expect(error.line).toBe(10_002);
  });

  test('when the start of the file is neither UTF-8 nor GBK, the error names the line', async () => {
    const error = await errorOf([new TextEncoder().encode('a\nb\n'), Uint8Array.of(0x80, 0xff)]);
    expect(error.code).toBe('encoding.unknown');
    expect(error.line).toBe(3);
  });
});
