// Public surface of the KPI engine (绩效). Pure: records in, numbers out; no I/O, no clock.
export type { AgentParts, ShopParts } from './metrics.aggregate.js';
export { agentFields, shopFields } from './metrics.aggregate.js';
export type { AssessmentCheck, AssessmentMeasure, PlatformAssessment } from './metrics.assessment.js';
export type {
  AssessmentPeriod,
  PeriodAssessment,
  StoredAssessmentInput,
} from './metrics.assessment.periods.js';
export { assessmentCycles, assessStoredShop } from './metrics.assessment.periods.js';
export {
  assessDouyin,
  assessPdd,
  douyinCycle,
  neededAsNew,
  neededAtFixedTotal,
} from './metrics.assessment.js';
export { assessJd } from './metrics.jd.js';
export type { SettingsForShop } from './metrics.data.js';
export { MetricsData, messageCode, type OrderFacts } from './metrics.data.js';
export { hashBytes, ScopedInterner } from './metrics.interner.js';
export type { MetricsComputation, MetricsTrail } from './metrics.engine.js';
export { computeMetrics, metricsEngineVersion } from './metrics.engine.js';
export type { ExplainQuery, ExplainRef, ExplainResult } from './metrics.explain.js';
export { explain } from './metrics.explain.js';
export { assessPlatforms, halfMonthOf, monthOf } from './metrics.platforms.js';
export type {
  MessageRecord,
  OrderRecord,
  RatingRecord,
  ReplyKind,
  Sender,
  TicketRecord,
} from './metrics.records.js';
export type {
  AssistValues,
  MetricsReport,
  MetricsRow,
  MetricValues,
  RollUpBy,
  ShopValues,
} from './metrics.rows.js';
export { valuesOf } from './metrics.rows.js';
export type { AgentDayEntry, RollUpEntriesInput, ShopDayEntry } from './metrics.rollup.js';
export { entriesOf, isProvisionalDay, rollUp, rollUpEntries } from './metrics.rollup.js';
export type {
  AttributionWindow,
  CreditMode,
  HoursRange,
  JdTargets,
  PddSettings,
  MetricsSettings,
  SettingsOverride,
  SettingsPresets,
  SettingsVersion,
} from './metrics.settings.js';
export { applyOverride, resolveSettings } from './metrics.settings.js';
export { dayToText, localDay, textToDay } from './metrics.time.js';
export type { AgentPartsJson } from './metrics.codec.js';
export { agentPartsFromJson, agentPartsToJson, shopPartsFromJson } from './metrics.codec.js';
export type { ResponseBucket } from './metrics.distribution.js';
export { responseBucketEdgesSec, responseDistribution } from './metrics.distribution.js';
