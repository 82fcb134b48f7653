import type { Issue } from '../../domain/shared/index.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

const decodes = (bytes: Uint8Array, label: string): string | null => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/**
 * Decodes a pasted-paper text file: UTF-8 with or without a BOM, else GB18030 (which covers GBK,
 * what Chinese Windows Notepad and Word "纯文本" save). Bytes valid in neither are decoded leniently
 * and reported, so the reviewer sees the damaged lines instead of losing the file.
 */
export const decodePaperText = (
  bytes: Uint8Array,
): { text: string; encoding: TextEncodingName; issues: Issue[] } => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', issues: [] };
  }
  const utf8 = decodes(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', issues: [] };
  const gbk = decodes(bytes, 'gb18030');
  if (gbk !== null) return { text: gbk, encoding: 'gb18030', issues: [] };
  const text = new TextDecoder('utf-8').decode(bytes);
  const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
  return {
    text,
    encoding: 'utf-8',
    issues: [
      {
        code: 'papers.invalid_encoding',
        message: '文件既不是 UTF-8 也不是 GBK/GB18030 文本,无法识别的字节显示为 �',
        severity: 'warning',
        at: { line },
      },
    ],
  };
};
