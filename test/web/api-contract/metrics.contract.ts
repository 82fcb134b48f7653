import type { getShopMetricSettings } from '../../../src/app/metrics-store/metrics-store.settings.js';
import type {
  getImport as getImportUseCase,
  importRecords,
  listImports,
  previewImport as previewImportUseCase,
  startImport as startImportUseCase,
} from '../../../src/app/metrics-store/index.js';
import type { uploadNotFoundCode } from '../../../src/server/metrics/imports.kept-uploads.js';
import type {
  importFromUploadBody,
  importPreviewUploadQuery,
  importUploadQuery,
} from '../../../src/server/metrics/imports.schemas.js';
import type { settingsBody, settingsResponse } from '../../../src/server/metrics/metrics-settings.schemas.js';
import type {
  assessmentsQuery,
  assessmentsResponse,
  creditRulingBody,
  explainQuery,
  explainResponse,
  maxPreviewBytes as serverMaxPreviewBytes,
  maxUploadBytes as serverMaxUploadBytes,
  metricsQuery,
  metricsResponse,
  restatementsQuery,
  restatementsResponse,
} from '../../../src/server/metrics/metrics.schemas.js';
import type {
  ShopMetricSettings,
  saveShopMetricSettings,
} from '../../../web/src/api/metrics-settings.api.js';
import type {
  AssessmentsQuery,
  ExplainQuery,
  ExplainResult,
  checkImport,
  ImportCheck,
  ImportFromUpload,
  ImportJob,
  ImportPreview,
  ImportPreviewUploadQuery,
  ImportUploadQuery,
  maxPreviewBytes,
  maxUploadBytes,
  previewImportUpload,
  startImport,
  startImportFromUpload,
  uploadGoneCode,
  MetricsFilters,
  MetricsResult,
  Restatement,
  ruleCredit,
  ShopAssessments,
} from '../../../web/src/api/metrics.api.js';
import type {
  Accepted,
  Assert,
  Equal,
  Fits,
  Json,
  Mutual,
  ReadAs,
  Result,
  Returned,
  Sent,
} from './contract.js';

// 绩效 (web/src/api/metrics.api.ts ↔ src/server/metrics/metrics.routes.ts).
export type MetricsContract = [
  Mutual<MetricsResult, Sent<typeof metricsResponse>>,
  Assert<Equal<MetricsResult, Sent<typeof metricsResponse>>>,
  Fits<MetricsFilters, Accepted<typeof metricsQuery>>,
  Mutual<ExplainResult, Sent<typeof explainResponse>>,
  Assert<Equal<ExplainResult, Sent<typeof explainResponse>>>,
  Fits<ExplainQuery, Accepted<typeof explainQuery>>,
  Mutual<Restatement[], Sent<typeof restatementsResponse>['restatements']>,
  Assert<Equal<Restatement[], Sent<typeof restatementsResponse>['restatements']>>,
  Fits<{ from?: string; to?: string }, Accepted<typeof restatementsQuery>>,
  // 平台考核: the schema sends platforms as text; the web names them.
  Mutual<ShopAssessments, ReadAs<Sent<typeof assessmentsResponse>, ShopAssessments>>,
  Fits<AssessmentsQuery, Accepted<typeof assessmentsQuery>>,
  Fits<Parameters<typeof ruleCredit>[0], Accepted<typeof creditRulingBody>>,
  // 上传: the web sends the file as the body of POST /api/imports/upload, the rest in the query.
  Fits<ImportUploadQuery, Accepted<typeof importUploadQuery>>,
  Fits<ImportPreviewUploadQuery, Accepted<typeof importPreviewUploadQuery>>,
  Assert<Equal<typeof maxUploadBytes, typeof serverMaxUploadBytes>>,
  Assert<Equal<typeof maxPreviewBytes, typeof serverMaxPreviewBytes>>,
  Assert<Equal<{ preview: ImportPreview }, Returned<typeof previewImportUpload>>>,
  Assert<Equal<{ job: ImportCheck; uploadId: string }, Returned<typeof checkImport>>>,
  // 确认导入 of a checked file: JSON naming the check's kept upload; its 404 code sends the file again.
  Fits<ImportFromUpload, Accepted<typeof importFromUploadBody>>,
  Assert<Equal<{ job: ImportJob }, Returned<typeof startImportFromUpload>>>,
  Assert<Equal<typeof uploadGoneCode, typeof uploadNotFoundCode>>,
  // POST /api/imports/preview declares no response schema either (列映射 step).
  Mutual<ImportPreview, Result<typeof previewImportUseCase>>,
  // POST and GET /api/imports(/:id) declare no response schema: the handler's value is sent as it
  // is — a check's outcome, or the job (202 when started, its progress when polled).
  Mutual<ImportCheck, Result<typeof importRecords>>,
  Assert<Equal<ImportCheck, Result<typeof importRecords>>>,
  Mutual<ImportJob, Result<typeof getImportUseCase>>,
  Assert<Equal<ImportJob, Result<typeof getImportUseCase>>>,
  Assert<Equal<{ job: ImportJob }, Returned<typeof startImport>>>,
  Assert<Equal<ImportJob, Json<Returned<typeof startImportUseCase>['job']>>>,
  Assert<Equal<ImportJob[], Result<typeof listImports>>>,
];

// 绩效设置 (web/src/api/metrics-settings.api.ts ↔ src/server/metrics/metrics-settings.routes.ts).
// The response schema leaves the settings open records (the use-case checks them against the
// settings schema), so the web type is held against what the use-case returns, and against the
// schema with those records read as the web reads them.
export type MetricsSettingsContract = [
  Mutual<ShopMetricSettings, Result<typeof getShopMetricSettings>>,
  Assert<Equal<ShopMetricSettings, Result<typeof getShopMetricSettings>>>,
  Mutual<Returned<typeof saveShopMetricSettings>, Result<typeof getShopMetricSettings>>,
  Mutual<ShopMetricSettings, ReadAs<Sent<typeof settingsResponse>, ShopMetricSettings>>,
  Fits<Parameters<typeof saveShopMetricSettings>[1], Accepted<typeof settingsBody>>,
];
