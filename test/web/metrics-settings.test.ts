import { describe, expect, test } from 'vitest';
import { loadPresets } from '../../src/app/metrics/metrics.settings.js';
import { overrideIssues } from '../../src/app/metrics/metrics.settings.js';
import { settingsLabels } from '../../src/app/metrics/metrics.settings.messages.js';
import { resolveSettings } from '../../src/domain/metrics/index.js';
import {
  hoursProblem,
  numberProblem,
  patternsProblem,
  teamsProblem,
  tiersProblem,
} from '../../web/src/features/metrics/settings.checks.js';
import {
  assessedPlatforms,
  fieldLabel,
  offsetText,
  settingsField,
  settingsFields,
  valueText,
} from '../../web/src/features/metrics/settings.fields.js';
import {
  formValuesOf,
  overridesFrom,
  settingsChanges,
  teamRows,
  teamsOf,
} from '../../web/src/features/metrics/settings.values.js';

// The 绩效设置 form without a browser: which keys it edits, how values become overrides, what a
// version changed, and its own checks, which must say what the server says.

const presets = await loadPresets();
const preset = resolveSettings({ presets, platform: 'pdd', on: '2026-03-01' });

/** Every leaf path of a settings object; arrays and maps count as one value. */
const leaves = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    key !== 'teams' &&
    key !== 'attribution'
      ? leaves(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

describe('settingsFields', () => {
  test('the form edits every key of the settings, each with a label', () => {
    const edited = settingsFields.map((field) => field.key);
    const missing = leaves(preset).filter(
      (path) => !edited.some((key) => path === key || path.startsWith(`${key}.`)),
    );
    expect(missing).toEqual([]);
    for (const key of edited) expect(fieldLabel(key)).not.toBe(key);
  });

  test('the form and the server name every field alike', () => {
    const labels = Object.fromEntries(settingsFields.map((field) => [field.key, fieldLabel(field.key)]));
    expect(labels).toEqual(settingsLabels);
  });

  test('a shop sees its own platform first; tmall is assessed by the taobao keys', () => {
    expect(assessedPlatforms('tmall')).toEqual(['taobao', 'pdd', 'douyin', 'jd']);
    expect(assessedPlatforms('jd')[0]).toBe('jd');
  });

  test('values read in Chinese with their units', () => {
    expect(valueText('pdd.reply30sTarget', 0.85)).toBe('85%');
    expect(valueText('hours.pdd', { from: '08:00', to: '23:00' })).toBe('08:00–23:00');
    expect(valueText('timeZoneOffsetMinutes', 480)).toBe('UTC+08:00');
    expect(offsetText(-210)).toBe('UTC-03:30');
    expect(valueText('teams', { 'a:1': '售前', 'a:2': '售前', 'a:3': '售后' })).toBe(
      '售前：a:1、a:2；售后：a:3',
    );
    expect(valueText('jd.tiers', preset.jd.tiers.slice(1, 3))).toBe(
      '80 分起：达标；70 分起：不达标（一个月整改期）（罚 2000 元）',
    );
  });
});

describe('team rows', () => {
  test('a map of sub-accounts becomes one row a team and back, blank entries dropped', () => {
    const rows = teamRows({ '旗舰店:小美': '售前组', '旗舰店:小雨': '售后组', '旗舰店:阿慧': '售前组' });
    expect(rows).toEqual([
      { key: 0, name: '售前组', members: ['旗舰店:小美', '旗舰店:阿慧'] },
      { key: 1, name: '售后组', members: ['旗舰店:小雨'] },
    ]);
    expect(teamsOf([...rows, { key: 2, name: ' ', members: ['x'] }])).toEqual({
      '旗舰店:小美': '售前组',
      '旗舰店:阿慧': '售前组',
      '旗舰店:小雨': '售后组',
    });
  });
});

describe('overridesFrom', () => {
  test('only values unlike the presets are saved: a platform hour window and a team', () => {
    const values = formValuesOf(preset);
    values.hours = { ...values.hours, pdd: { from: '09:00', to: '22:00' } };
    values.teams = [{ key: 0, name: '夜班', members: ['专营店:大宝'] }];
    values.douyin = { ...values.douyin, firstReplyTarget: 0.9 };
    expect(overridesFrom({ kept: { slowThresholdSec: 30 }, values, preset })).toEqual({
      hours: { pdd: { from: '09:00', to: '22:00' } },
      douyin: { firstReplyTarget: 0.9 },
      teams: { '专营店:大宝': '夜班' },
    });
  });

  test('a value set back to the preset is no longer the shop’s own', () => {
    const values = formValuesOf(preset);
    expect(
      overridesFrom({ kept: { pdd: { reply30sTarget: 0.9 }, teams: { a: 'b' } }, values, preset }),
    ).toEqual({});
  });
});

describe('settingsChanges', () => {
  test('a version lists each changed field as before and after, teams team by team', () => {
    const after = {
      ...preset,
      hours: { ...preset.hours, pdd: { from: '09:00', to: '22:00' } },
      pdd: { ...preset.pdd, reply30sTarget: 0.85 },
      teams: { '专营店:大宝': '夜班', '专营店:小林': '白班' },
    };
    const before = { ...preset, teams: { '专营店:大宝': '白班' } };
    expect(settingsChanges(before, after)).toEqual([
      { key: 'hours.pdd', label: '拼多多考核时段', before: '08:00–23:00', after: '09:00–22:00' },
      { key: 'pdd.reply30sTarget', label: '拼多多应答率目标', before: '80%', after: '85%' },
      { key: 'teams.白班', label: '班组「白班」', before: '专营店:大宝', after: '专营店:小林' },
      { key: 'teams.夜班', label: '班组「夜班」', before: '（无）', after: '专营店:大宝' },
    ]);
    expect(settingsChanges(preset, structuredClone(preset))).toEqual([]);
  });
});

describe('the form’s checks', () => {
  const serverSays = (override: object) => overrideIssues(override).map((issue) => issue.message);

  test('a backwards time range is refused in the server’s words', () => {
    const range = { from: '23:00', to: '08:00' };
    expect(hoursProblem('hours.pdd', range)).toBe('拼多多考核时段：开始时间须早于结束时间');
    expect(serverSays({ hours: { pdd: range } })).toEqual([hoursProblem('hours.pdd', range)]);
    expect(hoursProblem('hours.pdd', { from: '08:00', to: '24:00' })).toBeUndefined();
    expect(hoursProblem('hours.jd', { from: '8点', to: '23:00' })).toBe(
      '京东咨询考核时段：时间格式应为 HH:MM（00:00 到 24:00），例如 08:00',
    );
  });

  test('numbers outside their range and missing ones name the field', () => {
    const turns = settingsField('slowReception.turns');
    const target = settingsField('jd.awaitingTarget');
    if (!turns || !target) throw new Error('fields missing');
    expect(numberProblem(turns, 0)).toBe('慢接待的慢响应轮次：须在 1 到 100 之间');
    expect(numberProblem(target, null)).toBe('京东待客户反馈占比上限：请填写');
    expect(numberProblem(target, 0.1)).toBeUndefined();
  });

  test('regular expressions that do not compile are named by line', () => {
    expect(patternsProblem('adPatterns', ['刷单', '', '(['])).toBe(
      '广告识别规则（正则）：第 3 条「([」不是有效的正则表达式',
    );
    expect(serverSays({ adPatterns: ['刷单', '(['] })).toEqual([
      '广告识别规则（正则）第 2 条：不是有效的正则表达式',
    ]);
  });

  test('JD tiers go from the highest score down, each with a name', () => {
    const tiers = [
      { min: 80, name: '达标', passed: true, penalty: 0 },
      { min: 90, name: '优秀', passed: true, penalty: 0 },
      { min: 0, name: ' ', passed: false, penalty: 100 },
    ];
    expect(tiersProblem('jd.tiers', tiers)).toBe(
      '京东售后服务分档位：第 2 档的最低分须低于第 1 档的 80 分（从高分到低分排列）；第 3 档的名称不能为空',
    );
    expect(tiersProblem('jd.tiers', preset.jd.tiers)).toBeUndefined();
    expect(tiersProblem('jd.tiers', [])).toBe('京东售后服务分档位：至少要有 1 档');
  });

  test('a sub-account is in one team; a team has a name and members', () => {
    expect(
      teamsProblem('teams', [
        { key: 0, name: '售前一组（大促期间负责天猫旗舰店全部咨询）', members: ['旗舰店:小美'] },
        { key: 1, name: '售后组', members: ['旗舰店:小美', '旗舰店:小雨'] },
        { key: 2, name: '', members: [] },
        { key: 3, name: '售后组', members: [] },
      ]),
    ).toBe(
      '班组：子账号「旗舰店:小美」同时在班组「售前一组（大促期间负责天猫旗舰店全部咨询）」和「售后组」中，只能属于一个班组；第 3 个班组没有名称；班组「售后组」重复了；班组「售后组」至少要有一个子账号',
    );
    expect(teamsProblem('teams', [{ key: 0, name: '夜班', members: ['a'] }])).toBeUndefined();
  });
});
