// Importing KPI records (绩效 import): chat messages, orders, ratings and JD tickets from CSV/TSV
// (UTF-8, UTF-8 BOM, GBK), JSON Lines and XLSX, with header synonyms and a column mapping (列映射;
// shops' saved presets live in the database, src/app/metrics-store/metrics-store.mapping.ts).
export { writeCsv } from '../csv/index.js';
export { fieldNamedBy } from './records.columns.js';
export {
  type ColumnMapping,
  columnSynonyms,
  type FieldSpec,
  normalizeHeader,
  type RecordKind,
  recordKinds,
  suggestMapping,
} from './records.fields.js';
export { ImportError } from './records.issues.js';
export { loadOrdersCsv } from './records.load.js';
export { loadMessagesCsv } from './records.message-load.js';
export { loadChatsWithOrdersCsv, type PairedSummaries } from './records.paired-load.js';
export { type FilePreview, previewFile } from './records.preview.js';
export type { ImportMode, ImportSummary, ReadOptions } from './records.read.js';
export type { ByteSource } from './records.source.js';
export { readMessages, readOrders, readRatings, readTickets, validateFile } from './records.readers.js';
export { formatWallClock, parseTime, wallClockOffset } from './records.time.js';
