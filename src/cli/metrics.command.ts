import { Option } from 'commander';
import { MetricsError } from '../app/metrics/metrics.errors.js';
import { loadPresets, loadSettingsFile } from '../app/metrics/metrics.settings.js';
import { type MetricsRun, type RecordReaders, runMetrics } from '../app/metrics/metrics.usecases.js';
import { explain, type RollUpBy, textToDay } from '../domain/metrics/index.js';
import { formatLocation } from '../domain/shared/index.js';
import { writeText } from '../io/csv/index.js';
import {
  type MetricsFormat,
  metricsCsv,
  metricsFormats,
  metricsJson,
  metricsTable,
  textTable,
  assessmentsCsv,
  writeMetricsXlsx,
} from '../io/metrics/index.js';
import {
  ImportError,
  loadChatsWithOrdersCsv,
  loadMessagesCsv,
  readMessages,
  readOrders,
  readRatings,
  readTickets,
} from '../io/records/index.js';
import type { CommandRegistration } from './cli.js';
import { CliError, type CliIo } from './cli.io.js';
import { createWriteStream } from 'node:fs';
import { closeStream } from '../io/csv/index.js';

type MetricsOptions = {
  messages: string;
  orders?: string;
  ratings?: string;
  tickets?: string;
  from?: string;
  to?: string;
  by: RollUpBy;
  settings?: string;
  format: MetricsFormat;
  out?: string;
  assess?: boolean;
  explain?: string;
  agent?: string;
  now?: string;
  timeZone?: string;
};

// One pass per file: a bad row fails the command anyway, so the readers need not validate first.
const readers: RecordReaders = {
  messages: (options) => readMessages({ ...options, validateFirst: false }),
  recordsInto: async (messages, orders, data) => {
    if (!orders) return { messages: (await loadMessagesCsv(messages, data))?.records ?? null, orders: null };
    const loaded = await loadChatsWithOrdersCsv(messages, orders, data);
    return { messages: loaded.messages?.records ?? null, orders: loaded.orders?.records ?? null };
  },
  orders: (options) => readOrders({ ...options, validateFirst: false }),
  ratings: (options) => readRatings({ ...options, validateFirst: false }),
  tickets: (options) => readTickets({ ...options, validateFirst: false }),
};

const clockOf = (now: string | undefined): number => {
  if (now === undefined) return Date.now();
  const time = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(now) ? now : `${now.replace(' ', 'T')}+08:00`);
  if (Number.isNaN(time))
    throw new CliError(`--now ${now}: expected a date-time such as 2026-03-10T12:00:00+08:00`, 2);
  return time;
};

/** `--explain METRIC [--agent A]`: the buyers and conversations behind a number, over --from/--to. */
const renderExplain = (run: MetricsRun, options: MetricsOptions, metric: string): string => {
  let result: ReturnType<typeof explain>;
  try {
    result = explain({
      computation: run.computation,
      metric,
      ...(options.agent ? { agent: options.agent } : {}),
      from: options.from ? textToDay(options.from) : null,
      to: options.to ? textToDay(options.to) : null,
    });
  } catch {
    throw new CliError(`--explain ${metric}: not a metric (e.g. consulted, served, inquiriesPaid, sales)`, 2);
  }
  if (options.format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const lines = result.refs.map((ref) => [
    ref.shop,
    ref.buyer,
    ref.agent ?? '',
    ref.day,
    ref.order ?? '',
    ref.hit ? '是' : '否',
  ]);
  return `${textTable(['店铺', '买家', '客服', '日期', '订单', '计入分子'], lines)}共 ${result.buyers.length} 位买家\n`;
};

const render = (run: MetricsRun, options: MetricsOptions): string => {
  if (options.explain) return renderExplain(run, options, options.explain);
  const assessments = options.assess ? run.assessments : undefined;
  if (options.format === 'json') return metricsJson(run.report, assessments);
  if (options.format === 'csv')
    return metricsCsv(run.report) + (assessments ? `\n${assessmentsCsv(assessments)}` : '');
  return metricsTable(run.report, assessments);
};

const emit = async (run: MetricsRun, options: MetricsOptions, io: CliIo) => {
  if (options.format === 'xlsx') {
    if (!options.out) throw new CliError('--format xlsx needs --out FILE.xlsx', 2);
    await writeMetricsXlsx(options.out, run.report, options.assess ? run.assessments : []);
    return;
  }
  const text = render(run, options);
  if (!options.out) {
    io.stdout(text);
    return;
  }
  const stream = createWriteStream(options.out);
  await writeText(stream, text);
  await closeStream(stream);
};

const asCliError = (error: unknown): unknown => {
  if (error instanceof ImportError) {
    const lines = error.issues.slice(0, 10).map((issue) => `  ${formatLocation(issue.at)}: ${issue.message}`);
    return new CliError([error.message, ...lines].join('\n'), 1);
  }
  if (error instanceof MetricsError)
    return new CliError(error.message, error.code === 'metrics.bad_period' ? 2 : 1);
  return error;
};

const action = (io: CliIo) => async (options: MetricsOptions) => {
  try {
    const presets = await loadPresets();
    const settings = options.settings ? await loadSettingsFile(options.settings) : undefined;
    const run = await runMetrics({
      files: {
        messages: options.messages,
        ...(options.orders ? { orders: options.orders } : {}),
        ...(options.ratings ? { ratings: options.ratings } : {}),
        ...(options.tickets ? { tickets: options.tickets } : {}),
      },
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(settings ? { settings } : {}),
      by: options.by,
      now: clockOf(options.now),
      presets,
      readers,
      assess: options.assess === true,
      keepOrderIds: options.explain !== undefined,
    });
    await emit(run, options, io);
  } catch (error) {
    throw asCliError(error);
  }
};

/** `kefu metrics`: KPIs (绩效) per agent, day, team or shop from exported chats and orders. */
export const registerMetricsCommand: CommandRegistration = (program, io) => {
  program
    .command('metrics')
    .description('计算客服绩效：咨询/接待/响应/询单转化/销售/协助/满意度，及拼多多、抖音、京东考核')
    .requiredOption('--messages <file>', 'chat messages (CSV/TSV, JSONL or XLSX)')
    .option('--orders <file>', 'orders')
    .option('--ratings <file>', 'service ratings')
    .option('--tickets <file>', 'JD after-sale service tickets')
    .option('--from <day>', 'first reported day, YYYY-MM-DD (shop-local)')
    .option('--to <day>', 'last reported day, YYYY-MM-DD')
    .addOption(
      new Option('--by <level>', 'one row per')
        .choices(['agent', 'agent-day', 'team', 'shop'])
        .default('agent'),
    )
    .option(
      '--settings <file>',
      'JSON settings overriding the presets (all shops, or per shop under "shops")',
    )
    .addOption(new Option('--format <format>', 'output format').choices([...metricsFormats]).default('table'))
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--assess', 'add platform assessments (PDD, Douyin, JD) with what it would take to pass')
    .option('--explain <metric>', 'list the buyers and conversations behind a metric instead of the rows')
    .option('--agent <subAccount>', 'with --explain: only this agent (子账号)')
    .option('--now <time>', 'the clock for provisional days (default: now)')
    .option('--time-zone <zone>', 'time zone of times written without an offset (default Asia/Shanghai)')
    .action(action(io));
};
