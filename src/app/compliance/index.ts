export { builtInRuleLibrary, createRuleLibrary, type RuleLibrary } from './compliance.library.js';
export { checkReply, listRules, type RuleSummary } from './compliance.usecases.js';
