import type { Issue, WithIssues } from '../shared/index.js';
import type { CustomRule, DetectSpec, RuleVersion, ShopOverrides } from './rules.types.js';

const warn = (code: string, message: string, field: string): Issue => ({
  code,
  message,
  severity: 'warning',
  at: { field },
});

const customDetect = (custom: CustomRule): DetectSpec => {
  const parts: DetectSpec[] = [];
  if (custom.words && custom.words.length > 0) parts.push({ op: 'keywords', any: custom.words });
  for (const regex of custom.patterns ?? []) parts.push({ op: 'pattern', regex });
  return { op: 'or', of: parts };
};

const toRule = (custom: CustomRule): RuleVersion => ({
  id: custom.id,
  version: 1,
  effectiveFrom: '0000-01-01',
  effectiveTo: null,
  custom: true,
  platforms: [],
  kind: custom.kind ?? 'general',
  scope: 'message',
  points: custom.points ?? 0,
  pointsCases: [],
  deposit: null,
  title: custom.title,
  explanation: custom.explanation ?? `店铺自定义规则：${custom.title}`,
  wrong: [],
  right: [],
  suggestion: custom.suggestion ?? '请换一种符合店铺规范的说法。',
  detect: customDetect(custom),
  suppressedBy: [],
  note: '店铺自定义',
});

/**
 * Applies a shop's overrides to the rules in force: disabled rules drop out, points change,
 * custom forbidden words and patterns join as rules of their own. Unknown ids become warnings.
 */
export const applyOverrides = ({
  rules,
  overrides,
}: {
  rules: RuleVersion[];
  overrides?: ShopOverrides;
}): WithIssues<RuleVersion[]> => {
  if (!overrides) return { result: rules, issues: [] };
  const issues: Issue[] = [];
  const known = new Set(rules.map((rule) => rule.id));
  for (const id of Object.keys(overrides.rules ?? {}))
    if (!known.has(id))
      issues.push(warn('rules.unknown_override', `店铺设置里的规则 ${id} 不存在`, `rules.${id}`));
  const result = rules.flatMap((rule) => {
    const change = overrides.rules?.[rule.id];
    if (change?.enabled === false) return [];
    return [change?.points === undefined ? rule : { ...rule, points: change.points, pointsCases: [] }];
  });
  for (const [index, custom] of (overrides.custom ?? []).entries()) {
    const field = `custom[${index}]`;
    if (known.has(custom.id)) {
      issues.push(warn('rules.custom_clash', `自定义规则 ${custom.id} 与内置规则重名，已跳过`, field));
      continue;
    }
    if (!custom.words?.length && !custom.patterns?.length) {
      issues.push(warn('rules.custom_empty', `自定义规则 ${custom.id} 没有禁用词或模式`, field));
      continue;
    }
    if (custom.enabled !== false) result.push(toRule(custom));
  }
  return { result, issues };
};
