/**
 * Per-character tables shared by the fast scan and the full normaliser, built once per process.
 * A code unit maps to its NFKC, lower-case form; whitespace drops silently; zero-width characters,
 * emoji and decorative symbols drop too but are "suspicious": they are how sellers hide 微信 or a
 * phone number, so a message containing them always gets the full check.
 */
export const charKind = { keep: 0, space: 1, hidden: 2 } as const;

const numeralDigits: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

const isHiddenCode = (code: number): boolean =>
  (code >= 0x200b && code <= 0x200f) ||
  (code >= 0x2060 && code <= 0x2064) ||
  code === 0xfeff ||
  code === 0x00ad ||
  // The keycap mark of 1️⃣ 3️⃣ 6️⃣: dropping it leaves the digit.
  code === 0x20e3 ||
  (code >= 0xfe00 && code <= 0xfe0f) ||
  (code >= 0x2190 && code <= 0x21ff) ||
  (code >= 0x2600 && code <= 0x27bf) ||
  (code >= 0x2b00 && code <= 0x2bff) ||
  (code >= 0x25a0 && code <= 0x25ff) ||
  (code >= 0xd800 && code <= 0xdfff);

const plusEmoji = 0x2795;

const buildTables = () => {
  const mapped = new Uint16Array(65536);
  const kind = new Uint8Array(65536);
  const digitOf = new Int8Array(65536).fill(-1);
  for (let code = 0; code < 65536; code++) {
    if (isHiddenCode(code)) {
      kind[code] = charKind.hidden;
      continue;
    }
    const form = String.fromCharCode(code).normalize('NFKC').toLowerCase();
    const single = form.length === 1 ? form.charCodeAt(0) : code;
    mapped[code] = single;
    if (single === 0x20 || single === 0x09 || single === 0x0d || single === 0x0b || single === 0x0c)
      kind[code] = charKind.space;
    if (single >= 0x30 && single <= 0x39) digitOf[code] = single - 0x30;
  }
  // ➕ stands for 加 in "➕V" / "➕薇": read it as the word it replaces, not as an emoji.
  mapped[plusEmoji] = '加'.charCodeAt(0);
  kind[plusEmoji] = charKind.keep;
  for (const [numeral, digit] of Object.entries(numeralDigits))
    digitOf[numeral.charCodeAt(0)] = Number(digit);
  return { mapped, kind, digitOf };
};

let tables: ReturnType<typeof buildTables> | null = null;

/** The shared tables; built on first use (≈ 20 ms) and kept. */
export const charTables = (): ReturnType<typeof buildTables> => {
  tables ??= buildTables();
  return tables;
};

/** Characters that may separate the digits of a spaced or dotted number (138-1234 5678, 1.3.8). */
export const digitSeparators = new Set([
  '-',
  '.',
  '_',
  '·',
  '*',
  '/',
  ',',
  '、',
  '—',
  '–',
  '~',
  '|',
  '+',
  '=',
]);

/** Characters that may split Chinese words to dodge filters (薇.信, 加-我); dropped between ideographs. */
export const ideographJoiners = new Set(['-', '.', '_', '·', '*', '/', '|', '~', '+', '=', '、', '^', '`']);

/** CJK unified ideographs, the characters a hidden joiner sits between. */
export const isIdeograph = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

/** Minimum run of digits / Chinese numerals that becomes a digit run (a QQ number has 5). */
export const numeralRunMinimum = 5;

/** Shortest digit run a phone, 400/800 or bank card number can be: the fast scan's digit trigger. */
export const contactDigitsMinimum = 10;
