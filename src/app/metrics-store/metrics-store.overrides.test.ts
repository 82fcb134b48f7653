import { describe, expect, test } from 'vitest';
import { textToDay } from '../../domain/metrics/index.js';
import {
  overridesOn,
  type ShopOverrideVersion,
  settingsPasses,
  versionOn,
} from './metrics-store.overrides.js';

const day = (text: string) => textToDay(text) ?? Number.NaN;
const days = (...texts: string[]) => texts.map(day);

const versions: ShopOverrideVersion[] = [
  { effectiveFrom: '2026-03-05', overrides: { slowThresholdSec: 30 } },
  { effectiveFrom: '2026-03-08', overrides: { slowThresholdSec: 20 } },
];

describe('versionOn', () => {
  test('the version in force is the latest that took effect by that day', () => {
    expect(versionOn(versions, '2026-03-04')).toBeUndefined();
    expect(versionOn(versions, '2026-03-05')?.overrides).toEqual({ slowThresholdSec: 30 });
    expect(versionOn(versions, '2026-03-07')?.overrides).toEqual({ slowThresholdSec: 30 });
    expect(versionOn(versions, '2026-12-31')?.overrides).toEqual({ slowThresholdSec: 20 });
    expect(versionOn(undefined, '2026-03-05')).toBeUndefined();
  });
});

describe('overridesOn', () => {
  test('shops without a version in force that day are left out', () => {
    const all = new Map([
      ['a', versions],
      ['b', [{ effectiveFrom: '2026-03-10', overrides: { lookBackDays: 7 } }]],
    ]);
    expect(overridesOn(all, '2026-03-06')).toEqual(new Map([['a', { slowThresholdSec: 30 }]]));
  });
});

describe('settingsPasses', () => {
  test('shops without versions are recomputed in one pass, with no overrides', () => {
    const needed = new Map([
      ['a', days('2026-03-01', '2026-03-02')],
      ['b', days('2026-03-02')],
    ]);
    expect(settingsPasses(needed, new Map())).toEqual([{ days: needed, overrides: new Map() }]);
  });

  test('a shop’s days are split where a version takes effect, each run with its own overrides', () => {
    const needed = new Map([
      ['a', days('2026-03-09', '2026-03-04', '2026-03-05', '2026-03-08')],
      ['b', days('2026-03-04', '2026-03-09')],
    ]);
    const passes = settingsPasses(needed, new Map([['a', versions]]));
    expect(passes).toEqual([
      {
        days: new Map([
          ['a', days('2026-03-04')],
          ['b', days('2026-03-04', '2026-03-09')],
        ]),
        overrides: new Map(),
      },
      { days: new Map([['a', days('2026-03-05')]]), overrides: new Map([['a', { slowThresholdSec: 30 }]]) },
      {
        days: new Map([['a', days('2026-03-08', '2026-03-09')]]),
        overrides: new Map([['a', { slowThresholdSec: 20 }]]),
      },
    ]);
  });

  test('days needed only after a version start in a pass that carries that version', () => {
    const passes = settingsPasses(new Map([['a', days('2026-03-06')]]), new Map([['a', versions]]));
    expect(passes).toEqual([
      { days: new Map([['a', days('2026-03-06')]]), overrides: new Map([['a', { slowThresholdSec: 30 }]]) },
    ]);
  });
});
