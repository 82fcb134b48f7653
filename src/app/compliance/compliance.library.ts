import type { Checker } from '../../domain/compliance/index.js';
import { compileLibrary } from '../../domain/compliance/index.js';
import type { RuleData, ShopOverrides } from '../../domain/rules/index.js';
import type { Issue, Platform } from '../../domain/shared/index.js';
import { loadRuleLibrary } from '../../io/rules/index.js';

/** A shop's rule settings in force (质检设置), with a key that changes whenever they do. */
export type KeyedOverrides = { key: string; overrides: ShopOverrides };

/** The built-in rule library, compiled on demand for a day and a platform. */
export type RuleLibrary = {
  /**
   * The checker for the rule versions in force on `day` (YYYY-MM-DD), narrowed to `platform` if
   * given, with a shop's settings applied when `settings` is given.
   */
  checkerFor: (input: {
    day: string;
    platform?: Platform | undefined;
    settings?: KeyedOverrides | undefined;
  }) => Checker;
  /** The rule data itself, for bulk runs that compile their own checkers. */
  rules: RuleData[];
  /** Problems in the rule files; the rules that loaded still work. */
  issues: Issue[];
};

/**
 * Wraps loaded rule data with a cache of compiled checkers. Compiling builds one keyword automaton
 * for every rule, so it happens once per (day, platform) and never per request; entries of earlier
 * days are dropped, since rule versions only change at day boundaries.
 */
export const createRuleLibrary = ({
  rules,
  issues = [],
}: {
  rules: RuleData[];
  issues?: Issue[];
}): RuleLibrary => {
  const checkers = new Map<string, Checker>();
  let cachedDay = '';
  const checkerFor: RuleLibrary['checkerFor'] = ({ day, platform, settings }) => {
    if (day !== cachedDay) {
      checkers.clear();
      cachedDay = day;
    }
    const key = `${platform ?? 'all'}|${settings?.key ?? ''}`;
    const cached = checkers.get(key);
    if (cached) return cached;
    const checker = compileLibrary({ rules, at: day, platform, overrides: settings?.overrides });
    checkers.set(key, checker);
    return checker;
  };
  return { checkerFor, rules, issues };
};

let builtIn: RuleLibrary | null = null;

/** The rule library shipped in data/rules, read from disk the first time it is needed in this process. */
export const builtInRuleLibrary = (): RuleLibrary => {
  if (!builtIn) {
    const loaded = loadRuleLibrary();
    builtIn = createRuleLibrary({ rules: loaded.result, issues: loaded.issues });
  }
  return builtIn;
};
