import {
  applyOverride,
  assessPlatforms,
  computeMetrics,
  dayToText,
  localDay,
  type MessageRecord,
  type MetricsComputation,
  MetricsData,
  type MetricsReport,
  type OrderRecord,
  type PlatformAssessment,
  type RatingRecord,
  type RollUpBy,
  resolveSettings,
  rollUp,
  type SettingsPresets,
  type TicketRecord,
  textToDay,
} from '../../domain/metrics/index.js';
import { MetricsError } from './metrics.errors.js';
import { checkSettings, type SettingsFile } from './metrics.settings.js';

type FileOptions = { file: string; timeZone?: string };

/** Streams one record kind from a file, as single records or batches. */
export type RecordSource<T> = (options: FileOptions) => AsyncIterable<T | T[]>;

export type RecordReaders = {
  messages: RecordSource<MessageRecord>;
  /**
   * Loads the messages file and the orders file (if any) straight into the engine's columns,
   * skipping the records (much faster for large CSV exports); returns how many of each it added,
   * null for a file it cannot read, which `messages`/`orders` must then read.
   */
  recordsInto?: (
    messages: FileOptions,
    orders: FileOptions | null,
    data: MetricsData,
  ) => Promise<{ messages: number | null; orders: number | null }>;
  orders: RecordSource<OrderRecord>;
  ratings: RecordSource<RatingRecord>;
  tickets: RecordSource<TicketRecord>;
};

export type MetricsFiles = { messages: string; orders?: string; ratings?: string; tickets?: string };

export type MetricsRunInput = {
  files: MetricsFiles;
  from?: string;
  to?: string;
  by: RollUpBy;
  /** The clock: days whose attribution window is still open at `now` are provisional. */
  now: number;
  timeZone?: string;
  presets: SettingsPresets;
  settings?: SettingsFile;
  readers: RecordReaders;
  assess?: boolean;
  /** Keep order ids for drill-downs (explain); off by default to save memory on large runs. */
  keepOrderIds?: boolean;
};

export type MetricsRun = {
  report: MetricsReport;
  assessments: PlatformAssessment[];
  computation: MetricsComputation;
  counts: { messages: number; orders: number; ratings: number; tickets: number };
};

const parseDay = (text: string | undefined, name: string): number | null => {
  if (text === undefined) return null;
  const day = textToDay(text);
  if (day === null)
    throw new MetricsError('metrics.bad_period', `--${name} ${text}: expected a date as YYYY-MM-DD`);
  return day;
};

const feed = async <T>(source: AsyncIterable<T | T[]>, add: (record: T) => void): Promise<number> => {
  let count = 0;
  for await (const item of source) {
    if (Array.isArray(item)) {
      for (const record of item) add(record);
      count += item.length;
    } else {
      add(item);
      count++;
    }
  }
  return count;
};

/** The first and last day that has any agent data, for assessments without an explicit period. */
const dataDays = (computation: MetricsComputation): { from: number; to: number } | null => {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const key of computation.agentDays.keys()) {
    const day = key % 1_000_000;
    from = Math.min(from, day);
    to = Math.max(to, day);
  }
  return Number.isFinite(from) ? { from, to } : null;
};

/**
 * `kefu metrics`: reads the chat, order, rating and ticket files, computes every KPI in one pass
 * and rolls it up over [from, to]. Records outside the period still serve as context.
 */
export const runMetrics = async (input: MetricsRunInput): Promise<MetricsRun> => {
  const from = parseDay(input.from, 'from');
  const to = parseDay(input.to, 'to');
  if (from !== null && to !== null && from > to)
    throw new MetricsError('metrics.bad_period', `--from ${input.from} is after --to ${input.to}`);
  const on = input.from ?? dayToText(localDay(input.now, 8 * 3_600_000));
  const data = new MetricsData(
    (shop, platform) => {
      const base = resolveSettings({ presets: input.presets, platform: platform ?? 'taobao', on });
      const all = input.settings ? applyOverride(base, input.settings.all) : base;
      const own = input.settings?.shops[shop];
      return checkSettings(own ? applyOverride(all, own) : all, shop, platform);
    },
    { keepOrderIds: input.keepOrderIds ?? false },
  );
  const { files, readers, timeZone } = input;
  const options = (file: string) => (timeZone ? { file, timeZone } : { file });
  const loaded = readers.recordsInto
    ? await readers.recordsInto(options(files.messages), files.orders ? options(files.orders) : null, data)
    : { messages: null, orders: null };
  const counts = {
    messages:
      loaded.messages ??
      (await feed(readers.messages(options(files.messages)), (record) => data.addMessage(record))),
    orders:
      loaded.orders ??
      (files.orders
        ? await feed(readers.orders(options(files.orders)), (record) => data.addOrder(record))
        : 0),
    ratings: files.ratings
      ? await feed(readers.ratings(options(files.ratings)), (record) => data.addRating(record))
      : 0,
    tickets: files.tickets
      ? await feed(readers.tickets(options(files.tickets)), (record) => data.addTicket(record))
      : 0,
  };
  const computation = computeMetrics({ data });
  const report = rollUp({ computation, from, to, by: input.by, now: input.now });
  const period = from !== null && to !== null ? { from, to } : dataDays(computation);
  const assessments =
    input.assess && period
      ? assessPlatforms({ computation, from: from ?? period.from, to: to ?? period.to })
      : [];
  return { report, assessments, computation, counts };
};
