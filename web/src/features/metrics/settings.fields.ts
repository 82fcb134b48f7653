import type { MetricsSettings, SettingsOverride } from '../../api/metrics-settings.api.js';
import { type MessageKey, t } from '../../i18n/i18n.js';
import { zhCN } from '../../i18n/zh-CN.js';

// The settings a supervisor edits in the browser (店铺绩效设置), with their zh-CN labels. JD's score
// tiers (jd.tiers) stay as the presets or a CLI-saved version set them.

type Unit = 'seconds' | 'minutes' | 'days' | 'turns';

export type SettingsGroup = 'response' | 'conversion' | 'filters' | 'platform' | 'teams';

export type SettingsField = { key: string; group: SettingsGroup } & (
  | { kind: 'number'; unit: Unit; min: number; max: number; integer: boolean }
  | { kind: 'select'; options: string[] }
  | { kind: 'switch' }
  | { kind: 'lines' }
  | { kind: 'window' }
  // A clock range within the day ({ from: '08:00', to: '23:00' }).
  | { kind: 'hours' }
  // A rate stored as a fraction (0.85), edited as a percentage (85 %).
  | { kind: 'percent' }
  // Sub-account → team name.
  | { kind: 'teams' }
);

const seconds = (key: string, max = 86_400): SettingsField => ({
  key,
  group: 'response',
  kind: 'number',
  unit: 'seconds',
  min: 1,
  max,
  integer: true,
});

export const settingsFields: SettingsField[] = [
  seconds('slowThresholdSec', 3_600),
  seconds('slowReception.thresholdSec', 3_600),
  {
    key: 'slowReception.turns',
    group: 'response',
    kind: 'number',
    unit: 'turns',
    min: 1,
    max: 100,
    integer: true,
  },
  {
    key: 'longReceptionMinutes',
    group: 'response',
    kind: 'number',
    unit: 'minutes',
    min: 1,
    max: 1_440,
    integer: true,
  },
  seconds('response.capSec'),
  { key: 'response.unanswered', group: 'response', kind: 'select', options: ['exclude', 'cap'] },
  { key: 'response.excludeZeroSecond', group: 'response', kind: 'switch' },
  { key: 'lookBackDays', group: 'conversion', kind: 'number', unit: 'days', min: 0, max: 366, integer: true },
  { key: 'attribution', group: 'conversion', kind: 'window' },
  { key: 'credit.mode', group: 'conversion', kind: 'select', options: ['order', 'payment', 'orderFirst'] },
  { key: 'credit.pick', group: 'conversion', kind: 'select', options: ['last', 'first'] },
  { key: 'hindsight', group: 'conversion', kind: 'switch' },
  { key: 'adPatterns', group: 'filters', kind: 'lines' },
  { key: 'filters.accounts', group: 'filters', kind: 'lines' },
  { key: 'filters.staffPatterns', group: 'filters', kind: 'lines' },
  { key: 'filters.ownAccounts', group: 'filters', kind: 'switch' },
  ...(['taobao', 'pdd', 'douyin', 'jd', 'jdTickets'] as const).map(
    (platform): SettingsField => ({ key: `hours.${platform}`, group: 'platform', kind: 'hours' }),
  ),
  { ...seconds('taobao.replyWithinSec', 3_600), group: 'platform' },
  { ...seconds('pdd.replyWithinSec', 3_600), group: 'platform' },
  { key: 'pdd.reply30sTarget', group: 'platform', kind: 'percent' },
  { ...seconds('douyin.firstReplyWithinSec', 3_600), group: 'platform' },
  { ...seconds('douyin.replyWithinSec', 3_600), group: 'platform' },
  ...(['firstReplyTarget', 'replyTarget', 'satisfactionTarget'] as const).map(
    (key): SettingsField => ({ key: `douyin.${key}`, group: 'platform', kind: 'percent' }),
  ),
  { ...seconds('jd.withinSec', 86_400), group: 'platform' },
  ...(['satisfactionTarget', 'reviewTarget', 'handleTarget', 'specTarget', 'awaitingTarget'] as const).map(
    (key): SettingsField => ({ key: `jd.${key}`, group: 'platform', kind: 'percent' }),
  ),
  { key: 'teams', group: 'teams', kind: 'teams' },
];

/** The groups of the form, in order. */
export const settingsGroups: SettingsGroup[] = ['response', 'conversion', 'filters', 'platform', 'teams'];

const fieldKey = (key: string) => `metrics.settings.field.${key}` as MessageKey;
const known = new Map(settingsFields.map((field) => [field.key, field]));

/** The zh-CN label of a settings key (`credit.mode` → 落实方式); the key itself when the form has none. */
export const fieldLabel = (key: string): string => (known.has(key) ? t(fieldKey(key)) : key);

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

/** A value as the UI shows it: `60 秒`, `下单判定`, `2 个自然日（含咨询当天）`. */
export const valueText = (key: string, value: unknown): string => {
  const field = known.get(key);
  if (field?.kind === 'number') return `${String(value)} ${unitLabel(field.unit)}`;
  if (field?.kind === 'select') return optionLabel(key, String(value));
  if (field?.kind === 'percent' && typeof value === 'number') return `${Math.round(value * 1000) / 10}%`;
  if (field?.kind === 'hours') {
    const range = value as { from?: string; to?: string } | undefined;
    return `${range?.from ?? '?'}–${range?.to ?? '?'}`;
  }
  if (field?.kind === 'teams') {
    const entries = Object.entries((value ?? {}) as Record<string, string>);
    return entries.length === 0
      ? t('metrics.settings.none')
      : entries.map(([agent, team]) => `${agent} → ${team}`).join('、');
  }
  if (typeof value === 'boolean') return t(value ? 'metrics.settings.yes' : 'metrics.settings.no');
  if (Array.isArray(value)) return value.length === 0 ? t('metrics.settings.none') : value.join('、');
  const window = value as MetricsSettings['attribution'] | undefined;
  if (key === 'attribution' && window?.kind === 'days')
    return t('metrics.settings.field.attribution.daysText', { days: window.days });
  if (key === 'attribution' && window?.kind === 'hours')
    return t('metrics.settings.field.attribution.hoursText', { hours: window.hours });
  return JSON.stringify(value);
};

// Values kept whole in the changes list: not split into their inner keys.
const whole = new Set(['attribution', 'teams']);

/** `{ credit: { mode } }` → [['credit.mode', …]]; arrays, the attribution window and teams stay whole. */
export const changedKeys = (overrides: SettingsOverride): [string, unknown][] =>
  Object.entries(overrides).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && !whole.has(key)
      ? Object.entries(value).map(([inner, entry]): [string, unknown] => [`${key}.${inner}`, entry])
      : [[key, value]],
  );

/** A row of the 班组分配 editor. */
export type TeamRow = { key: number; agent: string; team: string };

/** The saved map of a teams value, whether the form holds editor rows or the stored map. */
export const teamsRecord = (value: unknown): Record<string, string> =>
  Array.isArray(value)
    ? Object.fromEntries(
        (value as TeamRow[])
          .filter((row) => row.agent.trim() !== '' && row.team.trim() !== '')
          .map((row) => [row.agent.trim(), row.team.trim()]),
      )
    : ((value ?? {}) as Record<string, string>);

// Lines fields are edited as text: blank lines and surrounding spaces are not entries; teams are
// edited as rows and saved as a map.
const cleaned = (field: SettingsField, value: unknown): unknown => {
  if (field.kind === 'teams') return teamsRecord(value);
  return field.kind === 'lines' && Array.isArray(value)
    ? value.map((line) => String(line).trim()).filter((line) => line !== '')
    : value;
};

/**
 * The overrides to save: the form's values where they differ from the presets (a value equal to
 * the preset is left out, so it follows later preset changes), over `kept` — the previous
 * version's overrides, whose keys the form does not show are saved again unchanged.
 */
export const overridesFrom = ({
  kept,
  values,
  preset,
}: {
  kept: SettingsOverride;
  values: object;
  preset: MetricsSettings;
}): SettingsOverride => {
  const result = structuredClone(kept) as Tree;
  for (const field of settingsFields) {
    const value = cleaned(field, valueAt(values, field.key));
    const [group, inner] = field.key.split('.') as [string, string | undefined];
    const same = value === undefined || sameValue(value, valueAt(preset, field.key));
    if (inner === undefined) {
      if (same) delete result[group];
      else result[group] = value;
      continue;
    }
    const node = { ...((result[group] as Tree | undefined) ?? {}) };
    if (same) delete node[inner];
    else node[inner] = value;
    if (Object.keys(node).length === 0) delete result[group];
    else result[group] = node;
  }
  return result as SettingsOverride;
};
