import type { ColumnType, Generated } from 'kysely';
import type { Json } from './schema.js';

// The 质检 tables, listed in `Database` in schema.ts.

// Bulk inspection (质检, migration 0005): runs, findings keyed naturally, shop settings, 抽检.
export type InspectionRunsTable = {
  id: Generated<string>;
  organizationId: string;
  shopId: string | null;
  fromDay: number;
  toDay: number;
  status: string;
  messagesTotal: number;
  messagesChecked: Generated<number>;
  findingsCount: Generated<number>;
  error: string | null;
  createdBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

export type FindingsTable = {
  id: Generated<string>;
  organizationId: string;
  runId: string | null;
  shopId: string;
  day: number;
  conversation: string;
  buyer: string;
  agent: string;
  messageTime: Date;
  messageTextHash: string;
  ruleId: string;
  ruleVersion: number;
  ruleTitle: string;
  kind: string;
  points: number;
  start: number;
  end: number;
  evidence: string;
  orderId: string | null;
  status: Generated<string>;
  dismissReason: string | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  appealText: string | null;
  appealedBy: string | null;
  appealedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
};

export type ShopRuleSettingsTable = {
  id: Generated<string>;
  organizationId: string;
  shopId: string;
  effectiveFrom: string;
  rules: Json<unknown>;
  custom: Json<unknown>;
  createdBy: string | null;
  createdAt: Date;
};

export type ScoreSheetsTable = {
  id: Generated<string>;
  organizationId: string;
  title: string;
  items: Json<unknown>;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

export type ScoreSheetVersionsTable = {
  sheetId: string;
  version: number;
  title: string;
  items: Json<unknown>;
  savedBy: string | null;
  savedAt: Date;
};

export type InspectionExamplesTable = {
  id: Generated<string>;
  organizationId: string;
  /** The shop whose rules (its own included) judge the example; null: the built-in library. */
  shopId: string | null;
  agent: string;
  buyer: string | null;
  rules: Json<string[]>;
  note: string;
  /** 'manual' (labelled from scratch) or 'finding' (saved from a reviewed finding). */
  source: ColumnType<ExampleSource, ExampleSource | undefined, ExampleSource>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ExampleSource = 'manual' | 'finding';

export type SamplesTable = {
  id: Generated<string>;
  organizationId: string;
  sheetId: string;
  shopId: string;
  day: number;
  conversation: string;
  buyer: string;
  agent: string;
  sheetVersion: number | null;
  scores: ColumnType<unknown, string | null, string | null>;
  total: number | null;
  comment: string | null;
  scoredBy: string | null;
  scoredAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
};

/** 落实客服改判 (migration 0007): agent null credits nobody. */
