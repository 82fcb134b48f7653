import { defaultDemoOptions, type DemoOptions, writeDemoData } from '../app/demo-data/index.js';
import type { CommandRegistration } from './cli.js';
import { CliError } from './cli.io.js';

type DemoDataFlags = { [K in keyof DemoOptions]: string } & { out: string };

const helpText = `
Writes messages.csv, orders.csv, ratings.csv and tickets.csv (Chinese headers, UTF-8, times
YYYY-MM-DD HH:mm:ss in Asia/Shanghai) for demos, tests and benchmarks. The same seed gives the
same files. About 8 messages per buyer: --shops 10 --days 30 --buyers-per-day 4300 ≈ 10 M messages.

Examples:
  kefu demo-data --out demo
  kefu demo-data --shops 5 --agents 8 --days 30 --buyers-per-day 500 --seed 42 --start 2024-06-01 --out demo
`;

const whole = (flag: string, text: string): number => {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value))
    throw new CliError(`--${flag} ${text}: expected a whole number`, 2);
  return value;
};

/** `kefu demo-data`: generates a realistic synthetic shop data set. */
export const registerDemoDataCommand: CommandRegistration = (program, io) => {
  program
    .command('demo-data')
    .description('生成演示数据 generate synthetic chats, orders, ratings and JD tickets as CSV')
    .requiredOption('--out <dir>', 'folder to write the CSV files to (created if missing)')
    .option('--shops <n>', 'shops, spread over the five platforms', String(defaultDemoOptions.shops))
    .option('--agents <n>', 'sub-accounts (客服) per shop', String(defaultDemoOptions.agents))
    .option('--days <n>', 'days to generate', String(defaultDemoOptions.days))
    .option(
      '--buyers-per-day <n>',
      'buyers writing to each shop on an average day',
      String(defaultDemoOptions.buyersPerDay),
    )
    .option('--seed <n>', 'random seed', String(defaultDemoOptions.seed))
    .option('--start <date>', 'first day, YYYY-MM-DD', defaultDemoOptions.start)
    .addHelpText('after', helpText)
    .action(async (flags: DemoDataFlags) => {
      const options = {
        shops: whole('shops', flags.shops),
        agents: whole('agents', flags.agents),
        days: whole('days', flags.days),
        buyersPerDay: whole('buyers-per-day', flags.buyersPerDay),
        seed: whole('seed', flags.seed),
        start: flags.start,
      };
      const started = performance.now();
      let summary: Awaited<ReturnType<typeof writeDemoData>>;
      try {
        summary = await writeDemoData({ ...options, out: flags.out });
      } catch (error) {
        if (error instanceof RangeError) throw new CliError(error.message, 2);
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string')
          throw new CliError(`cannot write to ${flags.out}: ${(error as Error).message}`);
        throw error;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { counts, files } = summary;
      io.stdout(
        [
          `${summary.shops.length} shops, ${options.agents} agents each, ${options.days} days (${seconds} s)`,
          `  ${files.messages}  ${counts.messages} messages`,
          `  ${files.orders}  ${counts.orders} orders`,
          `  ${files.ratings}  ${counts.ratings} ratings`,
          `  ${files.tickets}  ${counts.tickets} tickets`,
          '',
        ].join('\n'),
      );
    });
};
