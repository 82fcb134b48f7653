import { formatLocation, type Issue } from '../../domain/shared/index.js';
import { fileProblems } from './records.messages.js';

/**
 * Thrown when a file cannot be imported: in `reject` mode when any row is bad, in both modes when
 * the file itself is unusable (a required column is missing, the bytes are not text).
 * `issues` lists every problem found, up to the cap, each naming file, line and field.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly issues: Issue[],
    readonly errorCount = issues.length,
  ) {
    const first = issues[0];
    const where = first ? `${formatLocation(first.at)}: ${first.message}` : file;
    super(fileProblems.summary(file, errorCount, where));
    this.name = 'ImportError';
  }
}

/** Collects row problems; stores at most `cap` of them but counts all. */
export class IssueCollector {
  readonly issues: Issue[] = [];
  errors = 0;

  constructor(
    readonly file: string,
    private readonly cap: number,
    private readonly onIssue?: (issue: Issue) => void,
  ) {}

  error(line: number, field: string | undefined, code: string, message: string): void {
    this.errors++;
    const issue: Issue = {
      code,
      message,
      severity: 'error',
      at: { file: this.file, line, ...(field ? { field } : {}) },
    };
    if (this.issues.length < this.cap) this.issues.push(issue);
    this.onIssue?.(issue);
  }

  /** The issues to show, with a last line saying how many were left out. */
  listed(): Issue[] {
    if (this.errors <= this.issues.length) return this.issues;
    return [
      ...this.issues,
      {
        code: 'import.more_errors',
        message: fileProblems.moreErrors(this.errors - this.issues.length),
        severity: 'info',
        at: { file: this.file },
      },
    ];
  }
}

/** An issue about the whole file (no row), e.g. a missing column or a bad encoding. */
export const fileIssue = (
  file: string,
  code: string,
  message: string,
  line?: number,
  field?: string,
): Issue => ({
  code,
  message,
  severity: 'error',
  at: { file, ...(line !== undefined ? { line } : {}), ...(field ? { field } : {}) },
});
