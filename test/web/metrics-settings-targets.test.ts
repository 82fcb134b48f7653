import { describe, expect, test } from 'vitest';
import { loadPresets } from '../../src/app/metrics/metrics.settings.js';
import { resolveSettings } from '../../src/domain/metrics/index.js';
import { numberProblem } from '../../web/src/features/metrics/settings.checks.js';
import { settingsField, valueText } from '../../web/src/features/metrics/settings.fields.js';
import {
  formValuesOf,
  overridesFrom,
  settingsChanges,
} from '../../web/src/features/metrics/settings.values.js';

// The 绩效设置 form's PDD shop targets (店铺目标): empty means no target (null), as in the presets.

const presets = await loadPresets();
const preset = resolveSettings({ presets, platform: 'pdd', on: '2026-03-01' });
const field = (key: string) => {
  const found = settingsField(key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};

describe('PDD shop target fields', () => {
  test('the four targets sit in the PDD section and may be left empty', () => {
    for (const key of [
      'pdd.avgResponseSecTarget',
      'pdd.conversionTarget',
      'pdd.aovTarget',
      'pdd.itemsPerBuyerTarget',
    ])
      expect(field(key)).toMatchObject({ group: 'platform', platform: 'pdd', optional: true });
    expect(numberProblem(field('pdd.aovTarget'), null)).toBeUndefined();
    expect(numberProblem(field('pdd.conversionTarget'), undefined)).toBeUndefined();
    // The platform's own line is still required.
    expect(numberProblem(field('pdd.reply30sTarget'), null)).toBe('拼多多应答率目标：请填写');
  });

  test('a value out of range is named with the field, as the server would', () => {
    expect(numberProblem(field('pdd.avgResponseSecTarget'), 0)).toBe(
      '拼多多平均人工响应时长目标：须在 1 到 3600 之间',
    );
    expect(numberProblem(field('pdd.conversionTarget'), 1.2)).toBe(
      '拼多多询单转化率目标：须在 0% 到 100% 之间',
    );
    expect(numberProblem(field('pdd.aovTarget'), 158.8)).toBeUndefined();
  });

  test('values read as no target, seconds, a percentage, 元 and items', () => {
    expect(valueText('pdd.aovTarget', null)).toBe('不设目标');
    expect(valueText('pdd.avgResponseSecTarget', 25)).toBe('25 秒');
    expect(valueText('pdd.conversionTarget', 0.35)).toBe('35%');
    expect(valueText('pdd.aovTarget', 158.8)).toBe('158.8 元');
    expect(valueText('pdd.itemsPerBuyerTarget', 1.5)).toBe('1.5 件');
  });

  test('a target set is saved and listed as a change; emptied again it is no override', () => {
    const values = formValuesOf(preset);
    values.pdd = { ...values.pdd, aovTarget: 158.8, conversionTarget: 0.4 };
    const overrides = overridesFrom({ kept: {}, values, preset });
    expect(overrides).toEqual({ pdd: { aovTarget: 158.8, conversionTarget: 0.4 } });
    const after = resolveSettings({ presets, platform: 'pdd', on: '2026-03-01', override: overrides });
    expect(
      settingsChanges(preset, after).map((change) => [change.label, change.before, change.after]),
    ).toEqual([
      ['拼多多询单转化率目标', '不设目标', '40%'],
      ['拼多多客单价目标', '不设目标', '158.8 元'],
    ]);
    values.pdd = { ...values.pdd, aovTarget: null, conversionTarget: null };
    expect(overridesFrom({ kept: overrides, values, preset })).toEqual({});
  });
});
