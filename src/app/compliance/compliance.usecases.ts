import { hasPermission, type Permission } from '../../domain/accounts/index.js';
import { type Finding, rewriteReply } from '../../domain/compliance/index.js';
import type { RuleDeposit, RuleKind, RuleScope } from '../../domain/rules/index.js';
import { isPlatform, type Platform } from '../../domain/shared/index.js';
import type { Db } from '../../store/database.js';
import { findShop, listShops } from '../../store/shops.repository.js';
import { accountsErrors } from '../accounts/index.js';
import type { Actor, Clock } from '../accounts/index.js';
import { builtInRuleLibrary, type RuleLibrary } from './compliance.library.js';
import { loadSettingsVersions, settingsInForce } from './compliance.settings.js';

type Deps = { db: Db; clock: Clock; actor: Actor; library?: RuleLibrary };

// Platform rules are dated in China time; a shop's own zone wins when the check names a shop.
const defaultTimeZone = 'Asia/Shanghai';

const dayIn = (now: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

const authorize = (actor: Actor, permission: Permission): void => {
  if (!hasPermission(actor.role, permission)) throw accountsErrors.forbidden();
};

/** The shop a check names, by id or by name (as `kefu … --shop` does), within the actor's organisation. */
const shopContext = async ({
  db,
  actor,
  shopId,
  shopName,
}: {
  db: Db;
  actor: Actor;
  shopId?: string | undefined;
  shopName?: string | undefined;
}): Promise<{ id: string; platform: Platform; timeZone: string } | null> => {
  if (shopId === undefined && shopName === undefined) return null;
  const organizationId = actor.organizationId;
  const shop =
    shopId !== undefined
      ? await findShop({ db, organizationId, id: shopId })
      : (await listShops({ db, organizationId })).find((one) => one.name === shopName);
  if (!shop || !isPlatform(shop.platform))
    throw accountsErrors.invalidReference(shopId !== undefined ? 'body.shopId' : 'body.shop', '店铺');
  return { id: shop.id, platform: shop.platform, timeZone: shop.timeZone };
};

/**
 * Live check (话术检查) of one agent reply against the rule versions in force today. With a shop of
 * the actor's organisation, only the rules of that shop's platform apply, with the shop's rule
 * settings in force today (rules switched off, points, its own forbidden words); `buyerText` gives the
 * buyer's message the reply answers, which some rules need (e.g. agreeing to a bank transfer).
 */
export const checkReply = async ({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
  text,
  buyerText,
  shopId,
  shop: shopName,
}: Deps & {
  text: string;
  buyerText?: string | undefined;
  shopId?: string | undefined;
  /** The shop's name, instead of its id. */
  shop?: string | undefined;
}): Promise<{
  findings: readonly Finding[];
  /** The reply rewritten to break nothing (建议改写), or null when it breaks nothing. */
  rewrite: string | null;
}> => {
  authorize(actor, 'compliance.check');
  const shop = await shopContext({ db, actor, shopId, shopName });
  const day = dayIn(clock.now(), shop?.timeZone ?? defaultTimeZone);
  const settings = shop
    ? settingsInForce(
        (await loadSettingsVersions({ db, organizationId: actor.organizationId, shopIds: [shop.id] })).get(
          shop.id,
        ) ?? [],
        day,
      )
    : undefined;
  const checker = library.checkerFor({ day, platform: shop?.platform, settings });
  const judge = (reply: string) =>
    checker.check({ text: reply, ...(buyerText ? { buyerText } : {}) }).findings;
  const findings = judge(text);
  return { findings, rewrite: rewriteReply(text, judge, findings) };
};

/** A rule of the library as the rule-library page shows it: the version in force today. */
export type RuleSummary = {
  id: string;
  title: string;
  kind: RuleKind;
  platforms: Platform[];
  points: number;
  deposit: RuleDeposit | null;
  explanation: string;
  wrongExamples: string[];
  rightExamples: string[];
  version: number;
  effectiveFrom: string;
  /** Whether one reply can show it (message) or only a whole conversation, or its orders, can. */
  scope: RuleScope;
};

const kindOrder: Record<RuleKind, number> = { serious: 0, general: 1, service: 2 };

/** Every built-in rule in its version in force today: serious first, then general, then service rules. */
export const listRules = ({
  clock,
  actor,
  library = builtInRuleLibrary(),
}: Omit<Deps, 'db'>): { rules: RuleSummary[] } => {
  authorize(actor, 'rules.read');
  const { rules } = library.checkerFor({ day: dayIn(clock.now(), defaultTimeZone) });
  const summaries = rules.map((rule) => ({
    id: rule.id,
    title: rule.title,
    kind: rule.kind,
    platforms: rule.platforms,
    points: rule.points,
    deposit: rule.deposit,
    explanation: rule.explanation,
    wrongExamples: rule.wrong,
    rightExamples: rule.right,
    version: rule.version,
    effectiveFrom: rule.effectiveFrom,
    scope: rule.scope,
  }));
  summaries.sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || b.points - a.points || a.id.localeCompare(b.id),
  );
  return { rules: summaries };
};
