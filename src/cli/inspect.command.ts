import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError, systemClock } from '../app/accounts/index.js';
import { exportLearningLoop, listInspectionFindings, startInspectionRun } from '../app/inspection/index.js';
import type { CommandRegistration } from './cli.js';
import { CliError, type CliIo } from './cli.io.js';
import { withMigratedDatabase } from './db.command.js';
import { cliActor, describeAppError, shopIdNamed } from './cli.context.js';
import { addInspectExampleCommands } from './inspect-examples.command.js';
import { addInspectReviewCommands } from './inspect-review.command.js';

type InspectOptions = { from?: string; to?: string; shop?: string };

const helpText = `
Runs bulk inspection (批量质检) over the chats stored by \`kefu import\` (or the demo): every
message of the period is judged by the rule versions and shop settings in force on its day,
conversation rules see whole conversations and order-fact rules join the buyer's orders.
Running the same period again updates findings in place and keeps their review status.

Examples:
  kefu inspect --from 2026-03-01 --to 2026-03-31
  kefu inspect --from 2026-03-01 --to 2026-03-07 --shop 天猫旗舰店
  kefu inspect export --out reviewed.jsonl
  kefu inspect examples add --agent "可以微信转账给我" --rules offsite_payment
`;

const table = (header: string[], rows: (string | number)[][]) => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column] ?? '').length)),
  );
  const line = (cells: (string | number)[]) =>
    cells
      .map((cell, column) => String(cell).padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
};

const runInspection = async (io: CliIo, options: InspectOptions) => {
  if (options.from === undefined || options.to === undefined)
    throw new CliError(
      '--from and --to are required (YYYY-MM-DD), e.g. kefu inspect --from 2026-03-01 --to 2026-03-31',
      2,
    );
  const { from, to } = options;
  await withMigratedDatabase(async ({ db }) => {
    const actor = await cliActor(db);
    const shopId = await shopIdNamed(db, actor, options.shop);
    const started = performance.now();
    const { run, done } = await startInspectionRun({
      db,
      clock: systemClock,
      actor,
      from,
      to,
      shopId,
    });
    io.stderr(`质检中：${run.messagesTotal} 条消息…\n`);
    const finished = await done;
    if (finished.status === 'failed') throw new CliError(`质检失败：${finished.error ?? '未知错误'}`);
    const seconds = Math.max((performance.now() - started) / 1000, 0.001);
    const { byRule, byAgent } = await listInspectionFindings({
      db,
      actor,
      query: { from, to, shopId, limit: 1, offset: 0 },
    });
    io.stdout(
      `${table(
        ['规则', '条数'],
        byRule.map((row) => [row.ruleId, row.count]),
      )}\n\n`,
    );
    io.stdout(
      `${table(
        ['客服', '条数', '扣分'],
        byAgent.map((row) => [row.agent, row.count, row.points]),
      )}\n\n`,
    );
    io.stdout(
      `质检完成：检查 ${finished.messagesChecked} 条消息，发现 ${finished.findingsCount} 条问题` +
        `（${seconds.toFixed(1)} 秒，${Math.round(finished.messagesChecked / seconds)} 条消息/秒，` +
        `${Math.round(finished.findingsCount / seconds)} 条问题/秒）\n`,
    );
  });
};

const exportReviewed = async (io: CliIo, out: string) => {
  await withMigratedDatabase(async ({ db }) => {
    const actor = await cliActor(db);
    const file = createWriteStream(out, { encoding: 'utf8' });
    let lines = 0;
    for await (const line of exportLearningLoop({ db, clock: systemClock, actor })) {
      if (!file.write(`${line}\n`)) await once(file, 'drain');
      lines++;
    }
    file.end();
    await once(file, 'finish');
    io.stdout(`已导出 ${lines} 条评测样本（已审核的质检问题和标注样本）到 ${out}\n`);
  });
};

const reported = async (work: () => Promise<void>) => {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(describeAppError(error));
    throw error;
  }
};

/** `kefu inspect --from D --to D [--shop NAME]` and `kefu inspect export --out FILE`. */
export const registerInspectCommand: CommandRegistration = (program, io) => {
  const inspect = program
    .command('inspect')
    .description('Inspect stored chats of a period (批量质检) and print findings by rule and agent')
    .option('--from <day>', 'first day, YYYY-MM-DD (shop-local)')
    .option('--to <day>', 'last day, YYYY-MM-DD, included')
    .option('--shop <name>', 'only this shop (by name)')
    .addHelpText('after', helpText)
    .action((options: InspectOptions) => reported(() => runInspection(io, options)));
  inspect
    .command('export')
    .description(
      'Write reviewed findings, then the 标注样本, as eval lines ({ id, buyer?, agent, rules, note }) for the learning loop',
    )
    .requiredOption('--out <file>', 'the JSONL file to write')
    .action((options: { out: string }) => reported(() => exportReviewed(io, options.out)));
  // inspect's own --from/--to/--shop stop at a subcommand's name, which has options of the same names.
  inspect.enablePositionalOptions();
  addInspectReviewCommands(inspect, io);
  addInspectExampleCommands(inspect, io);
};
