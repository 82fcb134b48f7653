import { Option } from 'commander';
import { AppError, systemClock } from '../app/accounts/index.js';
import {
  clearCreditRuling,
  listCreditRulings,
  listMetricRestatements,
  ruleCredit,
} from '../app/metrics-store/index.js';
import { textTable } from '../io/metrics/index.js';
import type { CommandRegistration } from './cli.js';
import { cliActor, describeAppError } from './cli.context.js';
import { CliError } from './cli.io.js';
import { withMigratedDatabase } from './db.command.js';

type Format = 'table' | 'json';
const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');

const asCliError = (error: unknown): never => {
  if (error instanceof AppError) throw new CliError(describeAppError(error));
  throw error;
};

/**
 * `kefu credit …` (落实客服改判) and `kefu restatements` (重述记录): the same use-cases as the 绩效
 * drill-down and the 重述记录 tab, on the configured database.
 */
export const registerCreditCommand: CommandRegistration = (program, io) => {
  const credit = program
    .command('credit')
    .description('Credit rulings (落实客服改判): who is credited with an order');
  credit
    .command('rule')
    .description('Credit an order to an agent who served the buyer, or to nobody (audited)')
    .argument('<shop>', 'the shop name')
    .argument('<order>', 'the order id')
    .option('--agent <sub-account>', 'the sub-account to credit, e.g. 旗舰店:小美')
    .option('--nobody', 'credit nobody: the sale stays uncredited')
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .action(
      async (shop: string, order: string, options: { agent?: string; nobody?: boolean; reason: string }) => {
        if (Boolean(options.agent) === Boolean(options.nobody))
          throw new CliError('give exactly one of --agent <sub-account> or --nobody', 2);
        await withMigratedDatabase(async ({ db }) => {
          const actor = await cliActor(db);
          const agent = options.agent ?? null;
          await ruleCredit({
            db,
            clock: systemClock,
            actor,
            shop,
            order,
            agent,
            reason: options.reason,
          }).catch(asCliError);
          io.stdout(`已改判：${shop} 订单 ${order} → ${agent ?? '不计入任何客服'}\n`);
        });
      },
    );
  credit
    .command('clear')
    .description('Lift the ruling of an order: the credit mode decides again (audited)')
    .argument('<shop>', 'the shop name')
    .argument('<order>', 'the order id')
    .action(async (shop: string, order: string) => {
      await withMigratedDatabase(async ({ db }) => {
        const actor = await cliActor(db);
        await clearCreditRuling({ db, clock: systemClock, actor, shop, order }).catch(asCliError);
        io.stdout(`已撤销改判：${shop} 订单 ${order}\n`);
      });
    });
  credit
    .command('list')
    .description('List every credit ruling, newest first')
    .addOption(formatOption())
    .action(async (options: { format: Format }) => {
      await withMigratedDatabase(async ({ db }) => {
        const rulings = await listCreditRulings({ db, actor: await cliActor(db) });
        if (options.format === 'json') return io.stdout(`${JSON.stringify({ rulings }, null, 2)}\n`);
        io.stdout(
          textTable(
            ['店铺', '订单', '落实给', '原因', '改判人', '时间'],
            rulings.map((row) => [
              row.shop,
              row.order,
              row.agent ?? '（无人）',
              row.reason,
              row.ruledBy ?? 'kefu-cli',
              row.createdAt,
            ]),
          ),
        );
      });
    });

  program
    .command('restatements')
    .description('Numbers of past days that later imports or rulings changed (重述记录), newest first')
    .option('--from <day>', 'first day, YYYY-MM-DD')
    .option('--to <day>', 'last day, YYYY-MM-DD')
    .option('--limit <n>', 'at most this many', (value) => Number(value), 200)
    .addOption(formatOption())
    .action(async (options: { from?: string; to?: string; limit: number; format: Format }) => {
      await withMigratedDatabase(async ({ db }) => {
        const actor = await cliActor(db);
        const restatements = await listMetricRestatements({ db, actor, ...options }).catch(asCliError);
        if (options.format === 'json') return io.stdout(`${JSON.stringify({ restatements }, null, 2)}\n`);
        io.stdout(
          textTable(
            ['日期', '店铺', '客服', '指标', '原值', '新值', '重述于'],
            restatements.map((row) => [
              row.day,
              row.shop,
              row.agent,
              row.metric,
              row.before,
              row.after,
              row.restatedAt,
            ]),
          ),
        );
      });
    });
};
