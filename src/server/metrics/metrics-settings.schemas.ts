import { z } from 'zod';
import { idField } from '../accounts/accounts.schemas.js';

// Schemas of 店铺绩效设置 (a shop's own KPI settings, versioned by the day they take effect).

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

// The override keys are checked by the use-case against the same strict schema as a
// `kefu metrics --settings` file, so every refused key comes back named (body.overrides.<key>).
const overrides = z
  .record(z.string(), z.unknown())
  .describe(
    'SettingsOverride: any keys of the KPI settings (slowThresholdSec, lookBackDays, attribution, credit …), nested groups partial',
  );
const settings = z
  .record(z.string(), z.unknown())
  .describe('MetricsSettings: every threshold, window and policy of the KPI engine');

export const shopParams = z.strictObject({ shopId: idField });

export const settingsBody = z.strictObject({
  effectiveFrom: day.describe('Shop-local day from which these settings apply; the same day again replaces'),
  overrides,
});

const version = z.object({
  effectiveFrom: z.string(),
  overrides,
  settings: settings.describe('The settings in force from that day: presets, then these overrides'),
  previous: settings.describe(
    'What that day would have had without this version (the previous version, or the presets alone): the diff shows what it changed',
  ),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const settingsResponse = z.object({
  shop: z.object({ id: z.string(), name: z.string(), platform: z.string() }),
  today: z.string().describe('The shops’ local day the view was read on'),
  preset: settings.describe('The presets alone, in force today: what an unset value falls back to'),
  current: z.object({ effectiveFrom: z.string().nullable(), settings }),
  versions: z.array(version).describe('Oldest first'),
});
