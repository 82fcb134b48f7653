import { describe, expect, test } from 'vitest';
import { resolveSettings } from '../../domain/metrics/index.js';
import { checkSettings, loadPresets, overrideIssues } from './metrics.settings.js';

// PDD's shop targets (店铺目标): optional lines a shop sets for 平均人工响应时长, 询单转化率,
// 客单价 and 客件数. null means no target; a bad value is named by the field's zh-CN label.

describe('overrideIssues for PDD shop targets', () => {
  test('targets in range, and null for no target, are accepted', () => {
    expect(
      overrideIssues({
        pdd: { avgResponseSecTarget: 25, conversionTarget: 0.4, aovTarget: 158.5, itemsPerBuyerTarget: 1.2 },
      }),
    ).toEqual([]);
    expect(
      overrideIssues({
        pdd: {
          avgResponseSecTarget: null,
          conversionTarget: null,
          aovTarget: null,
          itemsPerBuyerTarget: null,
        },
      }),
    ).toEqual([]);
  });

  test('bad values are refused, each naming the field, its unit and the reason in Chinese', () => {
    expect(
      overrideIssues({
        pdd: { avgResponseSecTarget: 0, conversionTarget: 40, aovTarget: '150', itemsPerBuyerTarget: 5000 },
      }),
    ).toEqual([
      { path: 'pdd.avgResponseSecTarget', message: '拼多多平均人工响应时长目标：不能小于 1 秒' },
      {
        path: 'pdd.conversionTarget',
        message: '拼多多询单转化率目标：须在 0 到 1 之间（比例，0.85 即 85%）',
      },
      { path: 'pdd.aovTarget', message: '拼多多客单价目标：应为数字，不设目标为 null' },
      { path: 'pdd.itemsPerBuyerTarget', message: '拼多多客件数目标：不能大于 1000 件' },
    ]);
    expect(overrideIssues({ pdd: { aovTarget: 0, avgResponseSecTarget: 7200 } })).toEqual([
      { path: 'pdd.avgResponseSecTarget', message: '拼多多平均人工响应时长目标：不能大于 3600 秒' },
      { path: 'pdd.aovTarget', message: '拼多多客单价目标：不能小于 0.01 元' },
    ]);
  });

  test('the presets set no target, and settings resolved with one still pass the full check', async () => {
    const presets = await loadPresets();
    const preset = resolveSettings({ presets, platform: 'pdd', on: '2026-03-01' });
    expect(preset.pdd).toMatchObject({
      avgResponseSecTarget: null,
      conversionTarget: null,
      aovTarget: null,
      itemsPerBuyerTarget: null,
    });
    const withTarget = resolveSettings({
      presets,
      platform: 'pdd',
      on: '2026-03-01',
      override: { pdd: { aovTarget: 150 } },
    });
    expect(checkSettings(withTarget, '拼多多店', 'pdd').pdd).toMatchObject({
      aovTarget: 150,
      reply30sTarget: 0.8,
    });
  });
});
