import type {
  AssessmentCheck,
  AssessmentMeasure,
  MetricsRow,
  PeriodAssessment,
  ResponseBucket,
  RollUpBy,
  ShopValues,
} from '../../../src/domain/metrics/index.js';
import type { Platform } from '../../../src/domain/shared/index.js';

import type { Issue } from '../../../src/domain/shared/index.js';
import { request, upload } from './client.js';

export type { ShopValues };

export type { MetricsRow, RollUpBy };

export type RecordKind = 'messages' | 'orders' | 'ratings' | 'tickets';
export type ImportMode = 'reject' | 'skip';

/** The sums behind a row's means: totals over rows recompute the means from them. */
export type MetricsRowParts = {
  respCount: number;
  respSumCappedSec: number;
  rated: number;
  ratedGood: number;
};

/** A row with the user behind its sub-account (null when no user holds it). */
export type StoredMetricsRow = MetricsRow & {
  userId: string | null;
  displayName: string | null;
  teamId: string | null;
  parts: MetricsRowParts;
};

export type MetricsResult = {
  from: string;
  to: string;
  rows: StoredMetricsRow[];
  shop: ShopValues;
  provisionalDays: string[];
  /** Every response time of the filtered agent-days, bucketed (响应时长分布). */
  responseDistribution: ResponseBucket[];
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

/** Without `agent`, every agent of the scope (the shop and team filters). */
export type ExplainQuery = {
  metric: string;
  agent?: string;
  shopId?: string;
  teamId?: string;
  from: string;
  to: string;
};

export type ExplainResult = {
  metric: string;
  agent: string | null;
  from: string;
  to: string;
  total: number;
  buyers: ExplainedBuyer[];
};

/** What a check (校验, dryRun) of a file would store, with every bad row found. */
export type ImportCheck = {
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

export type ImportJobStatus = 'running' | 'done' | 'rejected' | 'failed';

/** An import job (导入记录): running with its progress, or ended done, rejected or failed. */
export type ImportJob = {
  id: string;
  kind: RecordKind;
  fileName: string;
  mode: ImportMode;
  status: ImportJobStatus;
  bytesRead: number;
  bytesTotal: number | null;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  errorCount: number;
  issues: Issue[];
  /** why a failed job stopped */
  error: string | null;
  createdBy: string | null;
  startedAt: string;
  finishedAt: string | null;
};

/** An import of a file from the browser: the file goes up as it is, the rest in the query. */
export type ImportInput = {
  kind: RecordKind;
  file: Blob;
  filename: string;
  mode: ImportMode;
  shopId?: string;
  dryRun: boolean;
  /** 列映射: header → field; without it a chosen shop's saved preset maps the columns. */
  mapping?: Record<string, string>;
  /** Save `mapping` as the chosen shop's preset once the import is done. */
  savePreset?: boolean;
  /** Called as the file goes up: bytes sent of the total. */
  onUploadProgress?: (sent: number, total: number) => void;
};

/** The query of POST /api/imports/upload (the file is the body). */
export type ImportUploadQuery = {
  kind: RecordKind;
  filename: string;
  mode: ImportMode;
  shopId?: string;
  dryRun: 'true' | 'false';
  /** header → field as JSON */
  mapping?: string;
  savePreset?: 'true' | 'false';
};

const uploadQuery = (input: ImportInput): ImportUploadQuery => ({
  kind: input.kind,
  filename: input.filename,
  mode: input.mode,
  dryRun: input.dryRun ? 'true' : 'false',
  ...(input.shopId ? { shopId: input.shopId } : {}),
  ...(input.mapping ? { mapping: JSON.stringify(input.mapping) } : {}),
  ...(input.savePreset ? { savePreset: 'true' } : {}),
});

const uploadImport = <T>(input: ImportInput) =>
  upload<T>('/api/imports/upload', {
    query: uploadQuery(input),
    body: input.file,
    ...(input.onUploadProgress ? { onProgress: input.onUploadProgress } : {}),
  });

/** The query of POST /api/imports/preview/upload (the start of the file is the body). */
export type ImportPreviewUploadQuery = {
  kind: RecordKind;
  filename: string;
  shopId?: string;
};

/** A file's headers and first rows with the mapping to start from (列映射 step). */
export type ImportPreview = {
  format: string;
  encoding: string;
  headers: string[];
  sampleRows: string[][];
  issues: Issue[];
  fields: { field: string; required: boolean }[];
  /** header → field, from the header synonyms alone */
  suggested: Record<string, string>;
  /** the shop's saved preset, header → field */
  preset: Record<string, string> | null;
  /** what the step starts from: the preset, then the suggestion */
  mapping: Record<string, string>;
};

/** The largest upload the server takes (mirrors maxUploadBytes on the server; the contract holds them equal). */
export const maxUploadBytes = 2_147_483_648;
/** The most a preview reads: a workbook (.xlsx) is sent whole, so a larger one cannot be previewed. */
export const maxPreviewBytes = 67_108_864;

export const getMetrics = (filters: MetricsFilters) =>
  request<MetricsResult>('/api/metrics', { query: filters });

export const explainMetric = (query: ExplainQuery) =>
  request<ExplainResult>('/api/metrics/explain', { query });

/**
 * 校验: what the file would store, nothing written. The server keeps the file for an hour under
 * `uploadId`, for 确认导入 to start from without a second upload.
 */
export const checkImport = (input: Omit<ImportInput, 'dryRun'>) =>
  uploadImport<{ job: ImportCheck; uploadId: string }>({ ...input, dryRun: true });

/** 确认导入 of a checked file (POST /api/imports/from-upload): its options, not the check's. */
export type ImportFromUpload = {
  uploadId: string;
  /** the kind the file was checked as */
  kind: RecordKind;
  mode: ImportMode;
  shopId?: string;
  mapping?: Record<string, string>;
  savePreset?: boolean;
};

/** The code of an unknown, used or expired uploadId (404): the file must go up again. */
export const uploadGoneCode = 'metrics.upload.not_found';

/** 确认导入 without a second upload: starts the job (202) from the file a check kept. */
export const startImportFromUpload = (body: ImportFromUpload) =>
  request<{ job: ImportJob }>('/api/imports/from-upload', { method: 'POST', body });

/** 确认导入: uploads the file and starts the import job (202) running; poll getImport. */
export const startImport = (input: Omit<ImportInput, 'dryRun'>) =>
  uploadImport<{ job: ImportJob }>({ ...input, dryRun: false });

export const getImport = (id: string) => request<{ job: ImportJob }>(`/api/imports/${id}`);

/** 列映射 of a file from its start (`part`: the first MiB of a text file, a workbook whole). */
export const previewImportUpload = ({ part, ...query }: ImportPreviewUploadQuery & { part: Blob }) =>
  upload<{ preview: ImportPreview }>('/api/imports/preview/upload', { query, body: part });

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

export const listImports = () => request<{ jobs: ImportJob[] }>('/api/imports');

/** The address of the Excel export of the same filters (a plain link downloads it). */
export const metricsExportUrl = (filters: MetricsFilters): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  return `/api/metrics/export.xlsx?${params.toString()}`;
};

export type { AssessmentCheck, AssessmentMeasure, PeriodAssessment };

/** 平台考核 of one shop over a period (GET /api/metrics/assessments). */
export type ShopAssessments = {
  shop: { id: string; name: string; platform: Platform };
  from: string;
  to: string;
  /** `own`: an agent sees the checks over their own sub-accounts only. */
  scope: 'shop' | 'own';
  hasData: boolean;
  assessments: PeriodAssessment[];
};

export type AssessmentsQuery = { shopId: string; from: string; to: string };

export const getAssessments = (query: AssessmentsQuery) =>
  request<ShopAssessments>('/api/metrics/assessments', { query });
