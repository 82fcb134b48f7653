import { readFile } from 'node:fs/promises';
import { Option } from 'commander';
import { systemClock } from '../app/accounts/index.js';
import { loadPresets } from '../app/metrics/metrics.settings.js';
import {
  getShopMetricSettings,
  type ShopMetricSettingsView,
  saveShopMetricSettings,
} from '../app/metrics-store/metrics-store.settings.js';
import { textTable } from '../io/metrics/index.js';
import type { CommandRegistration } from './cli.js';
import { asOwner, shopIdNamed } from './cli.context.js';
import { CliError, type CliIo } from './cli.io.js';

type Format = 'table' | 'json';

const helpText = `
A shop's own KPI settings (店铺绩效设置) on top of data/settings/metrics.presets.json: the same
keys as one shop's entry of a \`kefu metrics --settings\` file. Each \`set\` is a version in force
from its day on (the same day again replaces it); the shop's stored results from that day are
recomputed on their next read, and reported numbers that change are logged as restatements.

Examples:
  kefu metrics-settings show --shop 天猫旗舰店
  echo '{ "slowThresholdSec": 30, "attribution": { "kind": "hours", "hours": 48 } }' > shop.json
  kefu metrics-settings set --shop 天猫旗舰店 --from 2026-04-01 --file shop.json
`;

/** `{ credit: { mode: 'order' } }` → [['credit.mode', 'order']]; arrays and windows stay whole. */
const flatten = (value: Record<string, unknown>, prefix = ''): [string, unknown][] =>
  Object.entries(value).flatMap(([key, entry]): [string, unknown][] =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry) && key !== 'attribution'
      ? flatten(entry as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, entry]],
  );

const show = (entry: unknown) => (typeof entry === 'string' ? entry : JSON.stringify(entry));

const printView = (io: CliIo, view: ShopMetricSettingsView, format: Format) => {
  if (format === 'json') return io.stdout(`${JSON.stringify(view, null, 2)}\n`);
  const { shop, current, versions } = view;
  io.stdout(`${shop.name}（${shop.platform}）的绩效设置版本：\n`);
  io.stdout(
    versions.length === 0
      ? '（没有店铺设置：全部沿用默认）\n'
      : textTable(
          ['生效日期', '修改项', '保存人', '保存时间'],
          versions.map((version) => [
            version.effectiveFrom,
            flatten(version.overrides)
              .map(([key, entry]) => `${key}=${show(entry)}`)
              .join(', ') || '（无修改）',
            version.createdByName ?? 'kefu-cli',
            version.createdAt,
          ]),
        ),
  );
  const preset = new Map(flatten(view.preset).map(([key, entry]) => [key, JSON.stringify(entry)]));
  io.stdout(`\n${view.today} 生效的设置（${current.effectiveFrom ?? '默认'}）：\n`);
  io.stdout(
    textTable(
      // The value last: a long one (jd.tiers) then widens nothing.
      ['设置', '来源', '值'],
      flatten(current.settings).map(([key, entry]) => [
        key,
        preset.get(key) === JSON.stringify(entry) ? '默认' : '店铺',
        show(entry),
      ]),
    ),
  );
};

const readOverrides = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${(error as Error).message})`);
  }
};

const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');

/** `kefu metrics-settings show --shop S` and `kefu metrics-settings set --shop S --from D --file F`. */
export const registerMetricsSettingsCommand: CommandRegistration = (program, io) => {
  const command = program
    .command('metrics-settings')
    .description("A shop's own KPI settings (店铺绩效设置), versioned by the day they take effect")
    .addHelpText('after', helpText);
  command
    .command('show')
    .description('List the versions of a shop and the settings in force today')
    .requiredOption('--shop <name>', 'the shop (by name)')
    .addOption(formatOption())
    .action((options: { shop: string; format: Format }) =>
      asOwner(async ({ db, actor }) => {
        const presets = await loadPresets();
        const shopId = await shopIdNamed(db, actor, options.shop);
        printView(
          io,
          await getShopMetricSettings({ db, clock: systemClock, actor, presets, shopId }),
          options.format,
        );
      }),
    );
  command
    .command('set')
    .description('Save overrides from a JSON file as the version in force from a day on (audited)')
    .requiredOption('--shop <name>', 'the shop (by name)')
    .requiredOption('--from <day>', 'the first day it applies, YYYY-MM-DD (shop-local)')
    .requiredOption('--file <file>', 'a JSON object of settings keys, e.g. { "slowThresholdSec": 30 }')
    .addOption(formatOption())
    .action((options: { shop: string; from: string; file: string; format: Format }) =>
      asOwner(async ({ db, actor }) => {
        const overrides = await readOverrides(options.file);
        const presets = await loadPresets();
        const shopId = await shopIdNamed(db, actor, options.shop);
        const view = await saveShopMetricSettings({
          db,
          clock: systemClock,
          actor,
          presets,
          shopId,
          effectiveFrom: options.from,
          overrides,
          paths: { shopId: '--shop', effectiveFrom: '--from', overrides: options.file },
        });
        if (options.format === 'table')
          io.stdout(
            `已保存：${options.shop} 自 ${options.from} 起的绩效设置，相关日期的绩效将重新计算。\n\n`,
          );
        printView(io, view, options.format);
      }),
    );
};
