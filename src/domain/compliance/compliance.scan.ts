import type { Automaton } from './compliance.automaton.js';
import {
  charKind,
  charTables,
  digitSeparators,
  ideographJoiners,
  isIdeograph,
  contactDigitsMinimum,
} from './compliance.chars.js';
import { couldBeContactNumber } from './compliance.entities.js';

/** The fast scan: decides, without allocating, whether a message needs the full check. */
export type Scanner = (text: string) => boolean;

/**
 * Per raw character code: `plain` is, for the common characters that need no special handling
 * (kept, not a digit or numeral, not a separator or joiner), 1 + the automaton symbol of its
 * normalised form, plus `plainIdeograph` when that form is an ideograph — one read per character
 * on the hot path; else 0. `ideographOf` says whether its normalised form is an ideograph.
 */
// Bit 17, above any symbol + 1 (symbols are 16-bit).
const plainIdeograph = 1 << 17;
const plainSymbol = plainIdeograph - 1;

// Characters that may sit between the digits of one number (138-1234 5678).
const separatorOf = new Uint8Array(65536);
for (const char of digitSeparators) separatorOf[char.charCodeAt(0)] = 1;

const characterClasses = (classOf: Uint16Array) => {
  const { mapped, kind, digitOf } = charTables();
  const separator = separatorOf;
  const joiner = new Uint8Array(65536);
  for (const char of ideographJoiners) joiner[char.charCodeAt(0)] = 1;
  const plain = new Int32Array(65536);
  const ideographOf = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) {
    const char = mapped[code] as number;
    ideographOf[code] = isIdeograph(char) ? 1 : 0;
    const special =
      kind[code] !== charKind.keep ||
      (digitOf[char] as number) >= 0 ||
      separator[char] === 1 ||
      joiner[char] === 1;
    if (!special)
      plain[code] = ((classOf[char] as number) + 1) | (ideographOf[code] === 1 ? plainIdeograph : 0);
  }
  return { plain, separator, joiner, ideographOf };
};

/**
 * Whether the digit run starting at `start` may be a phone, hotline or bank card number. Only a
 * plain run (ASCII or full-width digits with nothing between them and no digit after a following
 * space or separator) can be ruled out, by its length, first digit and Luhn sum; any other run
 * (spaced, dotted, Chinese numerals) is left to the full check.
 */
const isContactRun = (text: string, start: number): boolean => {
  const { mapped, kind, digitOf } = charTables();
  const separator = separatorOf;
  let length = 0;
  let evenDoubled = 0;
  let oddDoubled = 0;
  let index = start;
  for (; index < text.length; index++) {
    const char = mapped[text.charCodeAt(index)] as number;
    if (char < 0x30 || char > 0x39) break;
    const digit = char - 0x30;
    const doubled = digit > 4 ? digit * 2 - 9 : digit * 2;
    evenDoubled += length % 2 === 0 ? doubled : digit;
    oddDoubled += length % 2 === 0 ? digit : doubled;
    length++;
  }
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const char = mapped[code] as number;
    if ((digitOf[char] as number) >= 0 || kind[code] === charKind.hidden) return true;
    if (kind[code] !== charKind.space && separator[char] !== 1) break;
  }
  const first = (mapped[text.charCodeAt(start)] as number) - 0x30;
  return length < contactDigitsMinimum || couldBeContactNumber(length, first, evenDoubled, oddDoubled);
};

/**
 * Builds the fast scan over the same automaton the full check uses. It runs on the raw text with
 * per-character tables and answers "maybe" when a trigger keyword, a long digit run or a hidden
 * character appears; it never answers "no" where the full check could find something.
 */
export const buildScanner = ({
  automaton,
  triggerKeywords,
  digits,
  always = false,
}: {
  automaton: Automaton;
  triggerKeywords: ReadonlySet<number>;
  /** Whether a long digit run (a possible phone, hotline or card number) needs the full check. */
  digits: boolean;
  /** Some rule has no trigger: every message needs the full check. */
  always?: boolean;
}): Scanner => {
  if (always) return () => true;
  const { mapped, kind, digitOf } = charTables();
  const { classOf, alphabetSize, delta, outStart, outputs } = automaton;
  const states = outStart.length - 1;
  const triggerState = new Uint8Array(states);
  for (let state = 0; state < states; state++)
    for (let at = outStart[state] ?? 0; at < (outStart[state + 1] ?? 0); at++)
      if (triggerKeywords.has(outputs[at] ?? -1)) triggerState[state] = 1;
  const { plain, separator, joiner, ideographOf } = characterClasses(automaton.classOf);
  const hidden = charKind.hidden;
  const space = charKind.space;
  const runLimit = digits ? contactDigitsMinimum : Number.POSITIVE_INFINITY;
  return (text) => {
    let state = 0;
    let run = 0;
    let runStart = 0;
    let lastIdeograph = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      const fast = plain[code] as number;
      let symbol: number;
      if (fast !== 0) {
        // Most characters: kept, no digit, no separator — one table gives the automaton symbol.
        lastIdeograph = fast >>> 17;
        run = 0;
        symbol = (fast & plainSymbol) - 1;
      } else {
        const type = kind[code];
        if (type === space) continue;
        if (type === hidden) return true;
        const char = mapped[code] as number;
        // Skipping a joiner after an ideograph, as the normaliser may, can only add matches.
        if (joiner[char] === 1 && lastIdeograph === 1) continue;
        lastIdeograph = ideographOf[code] as number;
        if ((digitOf[char] as number) >= 0) {
          if (run++ === 0) runStart = index;
          // Judged once per run, when it becomes long enough to be a contact number.
          if (run === runLimit && isContactRun(text, runStart)) return true;
        } else if (run > 0 && separator[char] === 0) run = 0;
        symbol = classOf[char] as number;
      }
      if (symbol === 0) {
        state = 0;
        continue;
      }
      state = delta[state * alphabetSize + symbol] as number;
      if (triggerState[state] === 1) return true;
    }
    return false;
  };
};
