/**
 * Parsers and validators report problems instead of throwing: the caller gets
 * `{ result, issues }` and decides what to show. `at` says where (file, line, field).
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

export type IssueLocation = {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
};

export type Issue = {
  /** Stable machine code, e.g. `import.missing_column`; the UI translates it. */
  code: string;
  /** Human-readable explanation (zh-CN or English), naming the value at fault. */
  message: string;
  severity: IssueSeverity;
  at?: IssueLocation;
};

export type WithIssues<T> = { result: T; issues: Issue[] };

/** Formats a location as `file:line (field)` for CLI output. */
export const formatLocation = (at: IssueLocation | undefined): string => {
  if (!at) return '';
  const place = [at.file, at.line].filter((part) => part !== undefined).join(':');
  return at.field ? `${place} (${at.field})` : place;
};
