import type { Issue, WithIssues } from '../shared/index.js';
import type { RuleData, RuleVersion, RuleVersionBody, RuleVersionData } from './rules.types.js';

const requiredFields: (keyof RuleVersionBody)[] = [
  'platforms',
  'kind',
  'points',
  'title',
  'explanation',
  'wrong',
  'right',
  'suggestion',
  'detect',
];

const defaults: Pick<RuleVersionBody, 'scope' | 'pointsCases' | 'deposit' | 'suppressedBy' | 'note'> = {
  scope: 'message',
  pointsCases: [],
  deposit: null,
  suppressedBy: [],
  note: '',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const issue = (code: string, message: string, field: string): Issue => ({
  code,
  message,
  severity: 'error',
  at: { field },
});

const checkOrder = (rule: RuleData): Issue[] =>
  rule.versions.flatMap((version, index) => {
    const field = `${rule.id}.versions[${index}]`;
    if (!isoDate.test(version.effectiveFrom))
      return [
        issue('rules.bad_date', `规则 ${rule.id} 的生效日期不是 YYYY-MM-DD：${version.effectiveFrom}`, field),
      ];
    const previous = rule.versions[index - 1];
    if (previous && (previous.version >= version.version || previous.effectiveFrom >= version.effectiveFrom))
      return [issue('rules.version_order', `规则 ${rule.id} 的版本须按版本号和日期递增`, field)];
    return [];
  });

/**
 * Expands a stored rule into complete versions: each later version restates only what changed,
 * and ends where the next begins. Problems (missing fields, dates out of order) become issues.
 */
export const resolveVersions = ({ rule }: { rule: RuleData }): WithIssues<RuleVersion[]> => {
  const first = rule.versions[0];
  if (!first)
    return { result: [], issues: [issue('rules.no_versions', `规则 ${rule.id} 没有任何版本`, rule.id)] };
  const missing = requiredFields.filter((field) => first[field] === undefined);
  if (missing.length > 0)
    return {
      result: [],
      issues: [
        issue('rules.missing_field', `规则 ${rule.id} 的第一个版本缺少：${missing.join(', ')}`, rule.id),
      ],
    };
  const issues = checkOrder(rule);
  let body = { ...defaults, ...(first as RuleVersionBody) };
  const result = rule.versions.map((data: RuleVersionData, index) => {
    const { version, effectiveFrom, ...changes } = data;
    body = { ...body, ...changes };
    const next = rule.versions[index + 1];
    return {
      ...body,
      id: rule.id,
      version,
      effectiveFrom,
      effectiveTo: next?.effectiveFrom ?? null,
      custom: false,
    };
  });
  return { result, issues };
};

/** The version of a rule in force on `at` (YYYY-MM-DD or an ISO timestamp), or null before its first. */
export const versionInForce = ({
  versions,
  at,
}: {
  versions: RuleVersion[];
  at: string;
}): RuleVersion | null => {
  const day = at.slice(0, 10);
  return (
    versions.find(
      (version) =>
        version.effectiveFrom <= day && (version.effectiveTo === null || day < version.effectiveTo),
    ) ?? null
  );
};

/** Every rule of a library in the version in force on `at`; rules not yet in force are left out. */
export const rulesInForce = ({ rules, at }: { rules: RuleData[]; at: string }): WithIssues<RuleVersion[]> => {
  const issues: Issue[] = [];
  const result: RuleVersion[] = [];
  for (const rule of rules) {
    const resolved = resolveVersions({ rule });
    issues.push(...resolved.issues);
    const version = versionInForce({ versions: resolved.result, at });
    if (version) result.push(version);
  }
  return { result, issues };
};
