export {
  builtInRuleLibrary,
  createRuleLibrary,
  type KeyedOverrides,
  type RuleLibrary,
} from './compliance.library.js';
export {
  loadSettingsVersions,
  type ShopSettingsVersion,
  settingsInForce,
  toSettingsVersion,
} from './compliance.settings.js';
export { checkReply, listRules, type RuleSummary } from './compliance.usecases.js';
