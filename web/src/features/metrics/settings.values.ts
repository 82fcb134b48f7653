import type { MetricsSettings, SettingsOverride } from '../../api/metrics-settings.api.js';
import { t } from '../../i18n/i18n.js';
import {
  fieldLabel,
  type SettingsField,
  sameValue,
  settingsFields,
  valueAt,
  valueText,
} from './settings.fields.js';

// The 绩效设置 form's values and what a save or a version changes. The settings keep teams as a
// map (sub-account → team); the form edits them as teams with their members.

/** A team of the 班组 editor: its name and its members' sub-accounts. */
export type TeamRow = { key: number; name: string; members: string[] };

/** The form's values: the settings, with teams as editor rows. */
export type SettingsFormValues = Omit<MetricsSettings, 'teams'> & { teams: TeamRow[] };

/** `{ 旗舰店:小美: 售前组, 旗舰店:阿慧: 售前组 }` → one row 售前组 with both, teams in first-seen order. */
export const teamRows = (teams: Record<string, string>): TeamRow[] => {
  const byName = new Map<string, string[]>();
  for (const [agent, team] of Object.entries(teams)) byName.set(team, [...(byName.get(team) ?? []), agent]);
  return [...byName].map(([name, members], key) => ({ key, name, members }));
};

/** The saved map of the editor rows; blank names and members are not entries. */
export const teamsOf = (rows: TeamRow[]): Record<string, string> =>
  Object.fromEntries(
    rows.flatMap((row) =>
      row.name.trim() === ''
        ? []
        : row.members
            .map((agent) => agent.trim())
            .flatMap((agent) => (agent ? [[agent, row.name.trim()]] : [])),
    ),
  );

/** The form's starting values for some settings. */
export const formValuesOf = (settings: MetricsSettings): SettingsFormValues => ({
  ...settings,
  teams: teamRows(settings.teams),
});

// Lines fields are edited as text: blank lines and surrounding spaces are not entries; teams are
// edited as rows and saved as a map.
const cleaned = (field: SettingsField, value: unknown): unknown => {
  if (field.kind === 'teams' && Array.isArray(value)) return teamsOf(value as TeamRow[]);
  return field.kind === 'lines' && Array.isArray(value)
    ? value.map((line) => String(line).trim()).filter((line) => line !== '')
    : value;
};

type Tree = Record<string, unknown>;

/**
 * The overrides to save: the form's values where they differ from the presets (a value equal to
 * the preset is left out, so it follows later preset changes), over `kept` — the previous
 * version's overrides, kept for any key the form leaves unset.
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
    if (value === undefined) continue;
    const [group, inner] = field.key.split('.') as [string, string | undefined];
    const same = sameValue(value, valueAt(preset, field.key));
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

/** One line of a version's changes: `归属窗口：2 个自然日（含咨询当天） → 3 个自然日（含咨询当天）`. */
export type SettingsChange = { key: string; label: string; before: string; after: string };

const membersText = (members: string[] | undefined) =>
  members && members.length > 0 ? members.join('、') : t('metrics.settings.none');

// Teams change team by team: a member moved shows under both teams.
const teamChanges = (before: Record<string, string>, after: Record<string, string>): SettingsChange[] => {
  const rowsBefore = new Map(teamRows(before).map((row) => [row.name, row.members]));
  const rowsAfter = new Map(teamRows(after).map((row) => [row.name, row.members]));
  const names = [...new Set([...rowsBefore.keys(), ...rowsAfter.keys()])];
  return names.flatMap((name) => {
    const was = rowsBefore.get(name);
    const now = rowsAfter.get(name);
    return sameValue([...(was ?? [])].sort(), [...(now ?? [])].sort())
      ? []
      : [
          {
            key: `teams.${name}`,
            label: t('metrics.settings.teams.changeLabel', { name }),
            before: membersText(was),
            after: membersText(now),
          },
        ];
  });
};

/** What differs between two settings, field by field in the form's order, as the UI shows values. */
export const settingsChanges = (before: MetricsSettings, after: MetricsSettings): SettingsChange[] =>
  settingsFields.flatMap((field) => {
    if (field.kind === 'teams') return teamChanges(before.teams, after.teams);
    const was = valueAt(before, field.key);
    const now = valueAt(after, field.key);
    if (sameValue(was, now)) return [];
    return [
      {
        key: field.key,
        label: fieldLabel(field.key),
        before: valueText(field.key, was),
        after: valueText(field.key, now),
      },
    ];
  });
