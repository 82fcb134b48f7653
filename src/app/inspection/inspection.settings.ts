import { compileLibrary } from '../../domain/compliance/index.js';
import { textToDay } from '../../domain/metrics/index.js';
import type { CustomRule, ShopOverrides } from '../../domain/rules/index.js';
import type { Db } from '../../store/database.js';
import { saveShopSettings } from '../../store/inspection-settings.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import {
  builtInRuleLibrary,
  loadSettingsVersions,
  type RuleLibrary,
  type ShopSettingsVersion,
  toSettingsVersion,
} from '../compliance/index.js';
import { inspectionErrors } from './inspection.errors.js';
import { inspectionShops } from './inspection.scope.js';

// Shop rule settings (店铺质检设置): switch built-in rules off or on, change their points, add the
// shop's own forbidden words and patterns. Each save is a version that applies from its day on.

export type ShopSettingsView = {
  effectiveFrom: string;
  rules: NonNullable<ShopOverrides['rules']>;
  custom: CustomRule[];
  createdBy: string | null;
  createdAt: string;
};

// Compiler issues name a custom rule's spec (`<id>.detect.of[k].regex`); the form knows it as
// custom[i].patterns[j] (the spec lists the words first, then one entry per pattern).
const issuePath = (field: string | undefined, custom: CustomRule[]): string => {
  if (field === undefined) return 'body.custom';
  const at = /^([^.]+)\.detect\.of\[(\d+)\]/.exec(field);
  const index = at ? custom.findIndex((rule) => rule.id === at[1]) : -1;
  if (!at || index === -1) return `body.${field}`;
  const words = custom[index]?.words?.length ? 1 : 0;
  return `body.custom[${index}].patterns[${Number(at[2]) - words}]`;
};

const toView = (version: ShopSettingsVersion): ShopSettingsView => ({
  effectiveFrom: version.effectiveFrom,
  rules: version.rules,
  custom: version.custom,
  createdBy: version.createdBy,
  createdAt: version.createdAt.toISOString(),
});

/** Every settings version of a shop, oldest first. */
export const getShopSettings = async ({ db, actor, shopId }: { db: Db; actor: Actor; shopId: string }) => {
  authorize(actor, 'inspection.read');
  await inspectionShops({ db, actor, shopId, path: 'params.shopId' });
  const versions =
    (await loadSettingsVersions({ db, organizationId: actor.organizationId, shopIds: [shopId] })).get(
      shopId,
    ) ?? [];
  return { shopId, versions: versions.map(toView) };
};

/**
 * Saves the shop's settings from `effectiveFrom` on. Unknown rule ids, custom rules clashing with
 * a built-in id, empty ones and patterns that do not compile are refused, each named by its field.
 */
export const saveShopRuleSettings = async ({
  db,
  clock,
  actor,
  shopId,
  effectiveFrom,
  rules,
  custom,
  library = builtInRuleLibrary(),
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  shopId: string;
  effectiveFrom: string;
  rules: NonNullable<ShopOverrides['rules']>;
  custom: CustomRule[];
  library?: RuleLibrary;
}) => {
  authorize(actor, 'inspection.review');
  const [shop] = await inspectionShops({ db, actor, shopId, path: 'params.shopId' });
  if (textToDay(effectiveFrom) === null)
    throw inspectionErrors.invalid([
      { path: 'body.effectiveFrom', message: `「${effectiveFrom}」不是 YYYY-MM-DD` },
    ]);
  const ids = new Set(custom.map((rule) => rule.id));
  if (ids.size !== custom.length)
    throw inspectionErrors.invalid([{ path: 'body.custom', message: '自定义规则的 id 不能重复' }]);
  const checker = compileLibrary({
    rules: library.rules,
    at: effectiveFrom,
    ...(shop ? { platform: shop.platform } : {}),
    overrides: { rules, custom },
  });
  const problems = checker.issues.filter((issue) => issue.severity !== 'info');
  if (problems.length > 0)
    throw inspectionErrors.invalid(
      problems.map((issue) => ({ path: issuePath(issue.at?.field, custom), message: issue.message })),
    );
  const saved = await saveShopSettings({
    db,
    settings: {
      organizationId: actor.organizationId,
      shopId,
      effectiveFrom,
      rules,
      custom,
      createdBy: actor.userId,
      createdAt: clock.now(),
    },
  });
  await recordAudit({
    db,
    clock,
    actor,
    action: 'inspection.settings_saved',
    target: shopId,
    details: { effectiveFrom, rules, custom: custom.map((rule) => rule.id) },
  });
  return toView(toSettingsVersion(saved));
};
