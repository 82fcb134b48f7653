import type { Issue } from '../../domain/shared/index.js';
import { type ColumnMapping, type RecordKind, suggestMapping } from './records.fields.js';
import { ImportError, IssueCollector } from './records.issues.js';
import { openOrFail, zoneOf } from './records.read.js';
import { readers } from './records.readers.js';
import { RowReader } from './records.row.js';
import { resolveColumns } from './records.columns.js';
import type { ByteSource } from './records.source.js';

export type FilePreview = {
  format: string;
  encoding: string;
  headers: string[];
  /** field → header, from the synonyms; the user confirms or corrects it. */
  suggestedMapping: Record<string, string>;
  /** The first rows as text, in header order. */
  sampleRows: string[][];
  /** Missing columns and problems found in the sample rows, with file, line and field. */
  issues: Issue[];
};

const sampleSize = 20;

/**
 * Looks at the start of a file before importing: encoding, headers, a suggested column mapping,
 * a few rows and what is wrong with them. Never throws for a bad file: problems become issues.
 */
export const previewFile = async ({
  file,
  source,
  kind,
  mapping,
  timeZone = 'Asia/Shanghai',
}: {
  /** The file to read; with `source`, only its name (the extension picks the format). */
  file: string;
  /** Uploaded bytes instead of reading `file`. */
  source?: ByteSource;
  kind: RecordKind;
  mapping?: ColumnMapping;
  timeZone?: string;
}): Promise<FilePreview> => {
  const empty = { format: '', encoding: '', headers: [], suggestedMapping: {}, sampleRows: [] };
  try {
    const table = await openOrFail(file, source);
    const resolved = resolveColumns({
      kind,
      headers: table.headers,
      mapping,
      file,
      headerLine: table.headerLine,
    });
    const collector = new IssueCollector(file, sampleSize * 4);
    const row = new RowReader(resolved.columns, collector, zoneOf(file, timeZone));
    const sampleRows: string[][] = [];
    for await (const batch of table.rows) {
      for (const tableRow of batch) {
        if (sampleRows.length >= sampleSize) break;
        sampleRows.push(tableRow.fields);
        if (tableRow.error) collector.error(tableRow.line, undefined, 'import.bad_row', tableRow.error);
        else if (resolved.issues.length === 0) {
          row.start(tableRow.line, tableRow.fields);
          readers[kind].build(row);
        }
      }
      if (sampleRows.length >= sampleSize) break;
    }
    return {
      format: table.format,
      encoding: table.encoding,
      headers: table.headers,
      suggestedMapping: suggestMapping(kind, table.headers),
      sampleRows,
      issues: [...resolved.issues, ...collector.listed()],
    };
  } catch (error) {
    if (error instanceof ImportError) return { ...empty, issues: error.issues };
    throw error;
  }
};
