import { accountsMigration } from './0001-accounts.js';
import { questionBankMigration } from './0002-question-bank.js';
import { metricsMigration } from './0003-metrics.js';
import { examsMigration } from './0004-exams.js';
import { inspectionMigration } from './0005-inspection.js';
import { metricResultsMigration } from './0006-metric-results.js';
import { creditRulingsMigration } from './0007-credit-rulings.js';
import { shopMetricSettingsMigration } from './0008-shop-metric-settings.js';
import { metricGenerationsMigration } from './0009-metric-generations.js';
import { scoreSheetVersionsMigration } from './0010-score-sheet-versions.js';
import { inspectionExamplesMigration } from './0011-inspection-examples.js';
import { inspectionExampleShopsMigration } from './0012-inspection-example-shops.js';
import { importMappingPresetsMigration } from './0013-import-mapping-presets.js';
import { importJobProgressMigration } from './0014-import-job-progress.js';
import { oneRunningImportMigration } from './0015-one-running-import.js';
import type { Migration } from './migration.types.js';

export type { Migration } from './migration.types.js';

// Every migration, in the order it runs. Add a new one at the end; never reorder or rename.
export const migrations: Migration[] = [
  accountsMigration,
  questionBankMigration,
  metricsMigration,
  examsMigration,
  inspectionMigration,
  metricResultsMigration,
  creditRulingsMigration,
  shopMetricSettingsMigration,
  metricGenerationsMigration,
  scoreSheetVersionsMigration,
  inspectionExamplesMigration,
  inspectionExampleShopsMigration,
  importMappingPresetsMigration,
  importJobProgressMigration,
  oneRunningImportMigration,
];
