import {
  charKind,
  charTables,
  digitSeparators,
  ideographJoiners,
  isIdeograph,
  numeralRunMinimum,
} from './compliance.chars.js';

/**
 * Text prepared for matching, with a map back to the original: normalised character `k` came
 * from `original.slice(starts[k], ends[k])`.
 */
export type NormalizedText = { text: string; starts: Int32Array; ends: Int32Array; original: string };

type Variant = { from: string; to: string; latin: boolean };

// Spellings sellers use to slip 微信 / QQ past filters, mapped to one canonical form each.
const variants: Variant[] = [
  ...['薇信', '威信', '徽信', '维信', '嶶信', '微倍', 'v信', '微x'].map((from) => ({
    from,
    to: '微信',
    latin: false,
  })),
  ...['vx', 'wx', 'weixin', 'wechat', 'vchat'].map((from) => ({ from, to: '微信', latin: true })),
  { from: '加v', to: '加微信', latin: true },
  { from: '+v', to: '加微信', latin: true },
  { from: '加薇', to: '加微信', latin: false },
  ...['扣扣', '企鹅', '球球'].map((from) => ({ from, to: 'qq', latin: false })),
  { from: 'q号', to: 'qq号', latin: true },
  { from: 'zfb', to: '支付宝', latin: true },
  { from: '加q', to: '加qq', latin: true },
];

/** The variant spellings, as the fast scan must see them (they send a message to the full check). */
export const variantTokens: readonly string[] = variants.map((variant) => variant.from);

const isLatin = (code: number | undefined): boolean => code !== undefined && code >= 0x61 && code <= 0x7a;

/** Growable output: codes with the original span of each. */
type Buffer = { codes: Uint16Array; starts: Int32Array; ends: Int32Array; length: number };

const createBuffer = (capacity: number): Buffer => ({
  codes: new Uint16Array(capacity),
  starts: new Int32Array(capacity),
  ends: new Int32Array(capacity),
  length: 0,
});

/**
 * Buffers reused from one message to the next, so that the hot path allocates almost nothing.
 * A text normalised into a workspace is valid until the workspace is used again.
 */
export type Workspace = {
  first: Buffer;
  second: Buffer;
  facts: Pass1;
  /** Longest run of digits in the last text normalised here, when ≥ 5 (else 0). */
  longestDigitRun: number;
};

export const createWorkspace = (capacity = 256): Workspace => ({
  first: createBuffer(capacity),
  second: createBuffer(capacity),
  facts: { longestRun: 0, numerals: false, variants: false, identity: true },
  longestDigitRun: 0,
});

const reuse = (workspace: Workspace, name: 'first' | 'second', capacity: number): Buffer => {
  if (workspace[name].codes.length < capacity) workspace[name] = createBuffer(capacity * 2);
  workspace[name].length = 0;
  return workspace[name];
};

const push = (buffer: Buffer, code: number, start: number, end: number) => {
  const at = buffer.length++;
  buffer.codes[at] = code;
  buffer.starts[at] = start;
  buffer.ends[at] = end;
};

const nextKeptCode = (original: string, from: number): number => {
  const { mapped, kind } = tables();
  for (let index = from; index < original.length; index++) {
    const code = original.charCodeAt(index);
    if (kind[code] === keepKind) return mapped[code] ?? code;
  }
  return -1;
};

// Imported bindings copied once: the hot loops below read them per character, and a transpiled
// module would turn every such read into a getter call.
const { keep: keepKind, space: spaceKind } = charKind;
const ideograph = isIdeograph;
const runMinimum = numeralRunMinimum;
const tables = charTables;

const wei = '微'.charCodeAt(0);
const xin = '信'.charCodeAt(0);
const separatorTable = new Uint8Array(65536);
for (const char of digitSeparators) separatorTable[char.charCodeAt(0)] = 1;
for (const char of ideographJoiners) {
  const code = char.charCodeAt(0);
  separatorTable[code] = (separatorTable[code] as number) | 2;
}

/** Whether a separator after `last` is held back: 1 between digits, 2 between ideographs, else 0. */
const holdsSeparator = (separator: number, last: number, digitOf: Int8Array): number => {
  if ((separator & 1) === 1 && (digitOf[last] as number) >= 0) return 1;
  if ((separator & 2) === 2 && ideograph(last)) return 2;
  return 0;
};

/** Whether the held separator disappears before `next`. */
const dropsSeparator = (held: number, next: number, digitOf: Int8Array): boolean =>
  held === 1 ? (digitOf[next] as number) >= 0 : ideograph(next);
const variantFirst = new Uint8Array(65536);
for (const variant of variants) variantFirst[variant.from.charCodeAt(0)] = 1;

// Everything pass 1 asks about a code unit, packed in one table: one memory read per character
// instead of five reads from five 64 K tables.
const outMask = 0xffff;
const kindShift = 16;
const separatorShift = 18;
const isDigit = 1 << 20;
const isNumeral = 1 << 21;
const startsVariant = 1 << 22;
const isChanged = 1 << 23;

const buildPacked = (): Int32Array => {
  const { mapped, kind, digitOf } = tables();
  const packed = new Int32Array(65536);
  for (let code = 0; code < 65536; code++) {
    const out = mapped[code] as number;
    let info =
      out | ((kind[code] as number) << kindShift) | ((separatorTable[out] as number) << separatorShift);
    if ((digitOf[out] as number) >= 0) info |= out >= 0x30 && out <= 0x39 ? isDigit : isDigit | isNumeral;
    if (variantFirst[out] === 1) info |= startsVariant;
    if (out !== code) info |= isChanged;
    packed[code] = info;
  }
  return packed;
};

let packedTable: Int32Array | null = null;

/** What pass 1 learnt about its output, so that the later passes run only when they change something. */
type Pass1 = {
  /** Longest run of digits / Chinese numerals (pass 2 turns runs of ≥ 5 into digit runs). */
  longestRun: number;
  /** Some run of ≥ 5 holds a Chinese numeral: pass 2 has work to do. */
  numerals: boolean;
  /** Some character may start a variant spelling: pass 3 has work to do. */
  variants: boolean;
  /** The output is the original, character for character (no drop, no insert, no mapping). */
  identity: boolean;
};

/** Pass 1: NFKC + lower case, drop spaces and hidden characters, join digits split by separators. */
const mapCharacters = (original: string, workspace: Workspace, facts: Pass1): Buffer => {
  const { digitOf } = tables();
  packedTable ??= buildPacked();
  const packed = packedTable;
  // A hidden 微❤ may add one character per input character, hence twice the length.
  const buffer = reuse(workspace, 'first', original.length * 2 + 1);
  // The hot loop keeps the output in locals; `push` stays for the rare paths.
  const { codes, starts, ends } = buffer;
  let length = 0;
  let pendingSeparator = -1;
  let held = 0;
  let run = 0;
  let runNumeral = false;
  let identity = true;
  for (let index = 0; index < original.length; index++) {
    const info = packed[original.charCodeAt(index)] as number;
    const type = (info >>> kindShift) & 3;
    if (type !== keepKind) {
      identity = false;
      if (type === spaceKind) continue;
      // 微❤ alone stands for 微信; 微❤信 simply loses the heart.
      if (length > 0 && codes[length - 1] === wei && nextKeptCode(original, index + 1) !== xin) {
        // A separator held between 微 and the inserted 信 sits between ideographs: it goes.
        pendingSeparator = -1;
        codes[length] = xin;
        starts[length] = index;
        ends[length++] = index + 1;
        run = 0;
        runNumeral = false;
      }
      continue;
    }
    const out = info & outMask;
    if ((info & isChanged) !== 0) identity = false;
    const separator = (info >>> separatorShift) & 3;
    if (pendingSeparator < 0 && separator !== 0 && length > 0) {
      held = holdsSeparator(separator, codes[length - 1] as number, digitOf);
      if (held !== 0) {
        pendingSeparator = index;
        identity = false;
        continue;
      }
    }
    if (pendingSeparator >= 0) {
      if (!dropsSeparator(held, out, digitOf)) {
        const kept = packed[original.charCodeAt(pendingSeparator)] as number;
        codes[length] = kept & outMask;
        starts[length] = pendingSeparator;
        ends[length++] = pendingSeparator + 1;
        // A separator is never a digit: it ends the run (and + may start +v).
        run = 0;
        runNumeral = false;
        if ((kept & startsVariant) !== 0) facts.variants = true;
      }
      pendingSeparator = -1;
    }
    codes[length] = out;
    starts[length] = index;
    ends[length++] = index + 1;
    if ((info & isDigit) !== 0) {
      run++;
      if ((info & isNumeral) !== 0) runNumeral = true;
      if (run > facts.longestRun) facts.longestRun = run;
      if (runNumeral && run >= runMinimum) facts.numerals = true;
    } else {
      run = 0;
      runNumeral = false;
      if ((info & startsVariant) !== 0) facts.variants = true;
    }
  }
  buffer.length = length;
  if (pendingSeparator >= 0) {
    const kept = packed[original.charCodeAt(pendingSeparator)] as number;
    push(buffer, kept & outMask, pendingSeparator, pendingSeparator + 1);
    if ((kept & startsVariant) !== 0) facts.variants = true;
  }
  facts.identity = identity;
  return buffer;
};

/** Pass 2: runs of ≥ 5 digits / Chinese numerals become digit runs (一三八… → 138…). */
const convertNumeralRuns = (buffer: Buffer): void => {
  const { digitOf } = tables();
  let runStart = 0;
  for (let index = 0; index <= buffer.length; index++) {
    if (index < buffer.length && (digitOf[buffer.codes[index] as number] as number) >= 0) continue;
    if (index - runStart >= runMinimum)
      for (let at = runStart; at < index; at++)
        buffer.codes[at] = 0x30 + (digitOf[buffer.codes[at] as number] as number);
    runStart = index + 1;
  }
};

const matchVariant = (buffer: Buffer, index: number): Variant | null => {
  for (const variant of variants) {
    const length = variant.from.length;
    if (index + length > buffer.length) continue;
    let same = true;
    for (let at = 0; at < length && same; at++)
      same = buffer.codes[index + at] === variant.from.charCodeAt(at);
    if (!same) continue;
    if (variant.latin && (isLatin(buffer.codes[index - 1]) || isLatin(buffer.codes[index + length])))
      continue;
    return variant;
  }
  return null;
};

/** Pass 3: variant spellings → canonical 微信 / qq, each output character mapped to the whole variant. */
const replaceVariants = (buffer: Buffer, workspace: Workspace): Buffer => {
  // Common characters (加, 微, q…) start variants: copy nothing until one really matches.
  let first = 0;
  let variant: Variant | null = null;
  for (; first < buffer.length && !variant; first++)
    if (variantFirst[buffer.codes[first] as number] === 1) variant = matchVariant(buffer, first);
  if (!variant) return buffer;
  first--;
  // 加v → 加微信 grows by one character per two, so 1.5× is enough.
  const out = reuse(workspace, 'second', Math.ceil(buffer.length * 1.5) + 2);
  out.codes.set(buffer.codes.subarray(0, first));
  out.starts.set(buffer.starts.subarray(0, first));
  out.ends.set(buffer.ends.subarray(0, first));
  out.length = first;
  for (let index = first; index < buffer.length; ) {
    const found = variantFirst[buffer.codes[index] as number] === 1 ? matchVariant(buffer, index) : null;
    if (!found) {
      push(out, buffer.codes[index] as number, buffer.starts[index] as number, buffer.ends[index] as number);
      index++;
      continue;
    }
    const start = buffer.starts[index] as number;
    const end = buffer.ends[index + found.from.length - 1] as number;
    for (let at = 0; at < found.to.length; at++) push(out, found.to.charCodeAt(at), start, end);
    index += found.from.length;
  }
  return out;
};

const decoder = new TextDecoder('utf-16le');

const toText = (buffer: Buffer): string => {
  const codes = buffer.codes.subarray(0, buffer.length);
  // Both build a flat string (regular expressions would flatten a concatenation); the decoder's
  // fixed cost pays off from a few dozen characters on (measured on Node 20).
  if (buffer.length <= 16) return String.fromCharCode.apply(null, codes as unknown as number[]);
  return decoder.decode(codes);
};

/**
 * Normalises into `workspace` (no allocation but the text, none at all when nothing changes):
 * `starts`/`ends` are the workspace's buffers, valid for indexes below `text.length` until the
 * workspace is used again; `workspace.longestDigitRun` is the longest digit run of the text.
 */
export const normalizeInto = (original: string, workspace: Workspace): NormalizedText => {
  const facts = workspace.facts;
  facts.longestRun = 0;
  facts.numerals = false;
  facts.variants = false;
  const mapped = mapCharacters(original, workspace, facts);
  if (facts.numerals) convertNumeralRuns(mapped);
  const replaced = facts.variants ? replaceVariants(mapped, workspace) : mapped;
  // Runs of 5 or more are all digits after pass 2, and variants touch no digit.
  workspace.longestDigitRun = facts.longestRun >= runMinimum ? facts.longestRun : 0;
  const unchanged = facts.identity && !facts.numerals && replaced === mapped;
  return {
    text: unchanged ? original : toText(replaced),
    starts: replaced.starts,
    ends: replaced.ends,
    original,
  };
};

/**
 * Normalises text for matching: full-width → half-width (NFKC), lower case, spaces and hidden
 * characters removed, spaced or Chinese-numeral numbers → digit runs, 薇信/vx/扣扣… → 微信/qq.
 * The result keeps, for every character, the span of the original it came from.
 */
export const normalizeText = (original: string): NormalizedText => {
  const normalized = normalizeInto(original, createWorkspace(original.length * 2 + 2));
  const length = normalized.text.length;
  return {
    ...normalized,
    starts: normalized.starts.slice(0, length),
    ends: normalized.ends.slice(0, length),
  };
};

/** Maps a span of the normalised text back to the original: `[start, end)` offsets. */
export const originalSpan = (normalized: NormalizedText, start: number, end: number): [number, number] => {
  const length = normalized.text.length;
  if (length === 0) return [0, 0];
  const first = normalized.starts[Math.min(start, length - 1)] ?? 0;
  const last = normalized.ends[Math.max(start, Math.min(end, length) - 1)] ?? first;
  return [first, last];
};
