import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleData, ShopOverrides } from '../../domain/rules/index.js';
import type { Issue, WithIssues } from '../../domain/shared/index.js';

/** The built-in rule library shipped in data/rules (one JSON file per rule). */
export const builtInRulesDirectory = fileURLToPath(new URL('../../../data/rules/', import.meta.url));

const fileIssue = (code: string, file: string, message: string): Issue => ({
  code,
  message,
  severity: 'error',
  at: { file },
});

const parseJson = (file: string): WithIssues<unknown> => {
  try {
    return { result: JSON.parse(readFileSync(file, 'utf8')), issues: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { result: null, issues: [fileIssue('rules.bad_json', file, `无法读取或解析 JSON：${reason}`)] };
  }
};

const isRuleData = (value: unknown): value is RuleData =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RuleData).id === 'string' &&
  Array.isArray((value as RuleData).versions);

/**
 * Reads every `*.json` rule file of `directory` (sorted by name). Unreadable or malformed files
 * become issues naming the file; the others load.
 */
export const loadRuleLibrary = ({
  directory = builtInRulesDirectory,
}: {
  directory?: string;
} = {}): WithIssues<RuleData[]> => {
  const issues: Issue[] = [];
  const result: RuleData[] = [];
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const file = join(directory, name);
    const parsed = parseJson(file);
    issues.push(...parsed.issues);
    if (parsed.result === null) continue;
    if (isRuleData(parsed.result)) result.push(parsed.result);
    else issues.push(fileIssue('rules.bad_shape', file, '规则文件需要 { "id": string, "versions": [...] }'));
  }
  return { result, issues };
};

/** Reads a shop's rule overrides (`{ "rules": {…}, "custom": […] }`) from a JSON file. */
export const loadShopOverrides = ({ file }: { file: string }): WithIssues<ShopOverrides | null> => {
  const parsed = parseJson(file);
  if (parsed.result === null) return { result: null, issues: parsed.issues };
  const value = parsed.result as ShopOverrides;
  const validRules =
    value.rules === undefined || (typeof value.rules === 'object' && !Array.isArray(value.rules));
  const validCustom = value.custom === undefined || Array.isArray(value.custom);
  if (typeof value !== 'object' || Array.isArray(value) || !validRules || !validCustom)
    return {
      result: null,
      issues: [
        fileIssue('rules.bad_overrides', file, '店铺规则文件需要 { "rules"?: {…}, "custom"?: [...] }'),
      ],
    };
  return { result: value, issues: [] };
};
