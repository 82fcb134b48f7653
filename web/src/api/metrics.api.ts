import type { MetricsRow, RollUpBy, ShopValues } from '../../../src/domain/metrics/index.js';

import type { Issue } from '../../../src/domain/shared/index.js';
import { request } from './client.js';

export type { ShopValues };

export type { MetricsRow, RollUpBy };

export type RecordKind = 'messages' | 'orders' | 'ratings' | 'tickets';
export type ImportMode = 'reject' | 'skip';

/** A row with the user behind its sub-account (null when no user holds it). */
export type StoredMetricsRow = MetricsRow & {
  userId: string | null;
  displayName: string | null;
  teamId: string | null;
};

export type MetricsResult = {
  from: string;
  to: string;
  rows: StoredMetricsRow[];
  shop: ShopValues;
  provisionalDays: string[];
};

export type MetricsFilters = {
  from: string;
  to: string;
  by: RollUpBy;
  shopId?: string;
  teamId?: string;
  agent?: string;
};

export type ExplainedBuyer = {
  buyer: string;
  shop: string;
  day: string;
  hit: boolean;
  order: string | null;
  messages: { time: string; sender: string; agent: string; kind: string; text: string }[];
};

export type ExplainQuery = { metric: string; agent: string; from: string; to: string };

export type ExplainResult = {
  metric: string;
  agent: string;
  from: string;
  to: string;
  total: number;
  buyers: ExplainedBuyer[];
};

export type ImportJob = {
  id: string;
  kind: RecordKind;
  fileName: string;
  mode: ImportMode;
  status: 'done' | 'rejected';
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  errorCount: number;
  issues: Issue[];
};

/** A past import run (导入记录) as GET /api/imports lists it: the stored row, issues as saved. */
export type ImportHistoryEntry = {
  id: string;
  kind: RecordKind;
  fileName: string;
  mode: ImportMode;
  status: 'done' | 'rejected';
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  issues: unknown;
  createdBy: string | null;
  startedAt: string;
  finishedAt: string;
};

export type ImportInput = {
  kind: RecordKind;
  filename: string;
  contentBase64: string;
  mode: ImportMode;
  shopId?: string;
  dryRun: boolean;
};

/** The largest file the server accepts (mirrors maxImportBytes on the server). */
export const maxImportBytes = 50 * 1024 * 1024;

export const getMetrics = (filters: MetricsFilters) =>
  request<MetricsResult>('/api/metrics', { query: filters });

export const explainMetric = (query: ExplainQuery) =>
  request<ExplainResult>('/api/metrics/explain', { query });

export const importRecords = (input: ImportInput) =>
  request<{ job: ImportJob }>('/api/imports', { method: 'POST', body: input });

/** A day's KPI that changed after it had been reported (重述记录). */
export type Restatement = {
  shop: string;
  day: string;
  agent: string;
  metric: 'consulted' | 'served' | 'inquiries' | 'inquiriesPaid' | 'sales' | 'buyers';
  before: number;
  after: number;
  reportedAt: string;
  restatedAt: string;
};

export const listRestatements = (query: { from?: string; to?: string }) =>
  request<{ restatements: Restatement[] }>('/api/metrics/restatements', { query });

/** 落实客服改判: credit one order to an agent who served the buyer, or (null) to nobody. */
export const ruleCredit = (ruling: { shop: string; order: string; agent: string | null; reason: string }) =>
  request<void>('/api/metrics/credit-rulings', { method: 'PUT', body: ruling });

export const listImports = () => request<{ jobs: ImportHistoryEntry[] }>('/api/imports');

/** The address of the Excel export of the same filters (a plain link downloads it). */
export const metricsExportUrl = (filters: MetricsFilters): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  return `/api/metrics/export.xlsx?${params.toString()}`;
};
