import type { Platform } from '../shared/index.js';
import {
  float64Column,
  Interner,
  int32Column,
  RowChains,
  TimeColumn,
  uint8Column,
} from './metrics.columns.js';
import { ScopedInterner } from './metrics.interner.js';
import { holdsLead, leadingChars } from './metrics.prefilter.js';
import type { MessageRecord, OrderRecord, RatingRecord, TicketRecord } from './metrics.records.js';
import type { MetricsSettings } from './metrics.settings.js';

const senderCodes = { buyer: 0, agent: 1, system: 2 } as const;
const kindCodes = { human: 0, assist: 1, auto: 2, welcome: 3 } as const;

/** Sender and reply kind packed in one byte: sender * 4 + kind. */
export const messageCode = {
  of: (sender: keyof typeof senderCodes, kind: keyof typeof kindCodes) =>
    senderCodes[sender] * 4 + kindCodes[kind],
  sender: (code: number) => code >> 2,
  kind: (code: number) => code & 3,
  buyer: 0,
  agent: 1,
  autoKind: 2,
} as const;

/** Why a buyer is left out of the agent metrics; 0 = counted. */
export const filterReason = { none: 0, advertiser: 1, account: 2, staff: 3, ownAccount: 4 } as const;

/** An order's credit ruling besides an agent id: none given, or credit no one. */
export const creditRuling = { none: -2, noOne: -1 } as const;

/** The numbers of an order the engine keeps (money in 分, times epoch ms). */
export type OrderFacts = Pick<OrderRecord, 'created' | 'paid' | 'amount' | 'items' | 'refund'>;

/** Resolves the settings of a shop from its platform (null when only orders name the shop). */
export type SettingsForShop = (shop: string, platform: Platform | null) => MetricsSettings;

/**
 * The engine's input, held as interned columns: one row per message, order and rating and no
 * message text (ad patterns are matched as messages arrive). Feed it records in any order.
 */
export class MetricsData {
  readonly shops = new Interner();
  readonly shopPlatform: (Platform | null)[] = [];
  readonly shopSettings: (MetricsSettings | undefined)[] = [];
  private readonly shopAds: (RegExp | null)[] = [];
  /** The characters an ad match can start with, per shop (null: unknown, test every text). */
  private readonly shopAdLeads: (Uint8Array | null)[] = [];
  /** Buyers interned per shop: a buyer id is a (shop, buyer) pair. */
  readonly buyers = new ScopedInterner();
  readonly agents = new ScopedInterner();
  /** A `filterReason` per buyer; advertisers are marked as messages arrive, the rest by `classifyBuyers`. */
  readonly filtered = uint8Column();

  /** Messages chained per buyer. */
  readonly buyerMessages = new RowChains();
  readonly messageAgent = int32Column();
  readonly messageTime = new TimeColumn();
  readonly messageCode = uint8Column();

  readonly buyerOrders = new RowChains();
  readonly orderCreated = float64Column();
  /** NaN while unpaid. */
  readonly orderPaid = float64Column();
  readonly orderAmount = float64Column();
  readonly orderItems = int32Column();
  readonly orderRefund = float64Column();
  /** A supervisor's credit ruling per order: `noRuling`, `creditNoOne`, or the agent id. */
  readonly orderCredit = int32Column();
  /** Order ids for drill-downs; null when the caller asked not to keep them (saves memory). */
  readonly orderIds: string[] | null;

  readonly ratingBuyer = int32Column();
  readonly ratingAgent = int32Column();
  readonly ratingTime = float64Column();
  readonly ratingStars = uint8Column();

  readonly tickets: (TicketRecord & { shopId: number; agentId: number })[] = [];

  constructor(
    private readonly settingsFor: SettingsForShop,
    { keepOrderIds = true }: { keepOrderIds?: boolean } = {},
  ) {
    this.orderIds = keepOrderIds ? [] : null;
  }

  /** The id of a shop; the first platform named for it picks its settings. */
  shopId(shop: string, platform: Platform | null): number {
    const id = this.shops.id(shop);
    if (id === this.shopPlatform.length) {
      this.shopPlatform.push(null);
      this.shopSettings.push(undefined);
      this.shopAds.push(null);
      this.shopAdLeads.push(null);
    }
    if (platform && this.shopSettings[id] === undefined) {
      const settings = this.settingsFor(shop, platform);
      this.shopPlatform[id] = platform;
      this.shopSettings[id] = settings;
      const ads = settings.adPatterns.join('|');
      this.shopAds[id] = ads.length > 0 ? new RegExp(ads, 'i') : null;
      this.shopAdLeads[id] = ads.length > 0 ? leadingChars(ads, true) : null;
    }
    return id;
  }

  /** The id of a buyer of a shop (a buyer id is a (shop, buyer) pair). */
  buyerId(shop: number, buyer: string): number {
    return this.noteBuyer(this.buyers.size, this.buyers.id(shop, buyer));
  }

  /** `buyerId` for a name given as UTF-8 bytes (`bytes[start, end)`), as a byte-level reader has it. */
  buyerIdOfBytes(shop: number, bytes: Uint8Array, start: number, end: number): number {
    return this.noteBuyer(this.buyers.size, this.buyers.idOfBytes(shop, bytes, start, end));
  }

  /** Gives a buyer seen for the first time its rows in the per-buyer columns. */
  private noteBuyer(before: number, id: number): number {
    if (id === before) {
      this.filtered.push(filterReason.none);
      this.buyerMessages.addGroup();
      this.buyerOrders.addGroup();
    }
    return id;
  }

  /** The settings of a shop (resolved without a platform when no message named one). */
  settingsOf(shop: number): MetricsSettings {
    let settings = this.shopSettings[shop];
    if (!settings) {
      settings = this.settingsFor(this.shops.names[shop] ?? '', null);
      this.shopSettings[shop] = settings;
    }
    return settings;
  }

  /** The id of an agent (子账号) of a shop. */
  agentId(shop: number, agent: string): number {
    return this.agents.id(shop, agent);
  }

  /** `agentId` for a name given as UTF-8 bytes. */
  agentIdOfBytes(shop: number, bytes: Uint8Array, start: number, end: number): number {
    return this.agents.idOfBytes(shop, bytes, start, end);
  }

  addMessage(message: MessageRecord): void {
    const shop = this.shopId(message.shop, message.platform);
    const buyer = this.buyerId(shop, message.buyer);
    const sender = senderCodes[message.sender];
    if (sender === senderCodes.buyer && this.screensText(shop, buyer))
      this.screenText(shop, buyer, message.text);
    this.appendMessage(
      buyer,
      this.agentId(shop, message.agent),
      messageCode.of(message.sender, message.kind),
      message.time,
    );
  }

  /**
   * Whether a buyer message's text must be looked at: the shop has ad patterns and the buyer is
   * not left out yet. Readers that hold raw bytes decode the text only then.
   */
  screensText(shop: number, buyer: number): boolean {
    return this.shopAds[shop] != null && this.filtered.get(buyer) === filterReason.none;
  }

  /**
   * `screensText` for a text a reader holds as UTF-8 bytes: also false when the text has no
   * character an ad match could start with, so it need not be decoded.
   */
  screensBytes(shop: number, buyer: number, bytes: Uint8Array, start: number, end: number): boolean {
    if (!this.screensText(shop, buyer)) return false;
    const leads = this.shopAdLeads[shop];
    return leads == null || holdsLead(leads, bytes, start, end);
  }

  /** Marks the buyer as an advertiser (广告) when a message of theirs matches the shop's ad patterns. */
  screenText(shop: number, buyer: number, text: string): void {
    if (this.shopAds[shop]?.test(text)) this.filtered.set(buyer, filterReason.advertiser);
  }

  /**
   * Adds a message by ids, for readers that intern names themselves (no record object per row);
   * `code` is `messageCode.of(sender, kind)`, `time` epoch ms.
   */
  appendMessage(buyer: number, agent: number, code: number, time: number): void {
    this.buyerMessages.add(buyer, this.messageTime.length);
    this.messageAgent.push(agent);
    this.messageTime.push(time);
    this.messageCode.push(code);
  }

  addOrder(order: OrderRecord): void {
    const shop = this.shopId(order.shop, null);
    const credit =
      order.creditAgent === undefined
        ? creditRuling.none
        : order.creditAgent === null
          ? creditRuling.noOne
          : this.agents.id(shop, order.creditAgent);
    this.appendOrder(this.buyerId(shop, order.buyer), order, credit, order.order);
  }

  /**
   * Adds an order by ids, for readers that intern names themselves; `credit` is a
   * `creditRuling` or an agent id, `order` the order id (kept only for drill-downs).
   */
  appendOrder(buyer: number, facts: OrderFacts, credit: number, order: string | (() => string)): void {
    this.buyerOrders.add(buyer, this.orderCreated.length);
    this.orderCreated.push(facts.created);
    this.orderPaid.push(facts.paid ?? Number.NaN);
    this.orderAmount.push(facts.amount);
    this.orderItems.push(facts.items);
    this.orderRefund.push(facts.refund);
    this.orderCredit.push(credit);
    this.orderIds?.push(typeof order === 'string' ? order : order());
  }

  addRating(rating: RatingRecord): void {
    const shop = this.shopId(rating.shop, null);
    this.ratingBuyer.push(this.buyerId(shop, rating.buyer));
    this.ratingAgent.push(this.agents.id(shop, rating.agent));
    this.ratingTime.push(rating.time);
    this.ratingStars.push(rating.stars);
  }

  addTicket(ticket: TicketRecord): void {
    const shopId = this.shopId(ticket.shop, null);
    this.tickets.push({ ...ticket, shopId, agentId: this.agents.id(shopId, ticket.agent) });
  }

  /**
   * Marks the buyers the shop's filters leave out by name: listed accounts, platform staff, and
   * the shop's own sub-accounts chatting with each other. Called once all records are in.
   */
  classifyBuyers(): void {
    const rules = this.shops.names.map((_, shop) => {
      const { filters } = this.settingsOf(shop);
      const staff = filters.staffPatterns.join('|');
      return {
        accounts: new Set(filters.accounts),
        staff: staff.length > 0 ? new RegExp(staff, 'i') : null,
        // A name holding none of the characters a staff match starts with needs no string.
        staffLeads: staff.length > 0 ? leadingChars(staff, true) : null,
        own: filters.ownAccounts,
      };
    });
    for (let buyer = 0; buyer < this.buyers.size; buyer++) {
      if (this.filtered.get(buyer) !== filterReason.none) continue;
      const shop = this.buyers.scopeOf(buyer);
      const rule = rules[shop];
      if (!rule) continue;
      const reason = this.buyers.readBytes(buyer, (bytes, start, end) => {
        const staff =
          rule.staff !== null && (rule.staffLeads === null || holdsLead(rule.staffLeads, bytes, start, end));
        if (rule.accounts.size > 0 || staff) {
          const name = this.buyers.nameOf(buyer);
          if (rule.accounts.has(name)) return filterReason.account;
          if (staff && rule.staff?.test(name)) return filterReason.staff;
        }
        return rule.own && this.agents.findOfBytes(shop, bytes, start, end) !== undefined
          ? filterReason.ownAccount
          : filterReason.none;
      });
      if (reason !== filterReason.none) this.filtered.set(buyer, reason);
    }
  }

  get messageCount(): number {
    return this.messageTime.length;
  }
}
