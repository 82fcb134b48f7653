import type { Checker } from '../../domain/compliance/index.js';
import type { RuleKind } from '../../domain/rules/index.js';
import type { Db } from '../../store/database.js';
import { authorize } from '../accounts/accounts.authorize.js';
import type { Actor, Clock } from '../accounts/index.js';
import {
  builtInRuleLibrary,
  loadSettingsVersions,
  type RuleLibrary,
  settingsInForce,
} from '../compliance/index.js';
import { inspectionShops } from './inspection.scope.js';

// Which rules judge a 标注样本 and which its label may name. Without a shop: the built-in library on
// every platform. With a shop: its platform's rules with its settings in force today (rules it
// switched off find nothing, its own words and patterns do). A label may name any built-in message
// rule and the shop's own rules (店铺自定义规则); rules judged on a whole conversation or on orders
// cannot be checked from one reply, so they cannot be named.

const kindOrder: Record<RuleKind, number> = { serious: 0, general: 1, service: 2 };

// Platform rules are dated in China time; a shop's own zone wins for its examples.
const defaultTimeZone = 'Asia/Shanghai';

const dayIn = (now: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** What judges the examples of one shop (or of none). */
export type ExampleJudge = {
  checker: Checker;
  /** Rules a label may name, id → title. */
  labelable: Map<string, string>;
  /** The title of every rule id the judge knows, for showing labels and verdicts. */
  titles: Map<string, string>;
};

/** The judge of a shop's examples (null: examples without a shop); undefined for a shop not found. */
export type JudgeFor = (shopId: string | null) => ExampleJudge | undefined;

/** The judges of the organisation's shops named in `shopIds` (and of examples without a shop). */
export const exampleJudges = async ({
  db,
  clock,
  actor,
  library,
  shopIds,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  library: RuleLibrary;
  shopIds: string[];
}): Promise<JudgeFor> => {
  const now = clock.now();
  const builtInChecker = library.checkerFor({ day: dayIn(now, defaultTimeZone) });
  const titles = new Map(builtInChecker.rules.map((rule) => [rule.id, rule.title]));
  // In the rule library's order: serious rules first, then by points.
  const builtInLabels = new Map(
    builtInChecker.rules
      .filter((rule) => rule.scope === 'message')
      .sort(
        (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || b.points - a.points || a.id.localeCompare(b.id),
      )
      .map((rule) => [rule.id, rule.title]),
  );
  const judges = new Map<string | null, ExampleJudge>([
    [null, { checker: builtInChecker, labelable: builtInLabels, titles }],
  ]);
  const wanted = new Set(shopIds);
  const shops =
    wanted.size === 0 ? [] : (await inspectionShops({ db, actor })).filter((shop) => wanted.has(shop.id));
  const versions = await loadSettingsVersions({
    db,
    organizationId: actor.organizationId,
    shopIds: shops.map((shop) => shop.id),
  });
  for (const shop of shops) {
    const day = dayIn(now, shop.timeZone);
    const settings = settingsInForce(versions.get(shop.id) ?? [], day);
    const checker = library.checkerFor({ day, platform: shop.platform, settings });
    const own = (settings?.overrides.custom ?? []).map((rule) => [rule.id, rule.title] as const);
    judges.set(shop.id, {
      checker,
      labelable: new Map([...builtInLabels, ...own]),
      titles: new Map([...titles, ...checker.rules.map((rule) => [rule.id, rule.title] as const), ...own]),
    });
  }
  return (shopId) => judges.get(shopId);
};

/** A rule a label may name, as the form offers it. */
export type LabellingRule = { id: string; title: string; custom: boolean };

/**
 * For a reviewer's question about one shop's examples (or about those without a shop): checks the
 * permission and that the shop is the organisation's (refused as `query.shopId`), then the judges.
 */
export const shopExampleJudges = async ({
  db,
  clock,
  actor,
  library,
  shopId,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  library: RuleLibrary;
  shopId?: string | undefined;
}): Promise<JudgeFor> => {
  authorize(actor, 'inspection.review');
  if (shopId !== undefined) await inspectionShops({ db, actor, shopId, path: 'query.shopId' });
  return exampleJudges({ db, clock, actor, library, shopIds: shopId ? [shopId] : [] });
};

/**
 * The rules a 标注样本 of the shop (or without one) may be labelled with: the built-in message rules,
 * then the shop's own.
 */
export const listLabellingRules = async ({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
  shopId,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  library?: RuleLibrary;
  shopId?: string | undefined;
}): Promise<{ rules: LabellingRule[] }> => {
  const judgeFor = await shopExampleJudges({ db, clock, actor, library, shopId });
  const builtIn = judgeFor(null)?.labelable ?? new Map<string, string>();
  const labelable = judgeFor(shopId ?? null)?.labelable ?? builtIn;
  return {
    rules: [...labelable].map(([id, title]) => ({ id, title, custom: !builtIn.has(id) })),
  };
};
