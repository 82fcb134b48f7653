import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { systemClock } from '../app/accounts/index.js';
import {
  addInspectionExamples,
  type ExampleDraft,
  type ExamplesEvaluation,
  evaluateInspectionExamples,
  exampleLines,
  listInspectionExamples,
  removeInspectionExample,
} from '../app/inspection/index.js';
import { textTable } from '../io/metrics/index.js';
import { asOwner, shopIdNamed } from './cli.context.js';
import { CliError, type CliIo } from './cli.io.js';

// 标注样本 from the command line: list the labelled replies with the engine's verdict, add one,
// import a file of evaluation lines (the format `kefu inspect export` writes), remove one, and score
// the rule library on them (样本评测). With --shop the examples are the shop's: judged by its rules,
// and they may name its own rules.

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Evaluation lines as drafts, each named file:line; every malformed line is reported at once. */
const readDrafts = (file: string, shopId: string | undefined): ExampleDraft[] => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const drafts: ExampleDraft[] = [];
  const problems: string[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const at = `${file}:${index + 1}`;
    try {
      const value = JSON.parse(line) as Partial<ExampleDraft>;
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error('not an object');
      drafts.push({
        shopId: shopId ?? null,
        agent: typeof value.agent === 'string' ? value.agent : '',
        buyer: typeof value.buyer === 'string' ? value.buyer : null,
        rules: Array.isArray(value.rules) ? value.rules : (value.rules as unknown as string[]),
        note: typeof value.note === 'string' ? value.note : '',
        at,
      });
    } catch (error) {
      problems.push(`${at}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (problems.length > 0) throw new CliError(`nothing imported:\n  ${problems.join('\n  ')}`);
  return drafts;
};

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** 样本评测 as a table: the totals, one line per rule, then the examples the engine gets wrong. */
const evaluationText = (result: ExamplesEvaluation, shop: string | undefined): string => {
  const title = (rule: string) => result.titles[rule] ?? rule;
  const lines = [
    `样本评测：${shop ?? '不限店铺（内置规则）'} · ${result.examples} 条样本，${result.compliant} 条合规`,
  ];
  if (result.examples === 0) return `${lines[0]}\n（无标注样本）\n`;
  const rows = result.rules.map((entry) => [
    entry.rule,
    entry.custom ? `${title(entry.rule)}（店铺自定义）` : title(entry.rule),
    pct(entry.precision),
    pct(entry.recall),
    pct(entry.f1),
    entry.support,
    entry.tp,
    entry.fp,
    entry.fn,
  ]);
  lines.push(
    '',
    textTable(['规则', '名称', '精确率', '召回率', 'F1', '样本数', 'tp', 'fp', 'fn'], rows).trimEnd(),
    '',
    `micro-F1 ${pct(result.micro.f1)} · 误报率 ${pct(result.falseAlarmRate)}（${result.falseAlarms}/${result.compliant}）`,
  );
  if (result.unscored.length > 0)
    lines.push(
      `未计分（规则库里没有的规则）：${result.unscored.map((entry) => `${entry.rule} ×${entry.count}`).join('、')}`,
    );
  for (const one of result.disagreements)
    lines.push(
      `✗ ${one.id} 标注 [${one.rules.join(',')}] 引擎 [${one.engine.join(',')}] ${one.buyer ? `${one.buyer} → ` : ''}${one.agent}`,
    );
  return `${lines.join('\n')}\n`;
};

/** `kefu inspect examples list|add|import|remove|eval`. */
export const addInspectExampleCommands = (inspect: Command, io: CliIo) => {
  const examples = inspect
    .command('examples')
    .description('Hand-labelled replies (标注样本) for the evaluation set');
  examples
    .command('list')
    .description('List labelled replies with what the engine finds on each (newest first)')
    .option('--shop <name>', "only this shop's examples")
    .option('--rule <id>', 'only replies labelled with this rule')
    .option('--compliant', 'only replies labelled compliant')
    .option('--text <text>', 'only replies or buyer messages containing this text')
    .option('--limit <n>', 'at most this many (table, json)', '100')
    .addOption(
      new Option(
        '--format <format>',
        'table; json (with the verdicts); jsonl (every match as evaluation lines)',
      )
        .choices(['table', 'json', 'jsonl'])
        .default('table'),
    )
    .action(
      (options: {
        shop?: string;
        rule?: string;
        compliant?: boolean;
        text?: string;
        limit: string;
        format: 'table' | 'json' | 'jsonl';
      }) =>
        asOwner(async ({ db, actor }) => {
          const limit = Number(options.limit);
          if (!Number.isInteger(limit) || limit < 1)
            throw new CliError(`--limit must be a whole number ≥ 1`, 2);
          const filter = {
            shopId: await shopIdNamed(db, actor, options.shop),
            ruleId: options.rule,
            compliant: options.compliant,
          };
          if (options.format === 'jsonl') {
            for await (const line of exampleLines({ db, actor, filter: { ...filter, text: options.text } }))
              io.stdout(`${line}\n`);
            return;
          }
          const query = { ...filter, text: options.text, limit, offset: 0 };
          const page = await listInspectionExamples({ db, clock: systemClock, actor, query });
          if (options.format === 'json') return io.stdout(`${JSON.stringify(page, null, 2)}\n`);
          const rows = page.examples.map((one) => [
            one.id,
            one.shopName ?? '-',
            one.rules.join(',') || '合规',
            one.engine.join(',') || '合规',
            one.agrees ? '一致' : '不一致',
            one.agent,
          ]);
          io.stdout(
            rows.length === 0 ? '（无）\n' : textTable(['id', '店铺', '标注', '引擎', '', '客服回复'], rows),
          );
          const misses = page.examples.filter((one) => !one.agrees).length;
          io.stdout(`共 ${page.total} 条；本页 ${misses} 条与引擎不一致\n`);
        }),
    );
  examples
    .command('add')
    .description('Label one reply: the rules it breaks (none = compliant) (audited)')
    .requiredOption('--agent <text>', "the agent's reply")
    .option('--buyer <text>', "the buyer's message it answers, when the label depends on it")
    .option('--rules <ids>', 'comma-separated rule ids, e.g. offsite_contact,promise', '')
    .option('--note <text>', 'why')
    .option('--shop <name>', "judge it by this shop's rules (its own rules may be named)")
    .action((options: { agent: string; buyer?: string; rules: string; note?: string; shop?: string }) =>
      asOwner(async ({ db, actor }) => {
        const draft = {
          shopId: (await shopIdNamed(db, actor, options.shop)) ?? null,
          agent: options.agent,
          buyer: options.buyer ?? null,
          rules: list(options.rules),
          note: options.note,
        };
        const { ids } = await addInspectionExamples({ db, clock: systemClock, actor, examples: [draft] });
        io.stdout(`已添加标注样本 ${ids[0]}\n`);
      }),
    );
  examples
    .command('import')
    .description('Add every line of a JSONL file ({ agent, buyer?, rules, note? }); all or nothing (audited)')
    .argument('<file>', 'evaluation lines, e.g. written by kefu inspect export')
    .option('--shop <name>', 'the shop whose rules judge every line (its own rules may be named)')
    .action((file: string, options: { shop?: string }) =>
      asOwner(async ({ db, actor }) => {
        const { ids } = await addInspectionExamples({
          db,
          clock: systemClock,
          actor,
          examples: readDrafts(file, await shopIdNamed(db, actor, options.shop)),
        });
        io.stdout(`已导入 ${ids.length} 条标注样本\n`);
      }),
    );
  examples
    .command('eval')
    .description(
      "Score the rule library on the examples (样本评测): with --shop, the shop's library on its examples and the organisation-wide ones",
    )
    .option('--shop <name>', 'the shop whose rules, settings and own rules are scored')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json']).default('table'))
    .action((options: { shop?: string; format: 'table' | 'json' }) =>
      asOwner(async ({ db, actor }) => {
        const shopId = await shopIdNamed(db, actor, options.shop);
        const result = await evaluateInspectionExamples({ db, clock: systemClock, actor, shopId });
        io.stdout(
          options.format === 'json'
            ? `${JSON.stringify(result, null, 2)}\n`
            : evaluationText(result, options.shop),
        );
      }),
    );
  examples
    .command('remove')
    .description('Remove a labelled reply (audited)')
    .argument('<id>', 'the example id (kefu inspect examples list)')
    .action((id: string) =>
      asOwner(async ({ db, actor }) => {
        await removeInspectionExample({ db, clock: systemClock, actor, id });
        io.stdout(`已删除标注样本 ${id}\n`);
      }),
    );
};
