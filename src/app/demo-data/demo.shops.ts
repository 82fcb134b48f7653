import { type Platform, platformNames, platforms } from '../../domain/shared/index.js';
import { agentNicks, shopBrands, shopSuffix } from './demo.phrases.js';
import type { Random } from './demo.random.js';

/** A generated shop and its running state (counters, buyers with earlier orders). */
export type DemoShop = {
  index: number;
  name: string;
  platform: Platform;
  platformName: string;
  agents: string[];
  /** Typical price band of the shop's goods, in 分. */
  priceMin: number;
  priceMax: number;
  /** Whether the shop sends an automatic greeting (欢迎语) on a buyer's first message. */
  welcome: boolean;
  buyerPrefix: string;
  buyers: number;
  orders: number;
  tickets: number;
  conversations: number;
  /** A ring of recent buyers with paid orders: the after-sale consultations come from them. */
  customers: string[];
  customerCursor: number;
  /** Today's paying buyers; they join `customers` when the day is over, so after-sale follows the order. */
  todaysCustomers: string[];
};

const buyerPrefixes: Record<Platform, string> = {
  tmall: 'tb_',
  taobao: 'tb_',
  pdd: 'pdd_',
  jd: 'jd_',
  douyin: 'dy_',
};
const customerRing = 4096;

/** Builds `count` shops across the five platforms, each with `agents` sub-accounts `店铺:昵称`. */
export const makeShops = (count: number, agents: number, random: Random): DemoShop[] =>
  Array.from({ length: count }, (_, index) => {
    const platform = platforms[index % platforms.length] as Platform;
    const round = Math.floor(index / shopBrands.length);
    const name = `${shopBrands[index % shopBrands.length]}${shopSuffix[platform]}${round > 0 ? round + 1 : ''}`;
    const base = random.pick([1990, 3990, 5990, 9990, 19900, 39900]);
    return {
      index,
      name,
      platform,
      platformName: platformNames[platform],
      agents: Array.from({ length: agents }, (_, at) => {
        const lap = Math.floor(at / agentNicks.length);
        return `${name}:${agentNicks[at % agentNicks.length]}${lap > 0 ? lap + 1 : ''}`;
      }),
      priceMin: base,
      priceMax: base * 4,
      welcome: random.chance(0.6),
      buyerPrefix: buyerPrefixes[platform],
      buyers: 0,
      orders: 0,
      tickets: 0,
      conversations: 0,
      customers: [],
      customerCursor: 0,
      todaysCustomers: [],
    };
  });

/** A new buyer id, unique within the shop; a bijective scramble makes ids look unordered. */
export const newBuyer = (shop: DemoShop): string => {
  shop.buyers++;
  let x = Math.imul(shop.buyers ^ 0x5bd1e995, 0x2c1b3c6d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  return `${shop.buyerPrefix}${x.toString(36)}${(shop.buyers % 36).toString(36)}`;
};

export const rememberCustomer = (shop: DemoShop, buyer: string): void => {
  shop.todaysCustomers.push(buyer);
};

/** Ends a shop's day: its paying buyers may come back with after-sale questions from tomorrow on. */
export const closeDay = (shop: DemoShop): void => {
  for (const buyer of shop.todaysCustomers) {
    if (shop.customers.length < customerRing) shop.customers.push(buyer);
    else shop.customers[shop.customerCursor] = buyer;
    shop.customerCursor = (shop.customerCursor + 1) % customerRing;
  }
  shop.todaysCustomers = [];
};

export const nextOrderId = (shop: DemoShop): string => {
  shop.orders++;
  return `${100 + shop.index}${String(shop.orders).padStart(10, '0')}`;
};

export const nextConversationId = (shop: DemoShop): string => {
  shop.conversations++;
  return `c${shop.index}-${shop.conversations}`;
};

export const nextTicketId = (shop: DemoShop): string => {
  shop.tickets++;
  return `JD${100 + shop.index}${String(shop.tickets).padStart(8, '0')}`;
};
