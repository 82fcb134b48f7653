export { compileLibrary } from './compliance.checker.js';
export type {
  Disagreement,
  Evaluation,
  LabelConflict,
  LabelledReply,
  RuleCounts,
  RuleScore,
  Scores,
} from './compliance.evaluation.js';
export { evaluateLabelled } from './compliance.evaluation.js';
export { passesLuhn } from './compliance.entities.js';
export type { NormalizedText } from './compliance.normalize.js';
export { normalizeText, originalSpan } from './compliance.normalize.js';
export type {
  Checker,
  CheckInput,
  ConversationFinding,
  ConversationMessage,
  Finding,
} from './compliance.types.js';
export type {
  OrderFactFinding,
  OrderFactMessage,
  OrderFactRule,
  OrderFacts,
} from './compliance.orders.js';
export { checkOrderFacts } from './compliance.orders.js';
export { rewriteReply } from './compliance.rewrite.js';
