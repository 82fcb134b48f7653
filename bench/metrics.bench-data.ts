import { closeSync, openSync, writeSync } from 'node:fs';

// A minimal, deterministic generator of chat and order CSVs for the KPI benchmark: two shops,
// 20 agents each, a month of conversations. Each buyer talks to one agent, so a plain SQL
// reading of the KPI definitions (the DuckDB baseline) can compute the same numbers.

const hourMs = 3_600_000;
const dayMs = 86_400_000;
const startDay = Date.UTC(2026, 2, 1) / dayMs;
const days = 30;

/** Mulberry32: a tiny seeded PRNG so every run writes the same files. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
/** Wall-clock text of a shop-local time given as ms since 1970-01-01 local. */
const wall = (local: number) => {
  const d = new Date(local);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

class Out {
  private buffer = '';
  private readonly fd: number;
  constructor(file: string, header: string) {
    this.fd = openSync(file, 'w');
    this.buffer = header;
  }
  line(text: string) {
    this.buffer += text;
    if (this.buffer.length > 1 << 20) this.flush();
  }
  flush() {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

const shops: BenchShop[] = [
  { name: '云杉家居旗舰店', platform: 'tmall' },
  { name: '小满零食拼多多店', platform: 'pdd' },
];
const questions = ['在吗', '这个有现货吗', '什么时候发货', '能便宜点吗', '尺码怎么选', '包邮吗'];
const answers = [
  '亲，在的',
  '有现货的亲',
  '今天下单明天发',
  '已经是活动价了哦',
  '按平时尺码选就可以',
  '全国包邮哦',
];

export type BenchShop = { name: string; platform: 'tmall' | 'pdd' };

/** Where generated records go: CSV files for the `kefu metrics` path, or straight into the engine. */
export type BenchSink = {
  /** `local` is shop-local wall-clock time as milliseconds since 1970-01-01 local. */
  message: (
    shop: BenchShop,
    buyer: string,
    agent: string,
    sender: 'buyer' | 'agent',
    local: number,
    text: string,
    kind: 'human' | 'welcome',
  ) => void;
  order: (
    shop: BenchShop,
    id: string,
    buyer: string,
    created: number,
    paid: number | null,
    amount: string,
    items: number,
  ) => void;
};

/** CSV files as shops export them (wall-clock times, amounts in 元). */
export const csvSink = (dir: string): { sink: BenchSink; close: () => void } => {
  const chat = new Out(`${dir}/messages.csv`, 'shop,platform,buyer,agent,sender,time,text,kind\n');
  const orders = new Out(`${dir}/orders.csv`, 'shop,order,buyer,created,paid,amount,items,status,refund\n');
  return {
    sink: {
      message: (shop, buyer, agent, sender, local, text, kind) =>
        chat.line(
          `${shop.name},${shop.platform},${buyer},${agent},${sender},${wall(local)},${text},${kind}\n`,
        ),
      order: (shop, id, buyer, created, paid, amount, items) =>
        orders.line(
          `${shop.name},${id},${buyer},${wall(created)},${paid === null ? '' : wall(paid)},${amount},${items},paid,0\n`,
        ),
    },
    close: () => {
      chat.close();
      orders.close();
    },
  };
};

/** Generates `messages` chat messages and about a tenth as many orders; returns the counts. */
export const generateBench = ({ messages, sink }: { messages: number; sink: BenchSink }) => {
  const next = random(42);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  let written = 0;
  let orderCount = 0;
  let conversation = 0;
  const perDay = Math.ceil(messages / days / 9);
  while (written < messages) {
    const day = startDay + Math.min(days - 1, Math.floor(conversation / perDay));
    const shop = shops[conversation % 2] as BenchShop;
    const buyer = `b${conversation}`;
    const agent = `${shop.name}:客服${pad(Math.floor(next() * 20))}`;
    let time = day * dayMs + 8 * hourMs + Math.floor(next() * 16 * hourMs);
    if (next() < 0.3) {
      sink.message(shop, buyer, agent, 'agent', time, '欢迎光临', 'welcome');
      written++;
    }
    const turns = 1 + Math.floor(next() * 4);
    for (let turn = 0; turn < turns && written < messages; turn++) {
      const asks = 1 + Math.floor(next() * 3);
      for (let ask = 0; ask < asks; ask++) {
        sink.message(shop, buyer, agent, 'buyer', time, pick(questions), 'human');
        written++;
        time += 1000 * (5 + Math.floor(next() * 35));
      }
      if (next() < 0.05) break;
      time += 1000 * Math.floor(next() * 200);
      sink.message(shop, buyer, agent, 'agent', time, pick(answers), 'human');
      written++;
      time += 1000 * (20 + Math.floor(next() * 300));
    }
    if (next() < 0.7) {
      const created = time + Math.floor(next() * 20 * hourMs);
      const paid = next() < 0.85 ? created + Math.floor(next() * 30 * hourMs) : null;
      const amount = (20 + Math.floor(next() * 48_000) / 100).toFixed(2);
      sink.order(shop, `o${orderCount++}`, buyer, created, paid, amount, 1 + Math.floor(next() * 3));
    }
    if (next() < 0.1) {
      const created = day * dayMs + Math.floor(next() * dayMs);
      const amount = (10 + Math.floor(next() * 20_000) / 100).toFixed(2);
      sink.order(shop, `o${orderCount++}`, `s${conversation}`, created, created + 60_000, amount, 1);
    }
    conversation++;
  }
  return { messages: written, orders: orderCount };
};

/** Writes the benchmark CSVs into `dir`. */
export const generateBenchData = ({ messages, dir }: { messages: number; dir: string }) => {
  const { sink, close } = csvSink(dir);
  const counts = generateBench({ messages, sink });
  close();
  return counts;
};
