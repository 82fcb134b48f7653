import type { Platform } from '../shared/index.js';

/** 一般违规 / 严重违规 / 服务规范 (service quality, not a platform penalty). */
export type RuleKind = 'general' | 'serious' | 'service';
export const ruleKinds: readonly RuleKind[] = ['general', 'serious', 'service'];

/** Live checks see one message; bulk inspection also sees whole conversations. */
export type RuleScope = 'message' | 'conversation';

/** Where a leaf of a detection spec looks: the agent's reply (default) or the buyer's previous text. */
export type Speaker = 'agent' | 'buyer';

/**
 * A detection spec: a tree of operators, kept as JSON data and compiled by the compliance engine.
 * Leaves find spans in one speaker's normalised text; inner nodes combine them.
 */
export type DetectSpec =
  | {
      op: 'keywords';
      any?: string[];
      all?: string[];
      atLeast?: { count: number; of: string[] };
      none?: string[];
    }
  | { op: 'pattern'; regex: string; exclude?: string }
  | { op: 'entity'; kinds: EntityKind[]; exclude?: string }
  | { op: 'speaker'; is: Speaker; of: DetectSpec }
  | { op: 'near'; of: DetectSpec; to: DetectSpec; within: number; order?: 'before' | 'after' | 'any' }
  | { op: 'length'; min?: number; max?: number }
  | { op: 'and'; of: DetectSpec[] }
  | { op: 'or'; of: DetectSpec[] }
  | { op: 'not'; of: DetectSpec };

export type EntityKind = 'phone' | 'hotline' | 'qq' | 'wechat' | 'bankCard' | 'url' | 'email' | 'alipay';
export const entityKinds: readonly EntityKind[] = [
  'phone',
  'hotline',
  'qq',
  'wechat',
  'bankCard',
  'url',
  'email',
  'alipay',
];

/** Deposit (保证金) a violation can cost, in 分; `fromOccurrence` 2 = from the second violation on. */
export type RuleDeposit = { amountFen: number; fromOccurrence: number };

/** A later point value that applies when a context spec matches (e.g. 12 when the agent induced it). */
export type PointsCase = { when: DetectSpec; points: number; note: string };

/** Everything a version of a rule says; later versions restate only what changed. */
export type RuleVersionBody = {
  platforms: Platform[];
  kind: RuleKind;
  scope: RuleScope;
  points: number;
  pointsCases: PointsCase[];
  deposit: RuleDeposit | null;
  title: string;
  explanation: string;
  wrong: string[];
  right: string[];
  suggestion: string;
  detect: DetectSpec;
  /** Service findings are redundant when one of these rules already fired on the same message. */
  suppressedBy: string[];
  /** Why this version exists (source, year); shown in the rule history. */
  note: string;
};

export type RuleVersionData = Partial<RuleVersionBody> & { version: number; effectiveFrom: string };

/** A rule as stored in data/rules/<id>.json: versions in order, the first one complete. */
export type RuleData = { id: string; versions: RuleVersionData[] };

/** One version of a rule, complete, with the dates it is in force (`effectiveTo` exclusive). */
export type RuleVersion = RuleVersionBody & {
  id: string;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** True for rules a shop wrote itself. */
  custom: boolean;
};

/** A shop's changes to the built-in library: switch rules off/on, change points, add words/patterns. */
export type ShopOverrides = {
  rules?: Record<string, { enabled?: boolean; points?: number }>;
  custom?: CustomRule[];
};

export type CustomRule = {
  id: string;
  title: string;
  points?: number;
  kind?: RuleKind;
  words?: string[];
  patterns?: string[];
  explanation?: string;
  suggestion?: string;
  enabled?: boolean;
};
