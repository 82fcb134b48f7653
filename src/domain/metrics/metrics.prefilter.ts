// Ad patterns (广告过滤) are regular expressions a shop may edit; most are alternatives of plain
// words (推广|加微信|https?://). Any match of such a pattern starts with one of a few characters,
// so a reader holding a message's bytes can skip decoding and testing every text that contains
// none of them, which is nearly all of them.

const special = new Set([...'\\^$.|?*+()[]{}']);
/** Escapes that stand for the character itself. */
const literalEscapes = new Set([...'\\^$.|?*+()[]{}/-,:=!<>#&~\'"@%`;_ ']);

/** Splits a pattern at its top-level `|`; null when brackets do not balance. */
const alternatives = (pattern: string): string[] | null => {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(pattern.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(pattern.slice(start));
  return depth === 0 && !inClass ? parts : null;
};

/** The first character an alternative must match, or null when it may start otherwise. */
const leadOf = (alternative: string): { char: string; next: string | undefined } | null => {
  const first = alternative[0];
  if (first === undefined) return null;
  if (first === '\\') {
    const escaped = alternative[1];
    return escaped !== undefined && literalEscapes.has(escaped)
      ? { char: escaped, next: alternative[2] }
      : null;
  }
  if (special.has(first) || first.charCodeAt(0) >= 0xd800) return null;
  return { char: first, next: alternative[1] };
};

/**
 * The characters every match of `pattern` starts with, as a bit set over the 65,536 UTF-16 code
 * units (both cases when `ignoreCase`); null when the pattern is not a list of words this simple
 * reading can vouch for (a group, a class, a `.` or an optional first character).
 */
export const leadingChars = (pattern: string, ignoreCase: boolean): Uint8Array | null => {
  const parts = alternatives(pattern);
  if (!parts) return null;
  const bits = new Uint8Array(1 << 13);
  for (const part of parts) {
    const lead = leadOf(part);
    if (!lead || lead.next === '?' || lead.next === '*' || lead.next === '{') return null;
    const forms = ignoreCase ? [lead.char, lead.char.toLowerCase(), lead.char.toUpperCase()] : [lead.char];
    // Beyond ASCII, case-insensitive matching has odd pairs (σ and ς): vouch only for ASCII letters.
    if (ignoreCase && lead.char.charCodeAt(0) >= 0x80 && lead.char.toLowerCase() !== lead.char.toUpperCase())
      return null;
    for (const form of forms) {
      if (form.length !== 1) return null;
      const code = form.charCodeAt(0);
      bits[code >> 3] = (bits[code >> 3] as number) | (1 << (code & 7));
    }
  }
  return bits;
};

/**
 * Whether the UTF-8 text `bytes[start, end)` holds a character of `leads`. Characters beyond the
 * BMP cannot be leads (they are two UTF-16 units, which `leadingChars` never sets).
 */
export const holdsLead = (leads: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean => {
  let index = start;
  while (index < end) {
    const byte = bytes[index] as number;
    let code: number;
    if (byte < 0x80) {
      code = byte;
      index++;
    } else if (byte < 0xe0) {
      code = ((byte & 0x1f) << 6) | ((bytes[index + 1] as number) & 0x3f);
      index += 2;
    } else if (byte < 0xf0) {
      code =
        ((byte & 0x0f) << 12) |
        (((bytes[index + 1] as number) & 0x3f) << 6) |
        ((bytes[index + 2] as number) & 0x3f);
      index += 3;
    } else {
      index += 4;
      continue;
    }
    if (((leads[code >> 3] as number) & (1 << (code & 7))) !== 0) return true;
  }
  return false;
};
