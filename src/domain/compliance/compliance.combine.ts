import type { DetectSpec, Speaker } from '../rules/index.js';
import type { Span } from './compliance.automaton.js';
import {
  type CompiledNode,
  compileLeaf,
  type EvalContext,
  never,
  occursAny,
  reportSpecIssue,
  type SpecCompiler,
  type Trigger,
} from './compliance.spec.js';

const union = (triggers: Trigger[]): Trigger => {
  if (triggers.some((trigger) => trigger === null)) return null;
  const all = new Set<number>();
  for (const trigger of triggers) for (const id of trigger ?? []) all.add(id);
  return all;
};

const isNear = (a: Span, b: Span, within: number, order: 'before' | 'after' | 'any'): boolean => {
  const after = a[0] - b[1];
  const before = b[0] - a[1];
  if (order === 'after') return after >= 0 && after <= within;
  if (order === 'before') return before >= 0 && before <= within;
  return Math.max(after, before) <= within;
};

const compileChildren = (
  compiler: SpecCompiler,
  spec: { of?: unknown },
  speaker: Speaker,
  path: string,
): CompiledNode[] | null => {
  if (!Array.isArray(spec.of) || spec.of.length === 0) {
    reportSpecIssue(compiler, `${path}.of`, '组合条件需要非空的 of 数组');
    return null;
  }
  return spec.of.map((child: DetectSpec, index) =>
    compileSpec(compiler, child, speaker, `${path}.of[${index}]`),
  );
};

/** The child whose trigger is rarest (longest shortest word); on a tie the first, the spec's anchor. */
const strongest = (children: CompiledNode[], pick: (node: CompiledNode) => Trigger): CompiledNode | null => {
  let best: CompiledNode | null = null;
  for (const child of children)
    if (pick(child) !== null && (!best || (child.strength ?? 0) > (best.strength ?? 0))) best = child;
  return best;
};

// The spans reported are those of the last child that has any: specs put the broad anchor first
// and the precise pattern last. A child that can say whether it holds is only asked that; its
// spans are built afterwards, and only when no later child has spans of its own.
const evaluateAll = (children: CompiledNode[], context: EvalContext): Span[] | null => {
  let spans: Span[] = [];
  let spansAt = -1;
  let deferred = false;
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as CompiledNode;
    if (child.holds) {
      if (!child.holds(context)) return null;
      deferred = true;
      continue;
    }
    const result = child.evaluate(context);
    if (result === null) return null;
    if (result.length > 0) {
      spans = result;
      spansAt = index;
    }
  }
  if (deferred)
    for (let index = children.length - 1; index > spansAt; index--) {
      const child = children[index] as CompiledNode;
      if (!child.holds) continue;
      const own = child.evaluate(context) ?? [];
      if (own.length > 0) return own;
    }
  return spans;
};

const compileAnd = (children: CompiledNode[]): CompiledNode => {
  const needs = children.flatMap((child) => (child.need ? [child.need] : []));
  return {
    // Every child's needed keywords are checked first: one missing word rejects the node before
    // any child builds spans or runs a regular expression.
    evaluate: (context) => {
      for (const need of needs) if (!occursAny(context.agent.hits, need)) return null;
      return evaluateAll(children, context);
    },
    trigger: strongest(children, (child) => child.trigger)?.trigger ?? null,
    solo: children.some((child) => child.solo?.size === 0)
      ? new Set()
      : (strongest(children, (child) => child.solo)?.solo ?? null),
    strength: strongest(children, (child) => child.trigger)?.strength ?? 0,
    need: needs[0],
  };
};

const compileOr = (children: CompiledNode[]): CompiledNode => ({
  // The first child that holds decides: a finding reports one span, so the rest need not run.
  evaluate: (context) => {
    for (const child of children) {
      const result = child.evaluate(context);
      if (result !== null) return result;
    }
    return null;
  },
  trigger: union(children.map((child) => child.trigger)),
  solo: union(children.map((child) => child.solo)),
  strength: Math.min(...children.map((child) => child.strength ?? 0)),
});

const compileNear = (
  compiler: SpecCompiler,
  spec: Extract<DetectSpec, { op: 'near' }>,
  speaker: Speaker,
  path: string,
): CompiledNode => {
  if (!Number.isInteger(spec.within) || spec.within < 0)
    return reportSpecIssue(compiler, `${path}.within`, 'near.within 必须是非负整数（字符数）');
  const of = compileSpec(compiler, spec.of, speaker, `${path}.of`);
  const to = compileSpec(compiler, spec.to, speaker, `${path}.to`);
  const order = spec.order ?? 'any';
  return {
    evaluate: (context) => {
      const mine = of.evaluate(context);
      const theirs = mine && mine.length > 0 ? to.evaluate(context) : null;
      if (!mine || !theirs) return null;
      const spans = mine.filter((span) => theirs.some((other) => isNear(span, other, spec.within, order)));
      return spans.length > 0 ? spans : null;
    },
    trigger: of.trigger,
    solo: of.solo,
    strength: of.strength ?? 0,
  };
};

/**
 * Compiles a detection spec into an evaluator. Problems become issues on `compiler` and the
 * faulty node never matches; nothing throws.
 */
export const compileSpec = (
  compiler: SpecCompiler,
  spec: DetectSpec,
  speaker: Speaker,
  path: string,
): CompiledNode => {
  if (typeof spec !== 'object' || spec === null || typeof spec.op !== 'string')
    return reportSpecIssue(compiler, path, '检测条件必须是带 op 的对象');
  const leaf = compileLeaf(compiler, spec, speaker, path);
  if (leaf) return leaf;
  switch (spec.op) {
    case 'and':
    case 'or': {
      const children = compileChildren(compiler, spec, speaker, path);
      if (!children) return never;
      return spec.op === 'and' ? compileAnd(children) : compileOr(children);
    }
    case 'not': {
      const child = compileSpec(compiler, spec.of, speaker, `${path}.of`);
      return {
        evaluate: (context) => (child.evaluate(context) === null ? [] : null),
        trigger: null,
        solo: null,
      };
    }
    case 'speaker': {
      if (spec.is !== 'agent' && spec.is !== 'buyer')
        return reportSpecIssue(compiler, `${path}.is`, 'speaker.is 只能是 agent 或 buyer');
      const child = compileSpec(compiler, spec.of, spec.is, `${path}.of`);
      if (spec.is === 'agent') return child;
      return { evaluate: (context) => (child.evaluate(context) ? [] : null), trigger: null, solo: new Set() };
    }
    case 'near':
      return compileNear(compiler, spec, speaker, path);
    default:
      return reportSpecIssue(
        compiler,
        `${path}.op`,
        `未知的检测算子：${String((spec as { op: unknown }).op)}`,
      );
  }
};
