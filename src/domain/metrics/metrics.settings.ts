import type { Platform } from '../shared/index.js';

/**
 * How long after a consultation an order or payment still counts for it (询单归属窗口).
 * `days`: until the end of the n-th local calendar day counting the consultation day
 * (same/next day = 2, PDD = 3, Douyin = 3, JD = 2-15). `hours`: a rolling window (24 h, 48 h).
 */
export type AttributionWindow = { kind: 'days'; days: number } | { kind: 'hours'; hours: number };

/** 落实 credit modes: 下单判定, 付款判定, 下单优先. */
export type CreditMode = 'order' | 'payment' | 'orderFirst';

/** A clock range within a local day, `from` inclusive and `to` exclusive, as `HH:MM[:SS]`. */
export type HoursRange = { from: string; to: string };

/** Every threshold, window and policy of the KPI engine; versioned data, never code constants. */
export type MetricsSettings = {
  /** Shop time zone as minutes east of UTC (Asia/Shanghai = 480). */
  timeZoneOffsetMinutes: number;
  slowThresholdSec: number;
  /** 慢接待: a reception with at least `turns` turns answered after `thresholdSec`. */
  slowReception: { thresholdSec: number; turns: number };
  /** 长接待: a reception whose first to last message spans more than this. */
  longReceptionMinutes: number;
  lookBackDays: number;
  attribution: AttributionWindow;
  credit: { mode: CreditMode; pick: 'last' | 'first' };
  /** A buyer classed after-sale who orders again within the window counts as an inquiry. */
  hindsight: boolean;
  response: {
    capSec: number;
    /** `exclude`: unanswered turns stay out of means; `cap`: they count at the cap. */
    unanswered: 'exclude' | 'cap';
    excludeZeroSecond: boolean;
  };
  /** Regular expressions (case-insensitive) marking a buyer as an advertiser. */
  adPatterns: string[];
  /**
   * Chats left out of every agent metric and counted apart with the reason: named accounts
   * (test or internal buyers), platform staff by name pattern (小二), and chats between the
   * shop's own accounts (the buyer is one of the shop's sub-accounts).
   */
  filters: { accounts: string[]; staffPatterns: string[]; ownAccounts: boolean };
  hours: { pdd: HoursRange; douyin: HoursRange; jd: HoursRange; jdTickets: HoursRange; taobao: HoursRange };
  /** Taobao's 3-minute human response rate (3分钟人工响应率): turns answered within this. */
  taobao: { replyWithinSec: number };
  pdd: PddSettings;
  douyin: {
    firstReplyWithinSec: number;
    replyWithinSec: number;
    firstReplyTarget: number;
    replyTarget: number;
    satisfactionTarget: number;
  };
  jd: JdTargets;
  /** Sub-account → team name; agents without one form the team named after their shop. */
  teams: Record<string, string>;
};

/**
 * 拼多多: the platform's 30秒应答率 line, and the shop's own optional lines (店铺目标: policy, not
 * platform rules; null = no target) for the indicators PDD publishes no pass line for.
 */
export type PddSettings = {
  replyWithinSec: number;
  reply30sTarget: number;
  /** 平均人工响应时长 at most this many seconds. */
  avgResponseSecTarget: number | null;
  /** 询单转化率 at least this fraction. */
  conversionTarget: number | null;
  /** 客单价 at least this many 元. */
  aovTarget: number | null;
  /** 客件数 at least this many items per buying buyer. */
  itemsPerBuyerTarget: number | null;
};

/** JD after-sale score targets and tiers, set by the platform per period. */
export type JdTargets = {
  satisfactionTarget: number;
  reviewTarget: number;
  handleTarget: number;
  specTarget: number;
  awaitingTarget: number;
  withinSec: number;
  /** Lowest score of each tier, best first; the penalty in 元 when the tier fails. */
  tiers: { min: number; name: string; passed: boolean; penalty: number }[];
};

/** One version of the settings and the day it takes effect. */
export type SettingsVersion = { version: string; effectiveFrom: string; settings: MetricsSettings };

/** Deep-partial overrides a platform preset or a shop applies on top of a version. */
export type SettingsOverride = {
  [K in keyof MetricsSettings]?: MetricsSettings[K] extends unknown[]
    ? MetricsSettings[K]
    : MetricsSettings[K] extends object
      ? Partial<MetricsSettings[K]>
      : MetricsSettings[K];
};

/** The presets file: dated versions plus per-platform overrides. */
export type SettingsPresets = {
  versions: SettingsVersion[];
  platforms: Partial<Record<Platform, SettingsOverride>>;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Applies `override` on top of `base`, one level deep for nested groups (hours, response …). */
export const applyOverride = (base: MetricsSettings, override: SettingsOverride): MetricsSettings => {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    const isWindow = key === 'attribution';
    merged[key] =
      !isWindow && isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return merged as MetricsSettings;
};

/**
 * The settings in force for a shop on `on` (YYYY-MM-DD): the latest version effective by then,
 * with the platform preset and then the shop's own override applied.
 */
export const resolveSettings = ({
  presets,
  platform,
  on,
  override,
}: {
  presets: SettingsPresets;
  platform: Platform;
  on: string;
  override?: SettingsOverride;
}): MetricsSettings => {
  const sorted = [...presets.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const inForce = sorted.filter((version) => version.effectiveFrom <= on).at(-1) ?? sorted[0];
  if (!inForce) throw new Error('metrics settings: the presets hold no version');
  const withPlatform = applyOverride(inForce.settings, presets.platforms[platform] ?? {});
  return override ? applyOverride(withPlatform, override) : withPlatform;
};

/** Seconds since local midnight for `HH:MM[:SS]`. */
export const clockSeconds = (clock: string): number => {
  const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
  return h * 3600 + m * 60 + s;
};
