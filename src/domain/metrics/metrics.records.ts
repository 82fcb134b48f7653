import type { Fen, Millis, Platform } from '../shared/index.js';

/** Who sent a chat message. */
export type Sender = 'buyer' | 'agent' | 'system';

/**
 * How an agent message was produced. `human` and `assist` (智能辅助: the agent sent a
 * suggested reply) count as manual replies; `auto` (自动回复, robot) and `welcome`
 * (欢迎语) never stop a clock nor make a buyer served.
 */
export type ReplyKind = 'human' | 'assist' | 'auto' | 'welcome';

/** One chat message as imported from a shop's export. Times are epoch milliseconds (UTC). */
export type MessageRecord = {
  shop: string;
  platform: Platform;
  /** Platform conversation id when the export has one. */
  conversation?: string;
  buyer: string;
  /** The sub-account (子账号) the conversation is with, e.g. `旗舰店:小美`. */
  agent: string;
  sender: Sender;
  time: Millis;
  text: string;
  /** Meaningful for agent messages; buyer and system messages carry `human`. */
  kind: ReplyKind;
};

/** One order. Amounts are paid goods amounts in 分, shipping excluded. */
export type OrderRecord = {
  shop: string;
  order: string;
  buyer: string;
  created: Millis;
  /** Null while unpaid. */
  paid: Millis | null;
  amount: Fen;
  items: number;
  status: string;
  refund: Fen;
  /** Optional facts used by inspection rules that join chats with orders. */
  shipped?: Millis | null;
  postage?: Fen | null;
  closedBy?: 'buyer' | 'seller' | 'system' | null;
  sku?: string | null;
  /**
   * A supervisor's ruling on who is credited with this order (落实客服改判): one of the
   * sub-accounts that served the buyer, or null for no one. Absent: the credit mode decides.
   */
  creditAgent?: string | null;
};

/** A buyer's rating of the service (客服评价), 1-5 stars (非常不满意 … 非常满意). */
export type RatingRecord = {
  shop: string;
  conversation?: string;
  buyer: string;
  agent: string;
  time: Millis;
  stars: 1 | 2 | 3 | 4 | 5;
};

/** A JD after-sale service ticket (服务单). */
export type TicketRecord = {
  shop: string;
  ticket: string;
  agent: string;
  applied: Millis;
  reviewed: Millis | null;
  ready: Millis | null;
  resolved: Millis | null;
  awaitingCustomer: boolean;
  sampled: boolean;
  samplePassed: boolean | null;
};
