export { jsonReport, metricKeys, shopKeys } from './metrics.columns.js';
export {
  assessmentsCsv,
  type MetricsFormat,
  metricsCsv,
  metricsFormats,
  metricsJson,
  metricsTable,
  textTable,
  writeMetricsXlsx,
} from './metrics.write.js';
