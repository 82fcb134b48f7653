/**
 * Scores the compliance engine against a labelled JSONL set:
 * each line `{ "id", "buyer"?, "agent", "rules": [...] (empty = compliant), "note"? }`.
 * Prints per-rule precision / recall / F1, micro-F1 and the false-alarm rate on compliant lines.
 *
 *   npm run eval:compliance [-- --file F [--file G …]] [--at YYYY-MM-DD] [--errors]
 *
 * Several files are scored as one set, so the set grows with what reviewers labelled
 * (`kefu inspect export --out reviewed.jsonl`, then `--file data/eval/compliance.jsonl --file
 * reviewed.jsonl`). A text that occurs twice counts once, with its first label; a text labelled
 * differently in two places is reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileLibrary } from '../src/domain/compliance/index.js';
import { loadRuleLibrary } from '../src/io/rules/index.js';

type Example = { id: string; buyer?: string; agent: string; rules: string[] };
type Counts = { tp: number; fp: number; fn: number };

const defaultFile = 'data/eval/compliance.jsonl';
const fallbackFile = 'test/fixtures/compliance/dev.jsonl';

const parseLine = (line: string, lineNumber: number): Example | string => {
  try {
    const value = JSON.parse(line) as Partial<Example>;
    if (typeof value.agent !== 'string') return `line ${lineNumber}: "agent" must be a string`;
    if (!Array.isArray(value.rules)) return `line ${lineNumber}: "rules" must be an array`;
    return { id: String(value.id ?? lineNumber), buyer: value.buyer, agent: value.agent, rules: value.rules };
  } catch (error) {
    return `line ${lineNumber}: invalid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
};

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const f1 = ({ tp, fp, fn }: Counts): number => ratio(2 * tp, 2 * tp + fp + fn);
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

const main = () => {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', multiple: true },
      at: { type: 'string' },
      errors: { type: 'boolean', default: false },
    },
  });
  let files = values.file ?? [defaultFile];
  for (const file of values.file ?? [])
    if (!existsSync(file)) throw new Error(`eval file not found: ${file}`);
  if (!values.file && !existsSync(defaultFile)) {
    process.stderr.write(`${defaultFile} is missing; evaluating the dev set ${fallbackFile} instead.\n`);
    files = [fallbackFile];
  }
  const library = loadRuleLibrary();
  const checker = compileLibrary({ rules: library.result, at: values.at ?? '2026-01-01' });
  for (const issue of [...library.issues, ...checker.issues].filter((entry) => entry.severity === 'error'))
    process.stderr.write(`rule issue: ${issue.message}\n`);
  const counts = new Map<string, Counts>();
  const count = (rule: string) => {
    const entry = counts.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(rule, entry);
    return entry;
  };
  let compliant = 0;
  let falseAlarms = 0;
  let examples = 0;
  const seen = new Map<string, { where: string; rules: string }>();
  const evaluateLine = (file: string, line: string, index: number) => {
    if (line.trim() === '') return;
    const example = parseLine(line, index + 1);
    if (typeof example === 'string') {
      process.stderr.write(`${file}:${example}\n`);
      return;
    }
    const key = `${example.buyer ?? ''}\u0000${example.agent}`;
    const labels = [...example.rules].sort().join(',');
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.rules !== labels)
        process.stderr.write(
          `${file}:line ${index + 1}: labelled [${labels}] here but [${earlier.rules}] at ${earlier.where}; the first label counts\n`,
        );
      return;
    }
    seen.set(key, { where: `${file}:${index + 1}`, rules: labels });
    examples++;
    const found = new Set(
      checker
        .check({ text: example.agent, buyerText: example.buyer })
        .findings.map((finding) => finding.rule),
    );
    const expected = new Set(example.rules);
    for (const rule of expected)
      if (found.has(rule)) count(rule).tp++;
      else count(rule).fn++;
    for (const rule of found) if (!expected.has(rule)) count(rule).fp++;
    if (expected.size === 0) {
      compliant++;
      if (found.size > 0) falseAlarms++;
    }
    const wrong =
      [...expected].some((rule) => !found.has(rule)) || [...found].some((rule) => !expected.has(rule));
    if (values.errors && wrong)
      process.stdout.write(
        `✗ ${example.id} expected [${[...expected]}] got [${[...found]}] ${example.agent}\n`,
      );
  };
  for (const file of files)
    for (const [index, line] of readFileSync(file, 'utf8').split('\n').entries())
      evaluateLine(file, line, index);
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  process.stdout.write(`\n${files.join(' + ')}: ${examples} examples, ${compliant} compliant\n\n`);
  process.stdout.write(
    `${'rule'.padEnd(18)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}   tp  fp  fn\n`,
  );
  for (const [rule, entry] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    total.tp += entry.tp;
    total.fp += entry.fp;
    total.fn += entry.fn;
    const precision = ratio(entry.tp, entry.tp + entry.fp);
    const recall = ratio(entry.tp, entry.tp + entry.fn);
    process.stdout.write(
      `${rule.padEnd(18)}${pct(precision)}${pct(recall)}${pct(f1(entry))} ${String(entry.tp).padStart(4)}${String(entry.fp).padStart(4)}${String(entry.fn).padStart(4)}\n`,
    );
  }
  process.stdout.write(`\nmicro-F1 ${pct(f1(total)).trim()}  (target ≥ 95%)\n`);
  process.stdout.write(
    `false alarms on compliant lines ${pct(ratio(falseAlarms, compliant)).trim()} (${falseAlarms}/${compliant}, target ≤ 3%)\n`,
  );
};

main();
