import type { MetricsSettings } from '../../api/metrics-settings.api.js';
import type { Platform } from '../../api/types.js';
import { type MessageKey, t } from '../../i18n/i18n.js';
import { zhCN } from '../../i18n/zh-CN.js';

// Every key of the KPI settings (店铺绩效设置) as the browser edits it, with its zh-CN label. The
// server names a refused field by the same label (src/app/metrics/metrics.settings.messages.ts;
// test/web/metrics-settings.test.ts keeps the two in step).

type Unit = 'seconds' | 'minutes' | 'days' | 'turns' | 'yuan' | 'items';

export type SettingsGroup = 'response' | 'conversion' | 'filters' | 'platform' | 'teams';

/** The platform a 平台考核 field is about; tmall shops are assessed by the taobao keys. */
export type AssessedPlatform = 'taobao' | 'pdd' | 'douyin' | 'jd';

export type SettingsField = {
  key: string;
  group: SettingsGroup;
  platform?: AssessedPlatform;
  /** A shop target (店铺目标): left empty, the value is null and there is no target. */
  optional?: boolean;
} & (
  | { kind: 'number'; unit: Unit; min: number; max: number; integer: boolean }
  | { kind: 'select'; options: string[] }
  | { kind: 'switch' }
  | { kind: 'lines' }
  | { kind: 'window' }
  // Minutes east of UTC (Asia/Shanghai = 480), picked as UTC+08:00.
  | { kind: 'timezone' }
  // A clock range within the day ({ from: '08:00', to: '23:00' }).
  | { kind: 'hours' }
  // A rate stored as a fraction (0.85), edited as a percentage (85 %).
  | { kind: 'percent' }
  // JD's score tiers, best first.
  | { kind: 'tiers' }
  // Sub-account → team name, edited as teams with their members.
  | { kind: 'teams' }
);

const number = (key: string, group: SettingsGroup, unit: Unit, max: number, min = 1): SettingsField => ({
  key,
  group,
  kind: 'number',
  unit,
  min,
  max,
  integer: true,
});

const platformFields = (platform: AssessedPlatform, fields: SettingsField[]): SettingsField[] =>
  fields.map((field) => ({ ...field, group: 'platform', platform }));
const hours = (key: string): SettingsField => ({ key, group: 'platform', kind: 'hours' });
const percent = (key: string): SettingsField => ({ key, group: 'platform', kind: 'percent' });
const limit = (key: string, max = 3_600) => number(key, 'platform', 'seconds', max);
// The server's ranges (src/app/metrics/metrics.settings.ts); decimals allowed.
const shopTarget = (key: string, unit: Unit, min: number, max: number): SettingsField => ({
  key,
  group: 'platform',
  kind: 'number',
  unit,
  min,
  max,
  integer: false,
  optional: true,
});

export const settingsFields: SettingsField[] = [
  number('slowThresholdSec', 'response', 'seconds', 3_600),
  number('slowReception.thresholdSec', 'response', 'seconds', 3_600),
  number('slowReception.turns', 'response', 'turns', 100),
  number('longReceptionMinutes', 'response', 'minutes', 1_440),
  number('response.capSec', 'response', 'seconds', 86_400),
  { key: 'response.unanswered', group: 'response', kind: 'select', options: ['exclude', 'cap'] },
  { key: 'response.excludeZeroSecond', group: 'response', kind: 'switch' },
  number('lookBackDays', 'conversion', 'days', 366, 0),
  { key: 'attribution', group: 'conversion', kind: 'window' },
  { key: 'credit.mode', group: 'conversion', kind: 'select', options: ['order', 'payment', 'orderFirst'] },
  { key: 'credit.pick', group: 'conversion', kind: 'select', options: ['last', 'first'] },
  { key: 'hindsight', group: 'conversion', kind: 'switch' },
  { key: 'timeZoneOffsetMinutes', group: 'conversion', kind: 'timezone' },
  { key: 'adPatterns', group: 'filters', kind: 'lines' },
  { key: 'filters.accounts', group: 'filters', kind: 'lines' },
  { key: 'filters.staffPatterns', group: 'filters', kind: 'lines' },
  { key: 'filters.ownAccounts', group: 'filters', kind: 'switch' },
  ...platformFields('taobao', [hours('hours.taobao'), limit('taobao.replyWithinSec')]),
  ...platformFields('pdd', [
    hours('hours.pdd'),
    limit('pdd.replyWithinSec'),
    percent('pdd.reply30sTarget'),
    shopTarget('pdd.avgResponseSecTarget', 'seconds', 1, 3_600),
    { ...percent('pdd.conversionTarget'), optional: true },
    shopTarget('pdd.aovTarget', 'yuan', 0.01, 1_000_000),
    shopTarget('pdd.itemsPerBuyerTarget', 'items', 0.01, 1_000),
  ]),
  ...platformFields('douyin', [
    hours('hours.douyin'),
    limit('douyin.firstReplyWithinSec'),
    limit('douyin.replyWithinSec'),
    percent('douyin.firstReplyTarget'),
    percent('douyin.replyTarget'),
    percent('douyin.satisfactionTarget'),
  ]),
  ...platformFields('jd', [
    hours('hours.jd'),
    hours('hours.jdTickets'),
    limit('jd.withinSec', 86_400),
    percent('jd.satisfactionTarget'),
    percent('jd.reviewTarget'),
    percent('jd.handleTarget'),
    percent('jd.specTarget'),
    percent('jd.awaitingTarget'),
    { key: 'jd.tiers', group: 'platform', kind: 'tiers' },
  ]),
  { key: 'teams', group: 'teams', kind: 'teams' },
];

/** The groups of the form, in order. */
export const settingsGroups: SettingsGroup[] = ['response', 'conversion', 'filters', 'platform', 'teams'];

/** The platforms of 平台考核, the shop's own first. */
export const assessedPlatforms = (own: Platform): AssessedPlatform[] => {
  const mine: AssessedPlatform = own === 'tmall' ? 'taobao' : own;
  return [mine, ...(['taobao', 'pdd', 'douyin', 'jd'] as const).filter((platform) => platform !== mine)];
};

const fieldKey = (key: string) => `metrics.settings.field.${key}` as MessageKey;
export const settingsField = (key: string): SettingsField | undefined =>
  settingsFields.find((field) => field.key === key);

/** The zh-CN label of a settings key (`credit.mode` → 落实方式); the key itself when the form has none. */
export const fieldLabel = (key: string): string => (settingsField(key) ? t(fieldKey(key)) : key);

/** The help line of a field, when it has one. */
export const fieldHelp = (key: string): string | undefined => {
  // Its own help, else its group's (hours.pdd → hours.help).
  const help = [`${fieldKey(key)}.help`, `${fieldKey(key.split('.')[0] ?? key)}.help`].find((one) =>
    Object.hasOwn(zhCN, one),
  );
  return help ? t(help as MessageKey) : undefined;
};

export const optionLabel = (key: string, option: string): string => t(fieldKey(`${key}.${option}`));

export const unitLabel = (unit: Unit): string => t(`metrics.settings.unit.${unit}`);

/** `UTC+08:00` for 480 minutes east of UTC. */
export const offsetText = (minutes: number): string => {
  const size = Math.abs(minutes);
  const clock = `${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
  return `UTC${minutes < 0 ? '-' : '+'}${clock}`;
};

type Tier = MetricsSettings['jd']['tiers'][number];

const tierText = (tier: Tier) =>
  tier.passed
    ? t('metrics.settings.tiers.passedText', { min: tier.min, name: tier.name })
    : t('metrics.settings.tiers.failedText', { min: tier.min, name: tier.name, penalty: tier.penalty });

/** `售前组：旗舰店:小美、旗舰店:阿慧；售后组：旗舰店:小雨`, teams in first-seen order. */
const teamsText = (teams: Record<string, string>): string => {
  const byTeam = new Map<string, string[]>();
  for (const [agent, team] of Object.entries(teams)) byTeam.set(team, [...(byTeam.get(team) ?? []), agent]);
  if (byTeam.size === 0) return t('metrics.settings.none');
  return [...byTeam].map(([team, members]) => `${team}：${members.join('、')}`).join('；');
};

/** A value as the UI shows it: `60 秒`, `下单判定`, `2 个自然日（含咨询当天）`, `08:00–23:00`. */
export const valueText = (key: string, value: unknown): string => {
  const field = settingsField(key);
  if (field?.optional && (value === null || value === undefined)) return t('metrics.settings.noTarget');
  if (field?.kind === 'number') return `${String(value)} ${unitLabel(field.unit)}`;
  if (field?.kind === 'select') return optionLabel(key, String(value));
  if (field?.kind === 'percent' && typeof value === 'number') return `${Math.round(value * 1000) / 10}%`;
  if (field?.kind === 'timezone' && typeof value === 'number') return offsetText(value);
  if (field?.kind === 'hours') {
    const range = value as { from?: string; to?: string } | undefined;
    return `${range?.from ?? '?'}–${range?.to ?? '?'}`;
  }
  if (field?.kind === 'tiers' && Array.isArray(value)) return (value as Tier[]).map(tierText).join('；');
  if (field?.kind === 'teams') return teamsText((value ?? {}) as Record<string, string>);
  if (typeof value === 'boolean') return t(value ? 'metrics.settings.yes' : 'metrics.settings.no');
  if (Array.isArray(value)) return value.length === 0 ? t('metrics.settings.none') : value.join('、');
  const window = value as MetricsSettings['attribution'] | undefined;
  if (key === 'attribution' && window?.kind === 'days')
    return t('metrics.settings.field.attribution.daysText', { days: window.days });
  if (key === 'attribution' && window?.kind === 'hours')
    return t('metrics.settings.field.attribution.hoursText', { hours: window.hours });
  return JSON.stringify(value);
};

type Tree = Record<string, unknown>;

/** The value at a dotted key (`credit.mode`) of a settings or override object. */
export const valueAt = (tree: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

const sorted = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, entry]) => [key, sorted(entry)]),
      )
    : value;

/** Whether two setting values are the same, whatever order their keys were written in. */
export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
