import { useQuery } from '@tanstack/react-query';
import { maxPreviewBytes, previewImportUpload, type RecordKind } from '../../api/metrics.api.js';

// 上传: files go up as they are (no base64), and the 列映射 preview reads only the start of a text
// file, so picking a 2 GB export sends one MiB before the mapping step shows.

/** How much of a text file the preview sends. */
const previewHeadBytes = 1 << 20;

/** A workbook is a ZIP archive, unreadable from its start alone: the preview sends it whole. */
export const isWorkbook = (file: File) => file.name.toLowerCase().endsWith('.xlsx');

/** A workbook too large to send whole for a preview. */
export const previewTooLarge = (file: File) => isWorkbook(file) && file.size > maxPreviewBytes;

/** A size as people read it: 512 KB, 1.4 MB, 2 GB. */
export const formatBytes = (bytes: number): string => {
  const [unit, size] =
    bytes >= 2 ** 30 ? ['GB', 2 ** 30] : bytes >= 2 ** 20 ? ['MB', 2 ** 20] : ['KB', 2 ** 10];
  return `${Math.round((bytes / size) * 10) / 10} ${unit}`;
};

/**
 * What the preview reads of a file: a text file's first MiB cut after its last line break (so no
 * row arrives half; a line break byte is one in UTF-8 and GBK alike), a workbook or a small file whole.
 */
export const previewPart = async (file: File): Promise<{ part: Blob; partial: boolean }> => {
  if (isWorkbook(file) || file.size <= previewHeadBytes) return { part: file, partial: false };
  const head = new Uint8Array(await file.slice(0, previewHeadBytes).arrayBuffer());
  const lineEnd = head.lastIndexOf(0x0a);
  return { part: file.slice(0, lineEnd === -1 ? previewHeadBytes : lineEnd + 1), partial: true };
};

/** 列映射 preview of the picked file: its headers, first rows and the mapping to start from. */
export const usePreviewUpload = (file: File | null, kind: RecordKind, shopId: string | undefined) =>
  useQuery({
    queryKey: ['imports', 'preview-upload', file?.name, file?.size, file?.lastModified, kind, shopId],
    enabled: file !== null && !previewTooLarge(file),
    retry: false,
    queryFn: async () => {
      if (!file) throw new Error('no file');
      const { part, partial } = await previewPart(file);
      const { preview } = await previewImportUpload({
        kind,
        filename: file.name,
        part,
        ...(shopId ? { shopId } : {}),
      });
      return { preview, partial };
    },
  });
