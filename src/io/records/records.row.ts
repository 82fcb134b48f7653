import type { IssueCollector } from './records.issues.js';
import { parseTime, type WallClockOffset } from './records.time.js';
import { valueProblems } from './records.messages.js';
import { parseFlag, parseYuan } from './records.values.js';

/** Where each field is: a column index, or a constant from the mapping. */
export type ResolvedColumns = { index: Record<string, number>; constants: Record<string, string> };

/**
 * Reads typed values from the current row and reports each bad value with line and field. One
 * instance is reused for every row of a file (no allocation per row); `ok` turns false at the
 * first problem, and every problem of the row is still reported.
 */
export class RowReader {
  fields: readonly string[] = [];
  line = 0;
  ok = true;

  constructor(
    private readonly columns: ResolvedColumns,
    private readonly issues: IssueCollector,
    private readonly offsetOf: WallClockOffset,
  ) {}

  start(line: number, fields: readonly string[]): void {
    this.line = line;
    this.fields = fields;
    this.ok = true;
  }

  fail(field: string, code: string, message: string): void {
    this.ok = false;
    this.issues.error(this.line, field, code, message);
  }

  has(field: string): boolean {
    return this.columns.index[field] !== undefined || this.columns.constants[field] !== undefined;
  }

  /** The raw text of a field (trimmed of surrounding spaces), `''` when absent. */
  text(field: string): string {
    const index = this.columns.index[field];
    if (index === undefined) return this.columns.constants[field] ?? '';
    const value = this.fields[index] ?? '';
    const last = value.length - 1;
    return last >= 0 && (value.charCodeAt(0) === 32 || value.charCodeAt(last) === 32) ? value.trim() : value;
  }

  /** The text of a field that must not be empty. */
  required(field: string): string {
    const value = this.text(field);
    if (value.length === 0) this.fail(field, 'import.missing_value', valueProblems.empty(field));
    return value;
  }

  /** A time as epoch ms; null when empty and optional. */
  time(field: string, required: boolean): number | null {
    const value = this.text(field);
    if (value.length === 0) {
      if (required) this.fail(field, 'import.missing_value', valueProblems.empty(field));
      return null;
    }
    const time = parseTime(value, this.offsetOf);
    if (Number.isNaN(time)) {
      this.fail(field, 'import.bad_time', valueProblems.badTime(field, value));
      return null;
    }
    return time;
  }

  /** An amount in 元 as 分; `fallback` when empty and optional. */
  amount(field: string, required: boolean, fallback: number | null): number | null {
    const value = this.text(field);
    if (value.length === 0) {
      if (required) this.fail(field, 'import.missing_value', valueProblems.empty(field));
      return fallback;
    }
    const fen = parseYuan(value);
    if (Number.isNaN(fen)) {
      this.fail(field, 'import.bad_amount', valueProblems.badAmount(field, value));
      return fallback;
    }
    if (fen < 0) {
      this.fail(field, 'import.negative_amount', valueProblems.negativeAmount(field, value));
      return fallback;
    }
    return fen;
  }

  /** A whole number ≥ 0; `fallback` when empty. */
  count(field: string, fallback: number): number {
    const value = this.text(field);
    if (value.length === 0) return fallback;
    const count = Number(value);
    if (!Number.isInteger(count) || count < 0) {
      this.fail(field, 'import.bad_value', valueProblems.badCount(field, value));
      return fallback;
    }
    return count;
  }

  /** A yes/no flag; `fallback` when empty or absent. */
  flag(field: string, fallback: boolean | null): boolean | null {
    const value = this.text(field);
    if (value.length === 0) return fallback;
    const flag = parseFlag(value);
    if (flag === null) this.fail(field, 'import.bad_value', valueProblems.badFlag(field, value));
    return flag ?? fallback;
  }
}
