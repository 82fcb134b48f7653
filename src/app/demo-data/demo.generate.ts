import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { closeStream, writeText } from '../../io/csv/index.js';
import { maybeConvert, maybeRate, maybeSellerClosed, maybeTicket, placeOrder } from './demo.commerce.js';
import { DemoBuffers, type DemoFile, demoHeaders, headerLine, WallClock } from './demo.output.js';
import { cumulative, Random } from './demo.random.js';
import { type DemoContext, simulateChat } from './demo.session.js';
import { closeDay, type DemoShop, makeShops, newBuyer } from './demo.shops.js';

export type DemoOptions = {
  shops: number;
  /** Sub-accounts per shop. */
  agents: number;
  days: number;
  /** Buyers who write to each shop on an average day. */
  buyersPerDay: number;
  seed: number;
  /** First day, `YYYY-MM-DD`, in the shops' zone (Asia/Shanghai). */
  start: string;
};

export const defaultDemoOptions: DemoOptions = {
  shops: 3,
  agents: 5,
  days: 7,
  buyersPerDay: 200,
  seed: 1,
  start: '2024-06-03',
};

export type DemoSummary = {
  counts: Record<DemoFile, number>;
  shops: { name: string; platform: string; agents: string[] }[];
};

const secondsPerDay = 86_400;
/** Buyers per hour of the day: peaks 10-12, 14-17 and 20-23, a quiet night. */
const arrivalCurve = cumulative([
  2, 1, 0.5, 0.3, 0.2, 0.3, 0.8, 2, 4, 6, 9, 9, 7, 6, 8, 8, 8, 7, 6, 7, 9, 10, 9, 5,
]);
const flushAt = 1 << 20;
/** Mixed into the seed of the order-facts stream, so it differs from the main one. */
const factsSeed = 0x2545f491;
const files = Object.keys(demoHeaders) as DemoFile[];

const arrival = (random: Random, dayStart: number): number =>
  dayStart + random.weighted(arrivalCurve) * 3600 + random.int(0, 3599);

/** One buyer of one day: spam, an after-sale question from an earlier customer, or a new buyer. */
const simulateBuyer = (context: DemoContext, shop: DemoShop, dayStart: number): void => {
  const { random } = context;
  const start = arrival(random, dayStart);
  const draw = random.next();
  if (draw < 0.03) {
    simulateChat(context, shop, newBuyer(shop), start, 'ad');
    return;
  }
  if (draw < 0.18 && shop.customers.length > 0) {
    const buyer = random.pick(shop.customers);
    const chat = simulateChat(context, shop, buyer, start, 'aftersale');
    maybeSellerClosed(context, shop, buyer, chat);
    maybeRate(context, shop, buyer, chat);
    maybeTicket(context, shop, chat);
    if (random.chance(0.05)) placeOrder(context, shop, buyer, chat.end + random.int(60, 1800), chat.promised);
    return;
  }
  const buyer = newBuyer(shop);
  const chat = simulateChat(context, shop, buyer, start, 'presale');
  maybeSellerClosed(context, shop, buyer, chat);
  maybeConvert(context, shop, buyer, chat);
  maybeRate(context, shop, buyer, chat);
};

const validate = (options: DemoOptions): number => {
  for (const key of ['shops', 'agents', 'days', 'buyersPerDay'] as const) {
    const value = options[key];
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`${key} must be a whole number ≥ 1 (got ${value})`);
  }
  if (!Number.isInteger(options.seed))
    throw new RangeError(`seed must be a whole number (got ${options.seed})`);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(options.start)
    ? Date.parse(`${options.start}T00:00:00Z`)
    : Number.NaN;
  if (Number.isNaN(day)) throw new RangeError(`start must be a date YYYY-MM-DD (got "${options.start}")`);
  return day / 1000;
};

const drain = async (buffers: DemoBuffers, writers: Record<DemoFile, Writable>): Promise<void> => {
  for (const file of files) {
    const chunk = buffers.take(file);
    if (chunk.length > 0) await writeText(writers[file], chunk);
  }
};

/**
 * Generates synthetic chats, orders, ratings and JD tickets for demos and benchmarks and streams
 * them as CSV (Chinese headers, times `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai) to the four
 * writers. Deterministic for a seed; memory stays bounded whatever the size (text is flushed
 * every megabyte). The writers are not closed.
 */
export const generateDemoData = async ({
  writers,
  ...partial
}: Partial<DemoOptions> & { writers: Record<DemoFile, Writable> }): Promise<DemoSummary> => {
  const options = { ...defaultDemoOptions, ...partial };
  const firstDay = validate(options);
  const random = new Random(options.seed);
  const shops = makeShops(options.shops, options.agents, random);
  const context: DemoContext = {
    random,
    facts: new Random(options.seed ^ factsSeed),
    clock: new WallClock(),
    out: new DemoBuffers(),
    end: firstDay + options.days * secondsPerDay,
  };
  for (const file of files) await writeText(writers[file], headerLine(file));
  for (let day = 0; day < options.days; day++) {
    const dayStart = firstDay + day * secondsPerDay;
    for (const shop of shops) {
      const buyers = Math.max(1, Math.round(options.buyersPerDay * (0.8 + 0.4 * random.next())));
      for (let index = 0; index < buyers; index++) {
        simulateBuyer(context, shop, dayStart);
        if (context.out.size() >= flushAt) await drain(context.out, writers);
      }
      // Silent orders: buyers who buy without asking anything.
      const silent = Math.round(buyers * 0.1);
      for (let index = 0; index < silent; index++) {
        placeOrder(context, shop, newBuyer(shop), arrival(random, dayStart));
      }
      closeDay(shop);
    }
  }
  await drain(context.out, writers);
  return {
    counts: { ...context.out.counts },
    shops: shops.map((shop) => ({ name: shop.name, platform: shop.platform, agents: shop.agents })),
  };
};

/** Generates into `out/messages.csv`, `orders.csv`, `ratings.csv` and `tickets.csv`. */
export const writeDemoData = async ({ out, ...options }: Partial<DemoOptions> & { out: string }) => {
  await mkdir(out, { recursive: true });
  const open = (file: DemoFile): Writable =>
    createWriteStream(join(out, `${file}.csv`), { highWaterMark: 1 << 20 });
  const writers: Record<DemoFile, Writable> = {
    messages: open('messages'),
    orders: open('orders'),
    ratings: open('ratings'),
    tickets: open('tickets'),
  };
  try {
    const summary = await generateDemoData({ ...options, writers });
    return {
      ...summary,
      files: Object.fromEntries(files.map((file) => [file, join(out, `${file}.csv`)])) as Record<
        DemoFile,
        string
      >,
    };
  } finally {
    await Promise.all(files.map((file) => closeStream(writers[file])));
  }
};
