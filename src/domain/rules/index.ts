export { applyOverrides } from './rules.overrides.js';
export type {
  CustomRule,
  DetectSpec,
  EntityKind,
  PointsCase,
  RuleData,
  RuleDeposit,
  RuleKind,
  RuleScope,
  RuleVersion,
  RuleVersionBody,
  RuleVersionData,
  ShopOverrides,
  Speaker,
} from './rules.types.js';
export { entityKinds, ruleKinds } from './rules.types.js';
export { resolveVersions, rulesInForce, versionInForce } from './rules.versions.js';
