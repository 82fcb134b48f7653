/**
 * Aho–Corasick over all keywords of a compiled library, as a dense DFA: one table lookup per
 * character whatever the number of keywords. Characters that occur in no keyword share class 0,
 * which keeps the table small (states × alphabet).
 */
export type Automaton = {
  /** Character → alphabet class (0 = in no keyword). */
  classOf: Uint16Array;
  alphabetSize: number;
  /** next state = delta[state * alphabetSize + class]; 16-bit when the states fit, to halve cache misses. */
  delta: Uint16Array | Int32Array;
  /** Keyword ids ending at a state: outputs[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outputs: Int32Array;
  /** Length of each keyword, to turn an end position into a span. */
  lengths: Int32Array;
};

type Trie = { next: Map<number, number>[]; out: number[][] };

const buildTrie = (keywords: readonly string[], classOf: Uint16Array): Trie => {
  const trie: Trie = { next: [new Map()], out: [[]] };
  keywords.forEach((keyword, id) => {
    let state = 0;
    for (let index = 0; index < keyword.length; index++) {
      const symbol = classOf[keyword.charCodeAt(index)] ?? 0;
      const edges = trie.next[state] ?? new Map<number, number>();
      let target = edges.get(symbol);
      if (target === undefined) {
        target = trie.next.length;
        edges.set(symbol, target);
        trie.next.push(new Map());
        trie.out.push([]);
      }
      state = target;
    }
    trie.out[state]?.push(id);
  });
  return trie;
};

/** Builds the automaton for `keywords` (already normalised, non-empty). */
export const buildAutomaton = (keywords: readonly string[]): Automaton => {
  const classOf = new Uint16Array(65536);
  let alphabetSize = 1;
  for (const keyword of keywords)
    for (let index = 0; index < keyword.length; index++) {
      const code = keyword.charCodeAt(index);
      if (classOf[code] === 0) classOf[code] = alphabetSize++;
    }
  const trie = buildTrie(keywords, classOf);
  const states = trie.next.length;
  const delta =
    states < 65536 ? new Uint16Array(states * alphabetSize) : new Int32Array(states * alphabetSize);
  const fail = new Int32Array(states);
  const out = trie.out.map((list) => [...list]);
  const queue: number[] = [];
  for (let symbol = 1; symbol < alphabetSize; symbol++) {
    const target = trie.next[0]?.get(symbol) ?? 0;
    delta[symbol] = target;
    if (target !== 0) queue.push(target);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    const failState = fail[state] ?? 0;
    out[state]?.push(...(out[failState] ?? []));
    for (let symbol = 0; symbol < alphabetSize; symbol++) {
      const target = trie.next[state]?.get(symbol);
      const viaFail = delta[failState * alphabetSize + symbol] ?? 0;
      if (target === undefined || symbol === 0) {
        delta[state * alphabetSize + symbol] = symbol === 0 ? 0 : viaFail;
        continue;
      }
      delta[state * alphabetSize + symbol] = target;
      fail[target] = viaFail;
      queue.push(target);
    }
  }
  const outStart = new Int32Array(states + 1);
  for (let state = 0; state < states; state++)
    outStart[state + 1] = (outStart[state] ?? 0) + (out[state]?.length ?? 0);
  const outputs = Int32Array.from(out.flat());
  return {
    classOf,
    alphabetSize,
    delta,
    outStart,
    outputs,
    lengths: Int32Array.from(keywords, (k) => k.length),
  };
};

/** A span of normalised text, `[start, end)`. */
export type Span = readonly [number, number];

/**
 * The keyword occurrences of one text, kept in reusable buffers: per keyword a linked list of
 * spans, and an epoch stamp so that starting a new text clears nothing.
 */
export type KeywordIndex = {
  epoch: number;
  stamp: Int32Array;
  head: Int32Array;
  /** Per keyword group: the epoch of the last text in which any of its keywords occurs. */
  groupStamp: Int32Array;
  /** Keyword → its groups, as offsets into `groupOf` (keyword k: groupStart[k] … groupStart[k + 1]). */
  groupStart: Int32Array;
  groupOf: Int32Array;
  /** Per occurrence (slot): keyword id, span and the previous slot of the same keyword. */
  keywords: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  next: Int32Array;
  count: number;
};

/**
 * `groups` are sets of keyword ids that rules ask about as one ("does any of these occur?"): the
 * index marks a group when the first of its keywords turns up, so the question costs one read.
 */
export const createKeywordIndex = (
  keywordCount: number,
  groups: readonly ArrayLike<number>[] = [],
): KeywordIndex => {
  // Counting sort: how many groups each keyword is in, the running sum as offsets, then fill.
  const groupStart = new Int32Array(keywordCount + 1);
  const each = (visit: (keyword: number, group: number) => void) =>
    groups.forEach((group, index) => {
      for (let at = 0; at < group.length; at++) visit(group[at] as number, index);
    });
  each((keyword) => {
    groupStart[keyword + 1] = (groupStart[keyword + 1] as number) + 1;
  });
  for (let keyword = 0; keyword < keywordCount; keyword++)
    groupStart[keyword + 1] = (groupStart[keyword + 1] as number) + (groupStart[keyword] as number);
  const groupOf = new Int32Array(groupStart[keywordCount] as number);
  const filled = groupStart.slice(0, keywordCount);
  each((keyword, group) => {
    groupOf[filled[keyword] as number] = group;
    filled[keyword] = (filled[keyword] as number) + 1;
  });
  return {
    epoch: 0,
    stamp: new Int32Array(keywordCount),
    head: new Int32Array(keywordCount),
    groupStamp: new Int32Array(groups.length),
    groupStart,
    groupOf,
    keywords: new Int32Array(64),
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    next: new Int32Array(64),
    count: 0,
  };
};

const grow = (index: KeywordIndex) => {
  const size = index.starts.length * 2;
  for (const key of ['keywords', 'starts', 'ends', 'next'] as const) {
    const bigger = new Int32Array(size);
    bigger.set(index[key]);
    index[key] = bigger;
  }
};

/** Records every keyword occurrence of `text` in `index` (replacing the previous text's). */
export const indexKeywords = (automaton: Automaton, text: string, index: KeywordIndex): void => {
  const { classOf, alphabetSize, delta, outStart, outputs, lengths } = automaton;
  const epoch = ++index.epoch;
  const { stamp, head, groupStamp, groupStart, groupOf } = index;
  // Locals in the loop; the occurrence arrays are re-read only after they grow.
  let { keywords, starts, ends, next } = index;
  let count = 0;
  let state = 0;
  for (let position = 0; position < text.length; position++) {
    const symbol = classOf[text.charCodeAt(position)] as number;
    // A character in no keyword always leads back to the root; skip the table.
    if (symbol === 0) {
      state = 0;
      continue;
    }
    state = delta[state * alphabetSize + symbol] as number;
    const to = outStart[state + 1] as number;
    for (let at = outStart[state] as number; at < to; at++) {
      const keyword = outputs[at] as number;
      if (count === starts.length) {
        index.count = count;
        grow(index);
        ({ keywords, starts, ends, next } = index);
      }
      keywords[count] = keyword;
      starts[count] = position + 1 - (lengths[keyword] as number);
      ends[count] = position + 1;
      if (stamp[keyword] === epoch) next[count] = head[keyword] as number;
      else {
        // First occurrence in this text: its groups occur too.
        next[count] = -1;
        stamp[keyword] = epoch;
        const last = groupStart[keyword + 1] as number;
        for (let group = groupStart[keyword] as number; group < last; group++)
          groupStamp[groupOf[group] as number] = epoch;
      }
      head[keyword] = count++;
    }
  }
  index.count = count;
};

export const hasKeyword = (index: KeywordIndex, keyword: number): boolean =>
  index.stamp[keyword] === index.epoch;

/** The spans where `keyword` occurs in the indexed text. */
export const keywordSpans = (index: KeywordIndex, keyword: number): Span[] => {
  const spans: Span[] = [];
  if (!hasKeyword(index, keyword)) return spans;
  for (let slot = index.head[keyword] as number; slot >= 0; slot = index.next[slot] as number)
    spans.push([index.starts[slot] as number, index.ends[slot] as number]);
  return spans;
};
