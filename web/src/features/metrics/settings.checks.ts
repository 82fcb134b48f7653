import type { MetricsSettings } from '../../api/metrics-settings.api.js';
import { t } from '../../i18n/i18n.js';
import { fieldLabel, type SettingsField } from './settings.fields.js';
import type { TeamRow } from './settings.values.js';

// The 绩效设置 form's own checks, before anything is sent: the same rules and the same words as
// the server's (src/app/metrics/metrics.settings.ts), each naming the field and the reason.

const said = (key: string, reason: string) => `${fieldLabel(key)}：${reason}`;

// 00:00 to 24:00 (the end of the day), seconds optional.
const clock = /^(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?|24:00(:00)?)$/;

/** A problem with a clock range (拼多多考核时段：开始时间须早于结束时间), or undefined. */
export const hoursProblem = (key: string, range: { from?: string; to?: string } | undefined) => {
  const from = range?.from ?? '';
  const to = range?.to ?? '';
  if (from === '' || to === '') return said(key, t('metrics.settings.problem.timeMissing'));
  if (!clock.test(from) || !clock.test(to)) return said(key, t('metrics.settings.problem.time'));
  return from.padEnd(8, ':00') < to.padEnd(8, ':00')
    ? undefined
    : said(key, t('metrics.settings.problem.order'));
};

/** A number outside the field's range or missing (unless the field may be empty), or undefined. */
export const numberProblem = (field: SettingsField, value: unknown) => {
  if (field.optional && (value === null || value === undefined)) return undefined;
  if (typeof value !== 'number') return said(field.key, t('metrics.settings.problem.required'));
  if (field.kind === 'percent')
    return value < 0 || value > 1 ? said(field.key, t('metrics.settings.problem.percent')) : undefined;
  if (field.kind !== 'number' || (value >= field.min && value <= field.max)) return undefined;
  return said(field.key, t('metrics.settings.problem.range', { min: field.min, max: field.max }));
};

const compiles = (source: string) => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
};

/** Lines that are not regular expressions (广告识别规则（正则）：第 2 条「([」不是有效的正则表达式). */
export const patternsProblem = (key: string, lines: unknown): string | undefined => {
  const entries = Array.isArray(lines) ? lines.map((line) => String(line).trim()) : [];
  const bad = entries.flatMap((line, index) => (line !== '' && !compiles(line) ? [{ line, index }] : []));
  if (bad.length === 0) return undefined;
  const named = bad.map(({ line, index }) => t('metrics.settings.problem.regexLine', { n: index + 1, line }));
  return said(key, named.join('；'));
};

type Tier = MetricsSettings['jd']['tiers'][number];

/** Problems of JD's tiers: a name each, a lowest score 0–100, each tier below the one above it. */
export const tiersProblem = (key: string, tiers: Tier[] | undefined): string | undefined => {
  const list = tiers ?? [];
  if (list.length === 0) return said(key, t('metrics.settings.problem.tiersEmpty'));
  const problems = list.flatMap((tier, index) => {
    const n = index + 1;
    const above = list[index - 1];
    if (tier.name.trim() === '') return [t('metrics.settings.problem.tierName', { n })];
    if (typeof tier.min !== 'number' || tier.min < 0 || tier.min > 100)
      return [t('metrics.settings.problem.tierMin', { n })];
    if (typeof tier.penalty !== 'number' || tier.penalty < 0)
      return [t('metrics.settings.problem.tierPenalty', { n })];
    if (above && tier.min >= above.min)
      return [t('metrics.settings.problem.tierOrder', { n, above: index, min: above.min })];
    return [];
  });
  return problems.length > 0 ? said(key, problems.join('；')) : undefined;
};

/**
 * Problems of the 班组 rows: a name each (at most 50 characters, not used twice), at least one
 * member each, and no sub-account in two teams.
 */
export const teamsProblem = (key: string, rows: TeamRow[] | undefined): string | undefined => {
  const list = rows ?? [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const names = new Set<string>();
  list.forEach((row, index) => {
    const name = row.name.trim();
    const n = index + 1;
    if (name === '') problems.push(t('metrics.settings.problem.teamName', { n }));
    else if (name.length > 50) problems.push(t('metrics.settings.problem.teamNameLong', { name }));
    else if (names.has(name)) problems.push(t('metrics.settings.problem.teamTwice', { name }));
    names.add(name);
    if (name !== '' && row.members.length === 0)
      problems.push(t('metrics.settings.problem.teamEmpty', { name }));
    for (const agent of row.members) {
      const other = seen.get(agent);
      if (other !== undefined && other !== name)
        problems.push(t('metrics.settings.problem.memberTwice', { agent, team: other, other: name }));
      seen.set(agent, name);
    }
  });
  return problems.length > 0 ? said(key, problems.join('；')) : undefined;
};
