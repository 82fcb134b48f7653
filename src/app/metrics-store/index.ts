export * from './metrics-store.errors.js';
export * from './metrics-store.import.js';
export {
  type HeaderMapping,
  type ImportPreview,
  listMappingPresets,
  type MappingPresetView,
  previewImport,
  saveMappingPreset,
} from './metrics-store.mapping.js';
export * from './metrics-store.types.js';
export * from './metrics-store.usecases.js';
export { restatedMetrics, type RestatedMetric } from './metrics-store.results.js';
export * from './metrics-store.rulings.js';
export * from './metrics-store.assessments.js';
