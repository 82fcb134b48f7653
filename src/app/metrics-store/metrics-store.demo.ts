import { Writable } from 'node:stream';
import { dayToText, localDay } from '../../domain/metrics/index.js';
import {
  type ByteSource,
  readMessages,
  readOrders,
  readRatings,
  readTickets,
} from '../../io/records/index.js';
import type { Db } from '../../store/database.js';
import {
  insertMessages,
  insertOrders,
  insertRatings,
  insertTickets,
  type RecordTarget,
} from '../../store/metrics.repository.js';
import { listShops, listSubAccounts } from '../../store/shops.repository.js';
import { type DemoFile, generateDemoData } from '../demo-data/index.js';

/** How much KPI data the demo organisation gets: modest, so a first start stays quick. */
export type DemoMetricsOptions = { days: number; buyersPerDay: number; seed: number };

export const defaultDemoMetrics: DemoMetricsOptions = { days: 30, buyersPerDay: 30, seed: 7 };

const shanghaiMs = 8 * 3_600_000;

/** A Writable that keeps what it is given, for reading the generated CSV back. */
const collector = () => {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  const source = (): ByteSource =>
    (async function* () {
      yield new Uint8Array(Buffer.concat(chunks));
    })();
  return { stream, source };
};

type Mapper = { target: (record: { shop: string }) => RecordTarget; agent: (name: string) => string };

/** Maps the generator's shops (one per platform, in order) and agents onto the demo organisation's. */
const demoMapper = async (
  db: Db,
  organizationId: string,
  generated: { name: string; agents: string[] }[],
) => {
  const shops = await listShops({ db, organizationId });
  const targets = new Map<string, RecordTarget>();
  const agents = new Map<string, string>();
  for (const [index, shop] of generated.entries()) {
    const own = shops[index];
    if (!own) continue;
    targets.set(shop.name, {
      organizationId,
      shopId: own.id,
      day: (time) => localDay(time, shanghaiMs),
    });
    const subAccounts = await listSubAccounts({ db, organizationId, shopId: own.id });
    for (const [at, agent] of shop.agents.entries()) {
      const sub = subAccounts[at % Math.max(subAccounts.length, 1)];
      if (sub) agents.set(agent, sub.name);
    }
  }
  const mapper: Mapper = {
    target: (record) => {
      const found = targets.get(record.shop);
      if (!found) throw new Error(`demo metrics: no shop for ${record.shop}`);
      return found;
    },
    agent: (name) => agents.get(name) ?? name,
  };
  return mapper;
};

/**
 * Gives the demo organisation `days` days of generated chats, orders, ratings and tickets ending
 * yesterday, so the 绩效 dashboard has something to show on a first start.
 */
export const seedDemoMetrics = async ({
  db,
  organizationId,
  now,
  options = defaultDemoMetrics,
}: {
  db: Db;
  organizationId: string;
  now: Date;
  options?: DemoMetricsOptions;
}): Promise<Record<DemoFile, number>> => {
  const today = localDay(now.getTime(), shanghaiMs);
  const out = { messages: collector(), orders: collector(), ratings: collector(), tickets: collector() };
  const summary = await generateDemoData({
    shops: 5,
    agents: 3,
    days: options.days,
    buyersPerDay: options.buyersPerDay,
    seed: options.seed,
    start: dayToText(today - options.days),
    writers: {
      messages: out.messages.stream,
      orders: out.orders.stream,
      ratings: out.ratings.stream,
      tickets: out.tickets.stream,
    },
  });
  const map = await demoMapper(db, organizationId, summary.shops);
  const read = (file: DemoFile) => ({
    file: `${file}.csv`,
    source: out[file].source(),
    mode: 'skip' as const,
  });
  for await (const batch of readMessages(read('messages')))
    await insertMessages({
      db,
      target: map.target,
      records: batch.map((m) => ({ ...m, agent: map.agent(m.agent) })),
    });
  for await (const batch of readOrders(read('orders')))
    await insertOrders({ db, target: map.target, records: batch });
  for await (const batch of readRatings(read('ratings')))
    await insertRatings({
      db,
      target: map.target,
      records: batch.map((r) => ({ ...r, agent: map.agent(r.agent) })),
    });
  for await (const batch of readTickets(read('tickets')))
    await insertTickets({
      db,
      target: map.target,
      records: batch.map((t) => ({ ...t, agent: map.agent(t.agent) })),
    });
  return summary.counts;
};
