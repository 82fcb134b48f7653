export { builtInRulesDirectory, loadRuleLibrary, loadShopOverrides } from './rules.loader.js';
