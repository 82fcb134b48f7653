import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option } from 'commander';
import type { Checker, Finding } from '../domain/compliance/index.js';
import { compileLibrary, rewriteReply } from '../domain/compliance/index.js';
import type { ShopOverrides } from '../domain/rules/index.js';
import type { Issue } from '../domain/shared/index.js';
import { formatLocation } from '../domain/shared/index.js';
import { loadRuleLibrary, loadShopOverrides } from '../io/rules/index.js';
import type { CommandRegistration } from './cli.js';
import { CliError, type CliIo } from './cli.io.js';

/** Exit code when the text breaks at least one rule (0 = clean, 1 = error, 2 = usage). */
export const findingsExitCode = 3;

type CheckOptions = {
  buyer?: string;
  shopRules?: string;
  format: 'json' | 'table';
  jsonl?: string;
  at?: string;
};

const helpText = `
Exit codes:
  0  no findings
  1  error (unreadable file, bad rule data)
  2  usage error
  3  findings: the text breaks at least one rule (with --jsonl: at least one line does)

With --jsonl FILE each input line is { "id", "buyer"?, "agent" } and each output line is
{ "id", "findings": [ { "rule", "start", "end", "evidence", "points" } ] }; offsets are
UTF-16 positions in "agent". A bad line is reported on stderr with its line number and skipped.

Examples:
  kefu check "亲，特价商品不开发票哦"
  kefu check "可以的" --buyer "能银行转账吗" --format json
  kefu check --jsonl chats.jsonl --shop-rules shop-rules.json
`;

const printIssues = (io: CliIo, issues: Issue[]) => {
  for (const issue of issues) {
    const where = formatLocation(issue.at);
    io.stderr(`${issue.severity}: ${where ? `${where}: ` : ''}${issue.message}\n`);
  }
};

const buildChecker = (io: CliIo, options: CheckOptions): Checker => {
  const library = loadRuleLibrary();
  let overrides: ShopOverrides | undefined;
  if (options.shopRules) {
    if (!existsSync(options.shopRules)) throw new CliError(`shop rules file not found: ${options.shopRules}`);
    const loaded = loadShopOverrides({ file: options.shopRules });
    if (!loaded.result) throw new CliError(loaded.issues.map((issue) => issue.message).join('; '));
    overrides = loaded.result;
  }
  const at = options.at ?? new Date().toISOString().slice(0, 10);
  const checker = compileLibrary({ rules: library.result, overrides, at });
  printIssues(
    io,
    [...library.issues, ...checker.issues].filter((issue) => issue.severity !== 'info'),
  );
  return checker;
};

const formatTable = (findings: readonly Finding[]): string => {
  if (findings.length === 0) return '未发现违规 (no findings)\n';
  return findings
    .map(
      (finding) =>
        `${finding.rule} v${finding.version} ${finding.title}  扣 ${finding.points} 分  [${finding.start}, ${finding.end})  「${finding.evidence}」\n` +
        `  说明：${finding.explanation}\n  建议：${finding.suggestion}\n`,
    )
    .join('');
};

const checkText = (io: CliIo, checker: Checker, text: string, options: CheckOptions) => {
  const judge = (reply: string) => checker.check({ text: reply, buyerText: options.buyer }).findings;
  const findings = judge(text);
  const rewrite = rewriteReply(text, judge, findings);
  io.stdout(
    options.format === 'json'
      ? `${JSON.stringify({ findings, rewrite }, null, 2)}\n`
      : formatTable(findings) + (rewrite === null ? '' : `建议改写：${rewrite}\n`),
  );
  if (findings.length > 0) throw new CliError(`${findings.length} finding(s)`, findingsExitCode);
};

const parseJsonlLine = (line: string): { id: unknown; buyer?: string; agent: string } | string => {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `invalid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as { id?: unknown; buyer?: unknown; agent?: unknown };
  if (typeof record.agent !== 'string') return 'field "agent" must be a string';
  if (record.buyer !== undefined && record.buyer !== null && typeof record.buyer !== 'string')
    return 'field "buyer" must be a string';
  return {
    id: record.id ?? null,
    buyer: typeof record.buyer === 'string' ? record.buyer : undefined,
    agent: record.agent,
  };
};

const checkJsonl = async (io: CliIo, checker: Checker, file: string) => {
  if (!existsSync(file)) throw new CliError(`input file not found: ${file}`);
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  let withFindings = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseJsonlLine(line);
    if (typeof parsed === 'string') {
      io.stderr(`${file}:${lineNumber}: ${parsed}\n`);
      continue;
    }
    const { findings } = checker.check({ text: parsed.agent, buyerText: parsed.buyer });
    if (findings.length > 0) withFindings++;
    const compact = findings.map(({ rule, start, end, evidence, points }) => ({
      rule,
      start,
      end,
      evidence,
      points,
    }));
    io.stdout(`${JSON.stringify({ id: parsed.id, findings: compact })}\n`);
  }
  if (withFindings > 0) throw new CliError(`${withFindings} line(s) with findings`, findingsExitCode);
};

/** `kefu check`: checks one agent reply, or a JSONL file of them, against the rule library. */
export const registerCheckCommand: CommandRegistration = (program, io) => {
  program
    .command('check')
    .description('质检：按规则库检查客服回复（check an agent reply against the rule library）')
    .argument('[text]', 'the agent reply to check')
    .option('--buyer <text>', "the buyer's previous message (context)")
    .option(
      '--shop-rules <file>',
      'shop overrides JSON: { "rules": { id: { enabled, points } }, "custom": [...] }',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--jsonl <file>', 'check every line { "id", "buyer"?, "agent" } of a JSONL file, streaming')
    .option('--at <date>', 'judge by the rule versions in force on this date (YYYY-MM-DD); default today')
    .addHelpText('after', helpText)
    .action(async (text: string | undefined, options: CheckOptions) => {
      if (text === undefined && !options.jsonl)
        throw new CliError('give the TEXT to check, or --jsonl FILE', 2);
      if (text !== undefined && options.jsonl)
        throw new CliError('give either TEXT or --jsonl FILE, not both', 2);
      if (options.at !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.at))
        throw new CliError(`--at must be YYYY-MM-DD, got ${options.at}`, 2);
      const checker = buildChecker(io, options);
      if (options.jsonl) await checkJsonl(io, checker, options.jsonl);
      else checkText(io, checker, text ?? '', options);
    });
};
