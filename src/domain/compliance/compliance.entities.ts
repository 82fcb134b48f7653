import type { EntityKind } from '../rules/index.js';
import type { Span } from './compliance.automaton.js';
import { contactDigitsMinimum } from './compliance.chars.js';

/** Luhn checksum, so that 16–19 digit order or tracking numbers are not taken for bank cards. */
export const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

/**
 * `needs`: a cheap test that must pass before the regular expression is worth running; it gets the
 * text and the length of its longest digit run (known from normalisation).
 */
type EntityMatcher = {
  regex: RegExp;
  needs: (text: string, digitRun: number) => boolean;
  accept?: (match: string) => boolean;
};

const hasDigitRun = (_text: string, digitRun: number): boolean => digitRun >= contactDigitsMinimum;

// Bounded quantifiers everywhere: a long run of letters or digits must not make matching quadratic.
const urlTail = '[a-z0-9./?=&_%#:-]{0,200}';
const tlds = 'com|cn|net|org|top|cc|xyz|shop|vip|me|info|link';

// Patterns run on normalised text: lower case, half-width, digit runs joined, 微信/qq canonical.
const matchers: Record<EntityKind, EntityMatcher> = {
  phone: {
    regex: /(?<![0-9])(?:86)?(?:1[3-9][0-9]{9}|0[1-9][0-9]{1,2}[0-9]{7,8})(?![0-9])/g,
    needs: hasDigitRun,
  },
  hotline: { regex: /(?<![0-9])[48]00[0-9]{7}(?![0-9])/g, needs: hasDigitRun },
  qq: {
    regex: /qq(?:号码|号|群)?(?:是|为|:|号是)*[1-9][0-9]{4,11}(?![0-9])/g,
    needs: (text) => text.includes('qq'),
  },
  wechat: {
    regex: /微信(?:号|群)?(?:是|为|:|搜索|搜|加)*(?:[a-z][a-z0-9_-]{5,19}|1[3-9][0-9]{9})(?![a-z0-9_-])/g,
    needs: (text) => text.includes('微信'),
  },
  bankCard: {
    regex: /(?<![0-9])[0-9]{16,19}(?![0-9])/g,
    needs: hasDigitRun,
    accept: passesLuhn,
  },
  url: {
    regex: new RegExp(
      `(?:https?://|www\\.)[a-z0-9]${urlTail}|[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,6}\\.(?:${tlds})(?![a-z])${urlTail}`,
      'g',
    ),
    needs: (text) => text.includes('.'),
  },
  email: {
    regex: /[a-z0-9._-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}/g,
    needs: (text) => text.includes('@'),
  },
  alipay: {
    regex: /支付宝(?:账号|账户|号)?(?:是|为|:)*(?:[a-z0-9._-]{1,64}@[a-z0-9.-]{1,64}|1[3-9][0-9]{9})/g,
    needs: (text) => text.includes('支付宝'),
  },
};

/**
 * Whether a plain digit run (ASCII or full-width digits, nothing between them) of `length` digits
 * starting with `first` could hold a phone, 400/800 or bank card number: the entity patterns above
 * only match whole runs (no digit may touch them), so a run is a contact number only if it is a
 * landline (0…, 10–12 digits), a mobile (1[3-9], 11), a 400/800 hotline (10), either with the 86
 * prefix (12–14), or 16–19 digits passing Luhn. `evenDoubled` / `oddDoubled` are the digit sums
 * with the digits at even / odd positions (from 0, at the start) doubled Luhn-style. The fast scan
 * uses it so that order and tracking numbers need no full check.
 */
export const couldBeContactNumber = (
  length: number,
  first: number,
  evenDoubled: number,
  oddDoubled: number,
): boolean => {
  if (length >= 16 && length <= 19) return (length % 2 === 0 ? evenDoubled : oddDoubled) % 10 === 0;
  return length >= 10 && length <= 14 && (first === 0 || first === 1 || first === 4 || first === 8);
};

/** Keywords one of which must occur for an entity to be possible ('#digits' = a run of ≥ 10 digits). */
export const entityTriggers: Record<EntityKind, readonly string[]> = {
  phone: ['#digits'],
  hotline: ['#digits'],
  qq: ['qq'],
  wechat: ['微信'],
  bankCard: ['#digits'],
  url: ['http', 'www', ...tlds.split('|').map((tld) => `.${tld}`)],
  email: ['@'],
  alipay: ['支付宝'],
};

const maxMatches = 50;

/** Spans of entities of `kind` in normalised `text`, whose longest digit run is `digitRun` long. */
export const findEntities = (kind: EntityKind, text: string, digitRun: number): Span[] => {
  const { regex, needs, accept } = matchers[kind];
  const spans: Span[] = [];
  if (!needs(text, digitRun)) return spans;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match && spans.length < maxMatches; match = regex.exec(text)) {
    if (match[0].length === 0) regex.lastIndex++;
    else if (!accept || accept(match[0])) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
};
