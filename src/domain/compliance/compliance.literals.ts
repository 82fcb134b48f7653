/**
 * Required literals of a detection pattern: a set of strings such that every match of the regular
 * expression contains at least one of them. The keyword automaton finds those strings in the same
 * pass as the rule keywords, so a pattern whose literals are absent is skipped without running its
 * regular expression, and the fast scan can wait for the literals instead of a broader keyword.
 * The parser knows the syntax the rule library uses; anything else yields null (no guarantee).
 */

type Node =
  | { type: 'alt'; options: Node[][] }
  | { type: 'char'; value: string }
  | { type: 'empty' }
  | { type: 'other' }
  | { type: 'repeat'; of: Node; min: number; max: number };

// Every literal becomes an automaton keyword: larger sets make the automaton slow to build and
// large, for patterns that are rare enough to check with their regular expression anyway.
const maxLiterals = 64;

type Cursor = { source: string; at: number };

const parseEscape = (cursor: Cursor): Node => {
  const char = cursor.source[cursor.at++];
  if (char === undefined) throw new Error('dangling escape');
  if (char === 'b' || char === 'B') return { type: 'empty' };
  if (/[a-zA-Z0-9]/.test(char)) return { type: 'other' };
  return { type: 'char', value: char };
};

const skipClass = (cursor: Cursor): Node => {
  for (cursor.at++; cursor.at < cursor.source.length; cursor.at++) {
    const char = cursor.source[cursor.at];
    if (char === '\\') cursor.at++;
    else if (char === ']') {
      cursor.at++;
      return { type: 'other' };
    }
  }
  throw new Error('unclosed class');
};

const parseGroup = (cursor: Cursor): Node => {
  cursor.at++;
  const { source } = cursor;
  const lookaround = /^\?<?[=!]/.exec(source.slice(cursor.at, cursor.at + 3));
  if (lookaround) cursor.at += lookaround[0].length;
  else if (source.startsWith('?:', cursor.at)) cursor.at += 2;
  else if (source[cursor.at] === '?') throw new Error('unsupported group');
  const inner = parseAlternation(cursor);
  if (source[cursor.at] !== ')') throw new Error('unclosed group');
  cursor.at++;
  // A lookaround matches no characters: it adds no literal and removes none.
  return lookaround ? { type: 'empty' } : inner;
};

const parseAtom = (cursor: Cursor): Node => {
  const char = cursor.source[cursor.at] as string;
  if (char === '(') return parseGroup(cursor);
  if (char === '[') return skipClass(cursor);
  cursor.at++;
  if (char === '\\') return parseEscape(cursor);
  if (char === '^' || char === '$') return { type: 'empty' };
  if (char === '.') return { type: 'other' };
  return { type: 'char', value: char };
};

const parseQuantifier = (cursor: Cursor, atom: Node): Node => {
  const { source } = cursor;
  const char = source[cursor.at];
  let range: [number, number] | null = null;
  if (char === '?') range = [0, 1];
  else if (char === '*') range = [0, Number.POSITIVE_INFINITY];
  else if (char === '+') range = [1, Number.POSITIVE_INFINITY];
  else if (char === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(cursor.at));
    if (braces) {
      const min = Number(braces[1]);
      const max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Number.POSITIVE_INFINITY;
      cursor.at += braces[0].length - 1;
      range = [min, max];
    }
  }
  if (!range) return atom;
  cursor.at++;
  if (source[cursor.at] === '?') cursor.at++;
  return { type: 'repeat', of: atom, min: range[0], max: range[1] };
};

function parseAlternation(cursor: Cursor): Node {
  const options: Node[][] = [[]];
  const { source } = cursor;
  while (cursor.at < source.length && source[cursor.at] !== ')') {
    if (source[cursor.at] === '|') {
      cursor.at++;
      options.push([]);
      continue;
    }
    (options[options.length - 1] as Node[]).push(parseQuantifier(cursor, parseAtom(cursor)));
  }
  return { type: 'alt', options };
}

// The same subtree is asked for its strings from several places: compute each once.
const exactCache = new WeakMap<Node, string[] | null>();

/** Every string the node can match, when that set is finite and small; else null. */
const exactly = (node: Node): string[] | null => {
  const known = exactCache.get(node);
  if (known !== undefined) return known;
  const strings = computeExactly(node);
  exactCache.set(node, strings);
  return strings;
};

const computeExactly = (node: Node): string[] | null => {
  switch (node.type) {
    case 'char':
      return [node.value];
    case 'empty':
      return [''];
    case 'other':
      return null;
    case 'repeat': {
      if (node.max > 1) return null;
      const inner = exactly(node.of);
      if (!inner) return null;
      return node.min === 0 ? [...new Set(['', ...inner])] : inner;
    }
    case 'alt': {
      const all = new Set<string>();
      for (const option of node.options) {
        const strings = sequenceExactly(option);
        if (!strings) return null;
        for (const value of strings) all.add(value);
      }
      return all.size <= maxLiterals ? [...all] : null;
    }
  }
};

function sequenceExactly(items: Node[]): string[] | null {
  let strings = [''];
  for (const item of items) {
    const next = exactly(item);
    if (!next) return null;
    strings = strings.flatMap((head) => next.map((tail) => head + tail));
    if (strings.length > maxLiterals) return null;
  }
  return [...new Set(strings)];
}

/** Orders candidate sets: the longest shortest literal wins, then the smaller set. */
const better = (a: string[] | null, b: string[] | null): string[] | null => {
  if (!a) return b;
  if (!b) return a;
  const shortest = (set: string[]) => Math.min(...set.map((value) => value.length));
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.length <= b.length ? a : b;
};

const usable = (set: string[] | null, accept: (literal: string) => boolean): string[] | null =>
  set && set.length > 0 && set.length <= maxLiterals && set.every((value) => value !== '' && accept(value))
    ? set
    : null;

/** A set one of whose strings every match of the node contains; null when there is none. */
const required = (node: Node, accept: (literal: string) => boolean): string[] | null => {
  if (node.type === 'repeat') return node.min >= 1 ? required(node.of, accept) : null;
  if (node.type !== 'alt') return usable(exactly(node), accept);
  const all = new Set<string>();
  for (const option of node.options) {
    const set = sequenceRequired(option, accept);
    if (!set) return null;
    for (const value of set) all.add(value);
  }
  return usable([...all], accept);
};

// A sequence needs what any one of its parts needs; runs of exact parts join into longer strings.
function sequenceRequired(items: Node[], accept: (literal: string) => boolean): string[] | null {
  let best: string[] | null = null;
  let run: Node[] = [];
  const closeRun = () => {
    if (run.length > 0) best = better(best, usable(sequenceExactly(run), accept));
    run = [];
  };
  for (const item of items) {
    if (exactly(item)) {
      run.push(item);
      continue;
    }
    closeRun();
    best = better(best, required(item, accept));
  }
  closeRun();
  return best;
}

/**
 * The required literals of `source`, each accepted by `accept` (the caller refuses strings the
 * normaliser could change); null when the pattern guarantees none.
 */
export const requiredLiterals = (source: string, accept: (literal: string) => boolean): string[] | null => {
  try {
    const cursor: Cursor = { source, at: 0 };
    const tree = parseAlternation(cursor);
    if (cursor.at !== source.length) return null;
    return required(tree, accept);
  } catch {
    return null;
  }
};
