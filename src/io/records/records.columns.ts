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
 * Decides which column feeds each field: the mapping's choice first, then a constant, then the
 * synonyms. Reports a missing required column (or a mapped header absent from the file) as an
 * issue on the header line.
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
  for (const spec of columnSynonyms[kind]) {
    const chosen = mapping.columns?.[spec.field];
    const constant = mapping.constants?.[spec.field];
    if (chosen !== undefined) {
      const index = findHeader(headers, chosen);
      if (index !== -1) columns.index[spec.field] = index;
      else {
        issues.push(
          fileIssue(
            file,
            'import.missing_column',
            `列映射为字段 ${spec.field} 选了列「${chosen}」，但文件中没有这一列`,
            headerLine,
            spec.field,
          ),
        );
      }
      continue;
    }
    if (constant !== undefined) {
      columns.constants[spec.field] = constant;
      continue;
    }
    const header = suggested[spec.field];
    if (header !== undefined) columns.index[spec.field] = headers.indexOf(header);
    else if (spec.required) {
      const examples = spec.synonyms.slice(0, 4).join('、');
      issues.push(
        fileIssue(
          file,
          'import.missing_column',
          `必填字段 ${spec.field} 没有对应的列（表头如 ${examples}）；请在列映射中为它选一列`,
          headerLine,
          spec.field,
        ),
      );
    }
  }
  return { columns, issues };
};
