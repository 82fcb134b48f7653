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
 * differently in two places is reported. A label naming a rule the library does not have (a shop's
 * own rule, exported by `kefu inspect export`) is not scored as a miss; such labels are counted
 * apart. The arithmetic is the domain's (compliance.evaluation.ts), shared with 样本评测.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileLibrary, evaluateLabelled } from '../src/domain/compliance/index.js';
import { loadRuleLibrary } from '../src/io/rules/index.js';

type Example = { id: string; buyer?: string; agent: string; rules: string[] };
type Line = Example & { file: string; line: number };

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

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

/** Every labelled line of the files, in order; malformed lines are reported and skipped. */
const readLines = (files: string[]): Line[] =>
  files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, index) => {
        if (text.trim() === '') return [];
        const example = parseLine(text, index + 1);
        if (typeof example !== 'string') return [{ ...example, file, line: index + 1 }];
        process.stderr.write(`${file}:${example}\n`);
        return [];
      }),
  );

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
  const result = evaluateLabelled({
    examples: readLines(files),
    judge: (example) =>
      checker
        .check({ text: example.agent, buyerText: example.buyer })
        .findings.map((finding) => finding.rule),
    scored: new Set(checker.rules.map((rule) => rule.id)),
  });
  for (const { example, first } of result.conflicts)
    process.stderr.write(
      `${example.file}:line ${example.line}: labelled [${[...example.rules].sort()}] here but [${[...first.rules].sort()}] at ${first.file}:${first.line}; the first label counts\n`,
    );
  if (values.errors)
    for (const { example, found } of result.disagreements)
      process.stdout.write(
        `✗ ${example.id} expected [${[...new Set(example.rules)]}] got [${found}] ${example.agent}\n`,
      );
  process.stdout.write(
    `\n${files.join(' + ')}: ${result.examples} examples, ${result.compliant} compliant\n\n`,
  );
  process.stdout.write(
    `${'rule'.padEnd(18)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}   tp  fp  fn\n`,
  );
  for (const entry of result.rules)
    process.stdout.write(
      `${entry.rule.padEnd(18)}${pct(entry.precision)}${pct(entry.recall)}${pct(entry.f1)} ${String(entry.tp).padStart(4)}${String(entry.fp).padStart(4)}${String(entry.fn).padStart(4)}\n`,
    );
  if (result.unscored.length > 0) {
    const labels = result.unscored.reduce((sum, entry) => sum + entry.count, 0);
    const rules = result.unscored.map((entry) => `${entry.rule} ×${entry.count}`).join(', ');
    process.stdout.write(`\n${labels} labels not scored (unknown rules: ${rules})\n`);
  }
  process.stdout.write(`\nmicro-F1 ${pct(result.micro.f1).trim()}  (target ≥ 95%)\n`);
  process.stdout.write(
    `false alarms on compliant lines ${pct(result.falseAlarmRate).trim()} (${result.falseAlarms}/${result.compliant}, target ≤ 3%)\n`,
  );
};

main();
