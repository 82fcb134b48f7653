import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { MetricsSettings, SettingsOverride, SettingsPresets } from '../../domain/metrics/index.js';
import { isPlatform, type Platform } from '../../domain/shared/index.js';
import { MetricsError } from './metrics.errors.js';
import { settingsIssues } from './metrics.settings.messages.js';

// Strict schemas for the presets file and for a shop's --settings file: a typo in a key is an
// error naming the key, never a silently ignored setting.

// Issues carry the value at fault, so a missing key reads apart from a wrong type.
const withInput = { reportInput: true } as const;

// A clock within the day from 00:00 to 24:00 (the end of the day), seconds optional.
const clockPattern = /^(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?|24:00(:00)?)$/;
const clock = z.string().regex(clockPattern, '时间格式应为 HH:MM（00:00 到 24:00），例如 08:00');
// No range crosses midnight: the engine counts `from` ≤ time < `to` within one local day.
const hours = z
  .strictObject({ from: clock, to: clock })
  // Zero-padded HH:MM:SS texts sort as the times they name.
  .refine(
    ({ from, to }) =>
      !clockPattern.test(from) || !clockPattern.test(to) || from.padEnd(8, ':00') < to.padEnd(8, ':00'),
    '开始时间须早于结束时间',
  );
const window = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('days'), days: z.number().int().min(1).max(31) }),
  z.strictObject({
    kind: z.literal('hours'),
    hours: z
      .number()
      .positive()
      .max(31 * 24),
  }),
]);
const ratio = z.number().min(0).max(1);
const notRegExp = '不是有效的正则表达式';
const notBlank = (text: string) => text.trim() !== '';
const pattern = z
  .string()
  .refine(notBlank, '不能为空')
  .refine((source) => isRegExp(source), notRegExp);

// The engine takes the first tier whose lowest score is reached: best first, each one lower.
const tiers = z
  .array(
    z.strictObject({
      min: z.number().min(0).max(100),
      name: z.string().refine(notBlank, '不能为空').pipe(z.string().max(50)),
      passed: z.boolean(),
      penalty: z.number().min(0),
    }),
  )
  .min(1)
  .superRefine((list, ctx) => {
    list.forEach((tier, index) => {
      const above = list[index - 1];
      if (above && tier.min >= above.min)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'min'],
          message: `须低于第 ${index} 档的 ${above.min} 分（从高分到低分排列）`,
        });
    });
  });

// Sub-account → team name: a sub-account is in one team at most by construction.
const teams = z.record(z.string(), z.string()).superRefine((map, ctx) => {
  for (const [agent, team] of Object.entries(map)) {
    const problem = !notBlank(agent)
      ? '子账号不能为空'
      : !notBlank(team)
        ? `子账号「${agent}」的班组名不能为空`
        : team.length > 50
          ? `子账号「${agent}」的班组名不能超过 50 个字`
          : null;
    if (problem) ctx.addIssue({ code: 'custom', path: [agent], message: problem });
  }
});

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
  adPatterns: z.array(pattern),
  filters: z.strictObject({
    accounts: z.array(z.string().refine(notBlank, '不能为空')),
    staffPatterns: z.array(pattern),
    ownAccounts: z.boolean(),
  }),
  hours: z.strictObject({ pdd: hours, douyin: hours, jd: hours, jdTickets: hours, taobao: hours }),
  taobao: z.strictObject({ replyWithinSec: z.number().positive() }),
  pdd: z.strictObject({
    replyWithinSec: z.number().positive(),
    reply30sTarget: ratio,
    // The shop's own lines (店铺目标) for what PDD publishes no pass line for; null = no target.
    avgResponseSecTarget: z.number().min(1).max(3_600).nullable(),
    conversionTarget: ratio.nullable(),
    aovTarget: z.number().min(0.01).max(1_000_000).nullable(),
    itemsPerBuyerTarget: z.number().min(0.01).max(1_000).nullable(),
  }),
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
    tiers,
  }),
  teams,
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
  settingsIssues(error)
    .map((issue) => `${file}: ${issue.path || '(root)'}: ${issue.message}`)
    .join('\n');

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
  const parsed = presetsSchema.safeParse(await readJson(name), withInput);
  if (!parsed.success) throw new MetricsError('metrics.settings_invalid', describeIssues(name, parsed.error));
  for (const platform of Object.keys(parsed.data.platforms)) {
    if (!isPlatform(platform))
      throw new MetricsError('metrics.settings_invalid', `${name}: platforms.${platform}: unknown platform`);
  }
  return parsed.data as SettingsPresets;
};

export const loadSettingsFile = async (file: string): Promise<SettingsFile> => {
  const parsed = settingsFileSchema.safeParse(await readJson(file), withInput);
  if (!parsed.success) throw new MetricsError('metrics.settings_invalid', describeIssues(file, parsed.error));
  const { shops = {}, ...all } = parsed.data;
  return { all: all as SettingsOverride, shops: shops as Record<string, SettingsOverride> };
};

/**
 * The problems of one shop's override (the shape of a --settings file's `shops.<name>` entry),
 * each with the key path it is about and a zh-CN message naming the field and the reason (see
 * metrics.settings.messages.ts); empty when the override is valid.
 */
export const overrideIssues = (override: unknown): { path: string; message: string }[] => {
  const parsed = overrideSchema.safeParse(override, withInput);
  return parsed.success ? [] : settingsIssues(parsed.error);
};

/** Checks a fully resolved settings object (after overrides) once more. */
export const checkSettings = (
  settings: MetricsSettings,
  shop: string,
  platform: Platform | null,
): MetricsSettings => {
  const parsed = settingsSchema.safeParse(settings, withInput);
  if (!parsed.success)
    throw new MetricsError(
      'metrics.settings_invalid',
      describeIssues(`settings of ${shop} (${platform ?? 'unknown platform'})`, parsed.error),
    );
  return settings;
};
