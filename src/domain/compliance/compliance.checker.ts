import type { RuleData, RuleVersion, ShopOverrides } from '../rules/index.js';
import { applyOverrides, rulesInForce } from '../rules/index.js';
import type { Issue, Platform } from '../shared/index.js';
import { rulePoints } from '../shared/index.js';
import {
  type Automaton,
  buildAutomaton,
  createKeywordIndex,
  indexKeywords,
  type Span,
} from './compliance.automaton.js';
import { contactDigitsMinimum } from './compliance.chars.js';
import { compileSpec } from './compliance.combine.js';
import {
  createWorkspace,
  normalizeInto,
  normalizeText,
  originalSpan,
  variantTokens,
} from './compliance.normalize.js';
import { buildScanner } from './compliance.scan.js';
import { type CompiledNode, digitRun, type EvalContext, type SideText } from './compliance.spec.js';
import type { Checker, ConversationFinding, ConversationMessage, Finding } from './compliance.types.js';

type CompiledRule = {
  rule: RuleVersion;
  detect: CompiledNode;
  pointsCases: { when: CompiledNode; points: number }[];
};

type Registry = { ids: Map<string, number>; words: string[]; groups: Int32Array[] };

const register = (registry: Registry, issues: Issue[], word: string, raw = false): number | null => {
  // Variant spellings are registered as written: the fast scan sees the text before they are replaced.
  const normalized = raw ? word : normalizeText(String(word)).text;
  if (normalized.length === 0) {
    issues.push({
      code: 'compliance.empty_keyword',
      message: `关键词规范化后为空：「${word}」`,
      severity: 'warning',
    });
    return null;
  }
  const known = registry.ids.get(normalized);
  if (known !== undefined) return known;
  registry.ids.set(normalized, registry.words.length);
  registry.words.push(normalized);
  return registry.words.length - 1;
};

const compileRule = (rule: RuleVersion, compiler: Parameters<typeof compileSpec>[0]): CompiledRule => ({
  rule,
  detect: compileSpec(compiler, rule.detect, 'agent', `${rule.id}.detect`),
  pointsCases: rule.pointsCases.map((entry, index) => ({
    when: compileSpec(compiler, entry.when, 'agent', `${rule.id}.pointsCases[${index}]`),
    points: entry.points,
  })),
});

const mergeFirst = (spans: Span[], length: number): Span => {
  if (spans.length === 0) return [0, length];
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = sorted[0] ?? [0, length];
  let end = first[1];
  for (const span of sorted) if (span[0] < end) end = Math.max(end, span[1]);
  return [first[0], end];
};

/** Normalises and indexes one side of a chat into its reusable buffers. */
const makeSide = (automaton: Automaton, keywordCount: number, groups: readonly Int32Array[]) => {
  const workspace = createWorkspace();
  const hits = createKeywordIndex(keywordCount, groups);
  return (text: string): SideText => {
    const normalized = normalizeInto(text, workspace);
    indexKeywords(automaton, normalized.text, hits);
    return { normalized, hits, digitRun: workspace.longestDigitRun };
  };
};

const toFinding = (compiled: CompiledRule, spans: Span[], context: EvalContext): Finding => {
  const { rule } = compiled;
  const { normalized } = context.agent;
  const [from, to] = mergeFirst(spans, normalized.text.length);
  const [start, end] = originalSpan(normalized, from, to);
  const special = compiled.pointsCases.find((entry) => entry.when.evaluate(context) !== null);
  return {
    rule: rule.id,
    version: rule.version,
    kind: rule.kind,
    title: rule.title,
    start,
    end,
    evidence: normalized.original.slice(start, end),
    points: rulePoints(special?.points ?? rule.points),
    explanation: rule.explanation,
    suggestion: rule.suggestion,
  };
};

type ScanPlan = {
  scan: (text: string) => boolean;
  /** The rules that may hold for a text: always-rules plus those whose trigger occurs. */
  candidates: (side: SideText) => CompiledRule[];
};

// Which rules run whatever the text, which only when their trigger keywords appear, and the fast
// scan that looks for any of those keywords.
const planScan = ({
  rules,
  pick,
  automaton,
  variantIds,
}: {
  rules: CompiledRule[];
  pick: (node: CompiledNode) => Set<number> | null;
  automaton: Automaton;
  variantIds: number[];
}): ScanPlan => {
  const always = rules.filter((entry) => pick(entry.detect) === null);
  const triggered = rules.filter((entry) => (pick(entry.detect)?.size ?? 0) > 0);
  const triggerKeywords = new Set<number>(variantIds);
  for (const entry of triggered) for (const id of pick(entry.detect) ?? []) triggerKeywords.add(id);
  // Inverted: keyword id → rules it triggers, so selecting candidates walks only the occurrences.
  const byKeyword = new Map<number, number[]>();
  triggered.forEach((entry, position) => {
    for (const id of pick(entry.detect) ?? []) byKeyword.set(id, [...(byKeyword.get(id) ?? []), position]);
  });
  const digitRules = byKeyword.get(digitRun) ?? [];
  // The same, as an array indexed by keyword id: one read per occurrence instead of a hash lookup.
  const rulesOf: (number[] | undefined)[] = [];
  for (const [id, positions] of byKeyword) if (id >= 0) rulesOf[id] = positions;
  const stamp = new Int32Array(triggered.length);
  let epoch = 0;
  // No closure per call: the hot path allocates only the list it returns.
  const take = (selected: CompiledRule[], positions: number[] | undefined) => {
    if (positions === undefined) return;
    for (const position of positions)
      if (stamp[position] !== epoch) {
        stamp[position] = epoch;
        selected.push(triggered[position] as CompiledRule);
      }
  };
  const candidates = ({ hits, digitRun: longestRun }: SideText): CompiledRule[] => {
    epoch++;
    const selected = always.slice();
    for (let slot = 0; slot < hits.count; slot++) take(selected, rulesOf[hits.keywords[slot] as number]);
    if (digitRules.length > 0 && longestRun >= contactDigitsMinimum) take(selected, digitRules);
    return selected;
  };
  return {
    scan: buildScanner({
      automaton,
      triggerKeywords,
      digits: digitRules.length > 0,
      always: always.length > 0,
    }),
    candidates,
  };
};

const suppress = (findings: Finding[], rules: Map<string, RuleVersion>): Finding[] => {
  if (findings.length < 2) return findings;
  const fired = new Set(findings.map((finding) => finding.rule));
  return findings.filter((finding) => !rules.get(finding.rule)?.suppressedBy.some((id) => fired.has(id)));
};

type Prepared = {
  selected: RuleVersion[];
  compiled: CompiledRule[];
  registry: Registry;
  variantIds: number[];
  issues: Issue[];
};

// Versions in force → shop overrides → platform filter → compiled specs sharing one keyword registry.
const prepare = ({
  rules,
  overrides,
  at,
  platform,
}: {
  rules: RuleData[];
  overrides?: ShopOverrides;
  at: string;
  platform?: Platform;
}): Prepared => {
  const inForce = rulesInForce({ rules, at });
  const applied = applyOverrides({ rules: inForce.result, overrides });
  const issues: Issue[] = [...inForce.issues, ...applied.issues];
  const selected = applied.result.filter(
    (rule) => !platform || rule.platforms.length === 0 || rule.platforms.includes(platform),
  );
  const registry: Registry = { ids: new Map(), words: [], groups: [] };
  const compiler = {
    keywordId: (word: string) => register(registry, issues, word),
    issues,
    groups: registry.groups,
  };
  const compiled = selected.map((rule) => compileRule(rule, compiler));
  const variantIds = variantTokens.flatMap((token) => register(registry, issues, token, true) ?? []);
  for (const entry of compiled.filter(
    (rule) => rule.rule.scope === 'message' && rule.detect.trigger === null,
  ))
    issues.push({
      code: 'compliance.no_anchor',
      message: `规则 ${entry.rule.id} 没有关键词锚点，每条消息都要完整检查（较慢）`,
      severity: 'info',
      at: { field: `${entry.rule.id}.detect` },
    });
  return { selected, compiled, registry, variantIds, issues };
};

const evaluate = (candidates: CompiledRule[], context: EvalContext): Finding[] => {
  const findings: Finding[] = [];
  for (const entry of candidates) {
    const spans = entry.detect.evaluate(context);
    if (spans !== null) findings.push(toFinding(entry, spans, context));
  }
  return findings;
};

type Check = (input: { text: string; buyerText?: string }) => { readonly findings: readonly Finding[] };

// Most messages break nothing: they all get this one frozen result instead of a new one each.
const clean: { readonly findings: readonly Finding[] } = Object.freeze({ findings: Object.freeze([]) });

// Bulk inspection: every agent message with the buyer text since the previous reply, plus the
// conversation rules on the first human reply.
const makeConversationCheck =
  ({
    check,
    conversationRules,
    agentSide,
    buyerSide,
  }: {
    check: Check;
    conversationRules: CompiledRule[];
    agentSide: (text: string) => SideText;
    buyerSide: (text: string) => SideText;
  }) =>
  ({ messages }: { messages: ConversationMessage[] }) => {
    const findings: ConversationFinding[] = [];
    let buyerText = '';
    let greeted = false;
    messages.forEach((message, messageIndex) => {
      if (message.speaker === 'buyer') {
        buyerText = buyerText ? `${buyerText}\n${message.text}` : message.text;
        return;
      }
      for (const finding of check({ text: message.text, buyerText }).findings)
        findings.push({ ...finding, messageIndex });
      const human = message.replyKind !== 'auto' && message.replyKind !== 'welcome';
      if (human && !greeted) {
        greeted = true;
        const context = { agent: agentSide(message.text), buyer: buyerSide(buyerText) };
        for (const finding of evaluate(conversationRules, context))
          findings.push({ ...finding, messageIndex });
      }
      buyerText = '';
    });
    return { findings };
  };

/**
 * Compiles a rule library for one day (`at`) and one shop: picks the rule versions in force,
 * applies the shop's overrides, compiles every detection spec and builds one keyword automaton
 * for all of them. Problems in the data come back as `issues`; the checker still works.
 * Compile once, then check many messages: a checker is synchronous and reuses its buffers.
 */
export const compileLibrary = (input: {
  rules: RuleData[];
  overrides?: ShopOverrides;
  at: string;
  platform?: Platform;
}): Checker => {
  const { selected, compiled, registry, variantIds, issues } = prepare(input);
  const automaton = buildAutomaton(registry.words.length > 0 ? registry.words : ['\u0000']);
  const messageRules = compiled.filter((entry) => entry.rule.scope === 'message');
  const plans = {
    withBuyer: planScan({ rules: messageRules, pick: (node) => node.trigger, automaton, variantIds }),
    solo: planScan({ rules: messageRules, pick: (node) => node.solo, automaton, variantIds }),
  };
  const counters = { checks: 0, fullChecks: 0 };
  const agentSide = makeSide(automaton, registry.words.length, registry.groups);
  const buyerSide = makeSide(automaton, registry.words.length, registry.groups);
  const byId = new Map(selected.map((rule) => [rule.id, rule]));
  const check: Check = ({ text, buyerText }) => {
    const plan = buyerText ? plans.withBuyer : plans.solo;
    counters.checks++;
    if (!plan.scan(String(text))) return clean;
    counters.fullChecks++;
    const agent = agentSide(String(text));
    const candidates = plan.candidates(agent);
    if (candidates.length === 0) return clean;
    const buyer = buyerText ? buyerSide(String(buyerText)) : null;
    return { findings: suppress(evaluate(candidates, { agent, buyer }), byId) };
  };
  const conversationRules = compiled.filter((entry) => entry.rule.scope === 'conversation');
  return {
    check,
    checkConversation: makeConversationCheck({ check, conversationRules, agentSide, buyerSide }),
    rules: selected,
    issues,
    keywordCount: registry.words.length,
    counters,
  };
};
