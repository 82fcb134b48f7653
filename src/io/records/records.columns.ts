import type { Issue } from '../../domain/shared/index.js';
import {
  type ColumnMapping,
  columnSynonyms,
  normalizeHeader,
  type RecordKind,
  suggestMapping,
} from './records.fields.js';
import { fileIssue } from './records.issues.js';
import type { ResolvedColumns } from './records.row.js';

const findHeader = (headers: readonly string[], wanted: string): number => {
  const exact = headers.indexOf(wanted);
  if (exact !== -1) return exact;
  const normalized = normalizeHeader(wanted);
  return headers.findIndex((header) => normalizeHeader(header) === normalized);
};

/**
 * The field a header stands for by its synonyms (a kind never shares a synonym between two
 * fields, and each field's own name is one of its synonyms), or undefined.
 */
export const fieldNamedBy = (kind: RecordKind, header: string): string | undefined => {
  const normalized = normalizeHeader(header);
  return columnSynonyms[kind].find((spec) => spec.synonyms.includes(normalized))?.field;
};

/**
 * Decides which column feeds each field: the mapping's choice first, then a constant, then the
 * synonyms. A field the mapping gives the header "" has no column (列映射 （不导入）): it is not
 * guessed by synonyms, though a constant still applies. Reports a missing required column (or a
 * mapped header absent from the file) as an issue on the header line.
 */
export const resolveColumns = ({
  kind,
  headers,
  mapping = {},
  file,
  headerLine,
}: {
  kind: RecordKind;
  headers: readonly string[];
  mapping?: ColumnMapping;
  file: string;
  headerLine: number;
}): { columns: ResolvedColumns; issues: Issue[] } => {
  // A header the mapping gives to one field is not also guessed for another by its synonyms.
  const chosenHeaders = new Set(Object.values(mapping.columns ?? {}));
  const suggested = suggestMapping(
    kind,
    headers.filter((header) => !chosenHeaders.has(header)),
  );
  const columns: ResolvedColumns = { index: {}, constants: {} };
  const issues: Issue[] = [];
  const missing = (field: string, message: string) =>
    issues.push(fileIssue(file, 'import.missing_column', message, headerLine, field));
  for (const spec of columnSynonyms[kind]) {
    const chosen = mapping.columns?.[spec.field];
    const constant = mapping.constants?.[spec.field];
    if (chosen !== undefined && chosen !== '') {
      const index = findHeader(headers, chosen);
      if (index !== -1) columns.index[spec.field] = index;
      else missing(spec.field, `列映射为字段 ${spec.field} 选了列「${chosen}」，但文件中没有这一列`);
      continue;
    }
    if (constant !== undefined) {
      columns.constants[spec.field] = constant;
      continue;
    }
    const header = chosen === '' ? undefined : suggested[spec.field];
    if (header !== undefined) columns.index[spec.field] = headers.indexOf(header);
    else if (spec.required && chosen === '')
      missing(
        spec.field,
        `必填字段 ${spec.field} 没有对应的列：列映射把它设为（不导入）；请在列映射中为它选一列`,
      );
    else if (spec.required) {
      const examples = spec.synonyms.slice(0, 4).join('、');
      missing(
        spec.field,
        `必填字段 ${spec.field} 没有对应的列（表头如 ${examples}）；请在列映射中为它选一列`,
      );
    }
  }
  return { columns, issues };
};
