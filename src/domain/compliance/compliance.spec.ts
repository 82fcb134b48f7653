import type { DetectSpec, EntityKind, Speaker } from '../rules/index.js';
import { entityKinds } from '../rules/index.js';
import type { Issue } from '../shared/index.js';
import type { KeywordIndex, Span } from './compliance.automaton.js';
import { digitSeparators, ideographJoiners } from './compliance.chars.js';
import { entityTriggers, findEntities } from './compliance.entities.js';
import { requiredLiterals } from './compliance.literals.js';
import { type NormalizedText, normalizeText } from './compliance.normalize.js';

/**
 * One side of a chat as the evaluator sees it: its normalised text, keyword occurrences and the
 * length of its longest digit run (so that no rule has to search for one).
 */
export type SideText = { normalized: NormalizedText; hits: KeywordIndex; digitRun: number };

export type EvalContext = { agent: SideText; buyer: SideText | null };

/** null = the node does not hold; an array (maybe empty) = it holds, with these agent-text spans. */
export type Evaluate = (context: EvalContext) => Span[] | null;

/**
 * What the fast scan must see for a node to possibly hold: keyword ids (or digitRun), or null when
 * the node can hold on any message (it then runs on every message).
 */
export type Trigger = Set<number> | null;
export const digitRun = -1;

/**
 * `solo` is the trigger when there is no buyer text: buyer-context branches cannot hold then.
 * `strength` is the length of the shortest trigger word: an `and` waits for its strongest child.
 */
export type CompiledNode = {
  evaluate: Evaluate;
  trigger: Trigger;
  solo: Trigger;
  strength?: number;
  /** Keywords one of which must occur in the agent text for the node to hold: a cheap early "no". */
  need?: IdSet;
  /**
   * Whether the node holds, without building its spans: an `and` asks this of children whose spans
   * a later child usually replaces, and builds their spans only when none does.
   */
  holds?: (context: EvalContext) => boolean;
};

/** Shared state of one compilation: the keyword registry and the issues found so far. */
export type SpecCompiler = {
  keywordId: (keyword: string) => number | null;
  issues: Issue[];
  /** Every keyword set a node asks "does any occur?" about: the keyword index marks them. */
  groups: Int32Array[];
};

const clauseBreak = new Uint8Array(65536);
for (const char of ',.。!?;\n~…') clauseBreak[char.charCodeAt(0)] = 1;
const maxPatternMatches = 50;

// A clause is cut at punctuation, and at most this far from the match, so that a 100 KB text
// without punctuation costs no more than a short one per match.
const clauseReach = 200;

const clauseAround = (text: string, start: number, end: number): string => {
  let from = start;
  const floor = Math.max(0, start - clauseReach);
  while (from > floor && clauseBreak[text.charCodeAt(from - 1)] === 0) from--;
  let to = end;
  const ceiling = Math.min(text.length, end + clauseReach);
  while (to < ceiling && clauseBreak[text.charCodeAt(to)] === 0) to++;
  return text.slice(from, to);
};

export const never: CompiledNode = { evaluate: () => null, trigger: new Set(), solo: new Set() };

export const reportSpecIssue = (compiler: SpecCompiler, path: string, message: string): CompiledNode => {
  compiler.issues.push({ code: 'compliance.bad_spec', message, severity: 'error', at: { field: path } });
  return never;
};

const makeRegex = (compiler: SpecCompiler, source: string, path: string, flags = ''): RegExp | null => {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    compiler.issues.push({
      code: 'compliance.bad_pattern',
      message: `正则表达式无效：${source}（${reason}）`,
      severity: 'error',
      at: { field: path },
    });
    return null;
  }
};

const side = (context: EvalContext, speaker: Speaker): SideText | null =>
  speaker === 'agent' ? context.agent : context.buyer;

const keywordIds = (compiler: SpecCompiler, words: string[] | undefined, path: string): number[] | null => {
  if (words === undefined) return [];
  if (!Array.isArray(words) || words.some((word) => typeof word !== 'string')) {
    reportSpecIssue(compiler, path, '关键词必须是字符串数组');
    return null;
  }
  return words.flatMap((word) => {
    const id = compiler.keywordId(word);
    return id === null ? [] : [id];
  });
};

/** Keyword ids of one node as a group of the keyword index: "does any occur" is one read. */
export type IdSet = { group: number };

const idSet = (compiler: SpecCompiler, ids: Iterable<number>): IdSet => {
  const list = Int32Array.from(new Set(ids)).sort();
  // Many patterns require the same literals (发票 / 票): one group each, marked once per text.
  const key = list.join(',');
  const known = groupsByKey.get(compiler.groups) ?? new Map<string, number>();
  groupsByKey.set(compiler.groups, known);
  const found = known.get(key);
  if (found !== undefined) return { group: found };
  known.set(key, compiler.groups.length);
  compiler.groups.push(list);
  return { group: compiler.groups.length - 1 };
};

// Per compilation (its group list): the groups registered so far, by their sorted ids.
const groupsByKey = new WeakMap<Int32Array[], Map<string, number>>();

/** Keyword ids as a membership table, for collecting the spans of their occurrences. */
const memberTable = (ids: readonly number[]): Uint8Array => {
  const member = new Uint8Array(ids.reduce((top, id) => Math.max(top, id + 1), 0));
  for (const id of ids) member[id] = 1;
  return member;
};

// The index's epoch stamps answer "does keyword k occur" and "does any keyword of group g occur"
// in one read each: a rule asks the second dozens of times per message.
const has = (hits: KeywordIndex, id: number): boolean => hits.stamp[id] === hits.epoch;

export const occursAny = (hits: KeywordIndex, ids: IdSet): boolean =>
  hits.groupStamp[ids.group] === hits.epoch;

/** Spans of the occurrences of any of `ids`. */
const spansOf = (hits: KeywordIndex, member: Uint8Array): Span[] => {
  const spans: Span[] = [];
  for (let slot = 0; slot < hits.count; slot++)
    if (member[hits.keywords[slot] as number] === 1)
      spans.push([hits.starts[slot] as number, hits.ends[slot] as number]);
  return spans;
};

const compileKeywords = (
  compiler: SpecCompiler,
  spec: Extract<DetectSpec, { op: 'keywords' }>,
  speaker: Speaker,
  path: string,
): CompiledNode => {
  const any = keywordIds(compiler, spec.any, `${path}.any`);
  const all = keywordIds(compiler, spec.all, `${path}.all`);
  const none = keywordIds(compiler, spec.none, `${path}.none`);
  const atLeast = keywordIds(compiler, spec.atLeast?.of, `${path}.atLeast.of`);
  if (!any || !all || !none || !atLeast) return never;
  const count = spec.atLeast?.count ?? 0;
  if (spec.atLeast && (!Number.isInteger(count) || count < 1))
    return reportSpecIssue(compiler, `${path}.atLeast.count`, 'atLeast.count 必须是正整数');
  if (any.length + all.length + atLeast.length + none.length === 0)
    return reportSpecIssue(compiler, path, 'keywords 至少需要 any、all、atLeast 或 none 之一');
  const positive = [...any, ...all, ...atLeast];
  const positiveIds = memberTable(positive);
  const anyIds = any.length > 0 ? idSet(compiler, any) : null;
  const holds = (context: EvalContext): boolean => {
    const text = side(context, speaker);
    if (!text) return none.length > 0 && positive.length === 0;
    const { hits } = text;
    for (const id of none) if (has(hits, id)) return false;
    for (const id of all) if (!has(hits, id)) return false;
    if (count > 0) {
      let found = 0;
      for (const id of atLeast) if (has(hits, id)) found++;
      if (found < count) return false;
    }
    return anyIds === null || occursAny(hits, anyIds);
  };
  const spans = speaker === 'agent' && positive.length > 0;
  const evaluate: Evaluate = (context) => {
    if (!holds(context)) return null;
    return spans ? spansOf(context.agent.hits, positiveIds) : [];
  };
  const trigger = speaker === 'agent' && positive.length > 0 ? new Set(positive) : null;
  const words = [...(spec.any ?? []), ...(spec.all ?? []), ...(spec.atLeast?.of ?? [])];
  return {
    evaluate,
    holds,
    trigger,
    solo: trigger,
    strength: Math.min(...words.map((word) => word.length)),
    need: speaker === 'agent' && anyIds !== null ? anyIds : undefined,
  };
};

// A literal the normaliser leaves as it is, and that the fast scan sees as written: no digits
// (Chinese numeral runs turn into them) and no separator the normaliser may drop.
const isStableLiteral = (literal: string): boolean => {
  const known = stableLiterals.get(literal);
  if (known !== undefined) return known;
  let stable = true;
  for (const char of literal)
    if ((char >= '0' && char <= '9') || digitSeparators.has(char) || ideographJoiners.has(char))
      stable = false;
  stable &&= normalizeText(literal).text === literal;
  stableLiterals.set(literal, stable);
  return stable;
};

// Whether a literal survives normalisation never changes: remembered across compilations.
const stableLiterals = new Map<string, boolean>();

/** Keyword ids of the pattern's required literals, or null when it has none worth looking for. */
const literalIds = (
  compiler: SpecCompiler,
  source: string,
): { ids: Set<number>; lookup: IdSet; strength: number } | null => {
  const literals = requiredLiterals(source, isStableLiteral);
  if (!literals) return null;
  const ids = new Set<number>();
  for (const literal of literals) {
    const id = compiler.keywordId(literal);
    if (id === null) return null;
    ids.add(id);
  }
  return {
    ids,
    lookup: idSet(compiler, ids),
    strength: Math.min(...literals.map((literal) => literal.length)),
  };
};

const compilePattern = (
  compiler: SpecCompiler,
  spec: Extract<DetectSpec, { op: 'pattern' }>,
  speaker: Speaker,
  path: string,
): CompiledNode => {
  if (typeof spec.regex !== 'string' || spec.regex.length === 0)
    return reportSpecIssue(compiler, `${path}.regex`, 'pattern 需要非空的 regex');
  const regex = makeRegex(compiler, spec.regex, `${path}.regex`, 'g');
  const exclude = spec.exclude === undefined ? null : makeRegex(compiler, spec.exclude, `${path}.exclude`);
  if (!regex || (spec.exclude !== undefined && !exclude)) return never;
  const literals = literalIds(compiler, spec.regex);
  const evaluate: Evaluate = (context) => {
    const found = side(context, speaker);
    if (!found) return null;
    // None of the strings every match contains occurs: the regular expression cannot match.
    if (literals && !occursAny(found.hits, literals.lookup)) return null;
    const text = found.normalized.text;
    const spans: Span[] = [];
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match && spans.length < maxPatternMatches; match = regex.exec(text)) {
      const end = match.index + match[0].length;
      if (match[0].length === 0) regex.lastIndex++;
      if (exclude?.test(clauseAround(text, match.index, end))) continue;
      spans.push([match.index, Math.max(end, match.index + 1)]);
    }
    if (spans.length === 0) return null;
    return speaker === 'agent' ? spans : [];
  };
  const trigger = literals && speaker === 'agent' ? literals.ids : null;
  const need = literals && speaker === 'agent' ? literals.lookup : undefined;
  return { evaluate, trigger, solo: trigger, strength: literals?.strength ?? 0, need };
};

const compileEntity = (
  compiler: SpecCompiler,
  spec: Extract<DetectSpec, { op: 'entity' }>,
  speaker: Speaker,
  path: string,
): CompiledNode => {
  const kinds = Array.isArray(spec.kinds) ? spec.kinds : [];
  const unknown = kinds.filter((kind) => !entityKinds.includes(kind));
  if (kinds.length === 0 || unknown.length > 0)
    return reportSpecIssue(compiler, `${path}.kinds`, `未知的实体类型：${unknown.join(', ') || '（空）'}`);
  const exclude = spec.exclude === undefined ? null : makeRegex(compiler, spec.exclude, `${path}.exclude`);
  if (spec.exclude !== undefined && !exclude) return never;
  const trigger = new Set<number>();
  for (const kind of kinds as EntityKind[])
    for (const word of entityTriggers[kind])
      trigger.add(word === '#digits' ? digitRun : (compiler.keywordId(word) ?? 0));
  const evaluate: Evaluate = (context) => {
    const found = side(context, speaker);
    if (!found) return null;
    const text = found.normalized.text;
    const spans: Span[] = [];
    for (const kind of kinds as EntityKind[])
      for (const span of findEntities(kind, text, found.digitRun))
        if (!exclude?.test(clauseAround(text, span[0], span[1]))) spans.push(span);
    if (spans.length === 0) return null;
    return speaker === 'agent' ? spans : [];
  };
  const found = speaker === 'agent' ? trigger : null;
  return { evaluate, trigger: found, solo: found, strength: 2 };
};

export type NodeCompiler = (spec: DetectSpec, speaker: Speaker, path: string) => CompiledNode;

/** Compiles the leaves; the combinators live in compliance.combine.ts and call back here. */
export const compileLeaf = (
  compiler: SpecCompiler,
  spec: DetectSpec,
  speaker: Speaker,
  path: string,
): CompiledNode | null => {
  switch (spec.op) {
    case 'keywords':
      return compileKeywords(compiler, spec, speaker, path);
    case 'pattern':
      return compilePattern(compiler, spec, speaker, path);
    case 'entity':
      return compileEntity(compiler, spec, speaker, path);
    case 'length':
      return {
        evaluate: (context) => {
          const length = side(context, speaker)?.normalized.text.length ?? 0;
          return length >= (spec.min ?? 0) && length <= (spec.max ?? Number.POSITIVE_INFINITY) ? [] : null;
        },
        trigger: null,
        solo: null,
      };
    default:
      return null;
  }
};
