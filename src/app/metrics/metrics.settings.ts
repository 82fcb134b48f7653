import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { MetricsSettings, SettingsOverride, SettingsPresets } from '../../domain/metrics/index.js';
import { isPlatform, type Platform } from '../../domain/shared/index.js';
import { MetricsError } from './metrics.errors.js';

// Strict schemas for the presets file and for a shop's --settings file: a typo in a key is an
// error naming the key, never a silently ignored setting.

const clock = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, '时间格式应为 HH:MM，例如 08:00');
// No range crosses midnight: the engine counts `from` ≤ time < `to` within one local day.
const hours = z
  .strictObject({ from: clock, to: clock })
  .refine((range) => range.from.padEnd(8, ':00') < range.to.padEnd(8, ':00'), {
    message: '开始时间须早于结束时间',
    path: ['to'],
  });
const window = z.union([
  z.strictObject({ kind: z.literal('days'), days: z.number().int().min(1).max(31) }),
  z.strictObject({
    kind: z.literal('hours'),
    hours: z
      .number()
      .positive()
      .max(31 * 24),
  }),
]);
const ratio = z
  .number()
  .min(0, '须在 0 到 1 之间（比例，0.85 即 85%）')
  .max(1, '须在 0 到 1 之间（比例，0.85 即 85%）');
const notRegExp = '不是有效的正则表达式';

const settingsShape = {
  timeZoneOffsetMinutes: z.number().int().min(-720).max(840),
  slowThresholdSec: z.number().positive(),
  slowReception: z.strictObject({ thresholdSec: z.number().positive(), turns: z.number().int().min(1) }),
  longReceptionMinutes: z.number().positive(),
  lookBackDays: z.number().int().min(0).max(366),
  attribution: window,
  credit: z.strictObject({
    mode: z.enum(['order', 'payment', 'orderFirst']),
    pick: z.enum(['last', 'first']),
  }),
  hindsight: z.boolean(),
  response: z.strictObject({
    capSec: z.number().int().positive().max(86_400),
    unanswered: z.enum(['exclude', 'cap']),
    excludeZeroSecond: z.boolean(),
  }),
  adPatterns: z.array(z.string().refine((source) => isRegExp(source), notRegExp)),
  filters: z.strictObject({
    accounts: z.array(z.string()),
    staffPatterns: z.array(z.string().refine((source) => isRegExp(source), notRegExp)),
    ownAccounts: z.boolean(),
  }),
  hours: z.strictObject({ pdd: hours, douyin: hours, jd: hours, jdTickets: hours, taobao: hours }),
  taobao: z.strictObject({ replyWithinSec: z.number().positive() }),
  pdd: z.strictObject({ replyWithinSec: z.number().positive(), reply30sTarget: ratio }),
  douyin: z.strictObject({
    firstReplyWithinSec: z.number().positive(),
    replyWithinSec: z.number().positive(),
    firstReplyTarget: ratio,
    replyTarget: ratio,
    satisfactionTarget: ratio,
  }),
  jd: z.strictObject({
    satisfactionTarget: ratio,
    reviewTarget: ratio,
    handleTarget: ratio,
    specTarget: ratio,
    awaitingTarget: ratio,
    withinSec: z.number().positive(),
    tiers: z
      .array(
        z.strictObject({
          min: z.number(),
          name: z.string(),
          passed: z.boolean(),
          penalty: z.number().min(0),
        }),
      )
      .min(1),
  }),
  teams: z.record(z.string(), z.string()),
};

const isRegExp = (source: string): boolean => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
};

const settingsSchema = z.strictObject(settingsShape);
const overrideSchema = z
  .strictObject({
    ...settingsShape,
    credit: settingsShape.credit.partial(),
    response: settingsShape.response.partial(),
    slowReception: settingsShape.slowReception.partial(),
    filters: settingsShape.filters.partial(),
    taobao: settingsShape.taobao.partial(),
    hours: settingsShape.hours.partial(),
    pdd: settingsShape.pdd.partial(),
    douyin: settingsShape.douyin.partial(),
    jd: settingsShape.jd.partial(),
  })
  .partial();

const presetsSchema = z.object({
  versions: z
    .array(
      z.strictObject({
        version: z.string(),
        effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        settings: settingsSchema,
      }),
    )
    .min(1),
  platforms: z.record(z.string(), overrideSchema),
});

/** A --settings file: overrides for every shop, and optionally per shop under `shops`. */
const settingsFileSchema = overrideSchema.extend({ shops: z.record(z.string(), overrideSchema).optional() });
export type SettingsFile = { all: SettingsOverride; shops: Record<string, SettingsOverride> };

const describeIssues = (file: string, error: z.ZodError) =>
  error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');

const readJson = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MetricsError(
      'metrics.settings_unreadable',
      `${file}: cannot read the settings file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MetricsError(
      'metrics.settings_invalid',
      `${file}: not valid JSON (${(error as Error).message})`,
    );
  }
};

/** The built-in presets: data/settings/metrics.presets.json. */
export const defaultPresetsFile = new URL('../../../data/settings/metrics.presets.json', import.meta.url);

export const loadPresets = async (file: string | URL = defaultPresetsFile): Promise<SettingsPresets> => {
  const name = file instanceof URL ? file.pathname : file;
  const parsed = presetsSchema.safeParse(await readJson(name));
  if (!parsed.success) throw new MetricsError('metrics.settings_invalid', describeIssues(name, parsed.error));
  for (const platform of Object.keys(parsed.data.platforms)) {
    if (!isPlatform(platform))
      throw new MetricsError('metrics.settings_invalid', `${name}: platforms.${platform}: unknown platform`);
  }
  return parsed.data as SettingsPresets;
};

export const loadSettingsFile = async (file: string): Promise<SettingsFile> => {
  const parsed = settingsFileSchema.safeParse(await readJson(file));
  if (!parsed.success) throw new MetricsError('metrics.settings_invalid', describeIssues(file, parsed.error));
  const { shops = {}, ...all } = parsed.data;
  return { all: all as SettingsOverride, shops: shops as Record<string, SettingsOverride> };
};

/**
 * The problems of one shop's override (the shape of a --settings file's `shops.<name>` entry),
 * each with the key path it is about; empty when the override is valid.
 */
export const overrideIssues = (override: unknown): { path: string; message: string }[] => {
  const parsed = overrideSchema.safeParse(override);
  if (parsed.success) return [];
  // An unknown key is named in the path itself, so a form can point at the very field.
  return parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: '没有这个设置项' }))
      : [{ path: issue.path.join('.'), message: chineseMessage(issue) }],
  );
};

const typeNames: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否（true/false）',
  array: '列表',
  object: '对象',
};

/** A schema problem in the words the 绩效设置 form and `kefu metrics-settings` show. */
const chineseMessage = (issue: z.core.$ZodIssue): string => {
  // Messages the schema above already writes in Chinese (formats, regular expressions, ratios).
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array') return `至少要有 ${issue.minimum} 项`;
      return issue.inclusive === false ? `须大于 ${issue.minimum}` : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.inclusive === false ? `须小于 ${issue.maximum}` : `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `只能是：${issue.values.map(String).join('、')}`;
    case 'invalid_union':
      return '归属窗口应为 { "kind": "days", "days": 天数 } 或 { "kind": "hours", "hours": 小时数 }';
    case 'not_multiple_of':
      return '须是整数';
    default:
      return issue.message;
  }
};

/** Checks a fully resolved settings object (after overrides) once more. */
export const checkSettings = (
  settings: MetricsSettings,
  shop: string,
  platform: Platform | null,
): MetricsSettings => {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success)
    throw new MetricsError(
      'metrics.settings_invalid',
      describeIssues(`settings of ${shop} (${platform ?? 'unknown platform'})`, parsed.error),
    );
  return settings;
};
