import { describe, expect, test } from 'vitest';
import { requiredLiterals } from './compliance.literals.js';

const any = () => true;
const sorted = (values: string[] | null) => (values ? [...values].sort() : null);

describe('required literals of a pattern', () => {
  test('an alternation needs one of its branches, and a sequence joins its fixed parts', () => {
    expect(sorted(requiredLiterals('开不了|税点', any))).toEqual(['开不了', '税点']);
    expect(sorted(requiredLiterals('(不|没)开(发票|票)', any))).toEqual([
      '不开发票',
      '不开票',
      '没开发票',
      '没开票',
    ]);
  });

  test('optional parts widen the set, and lookarounds add nothing', () => {
    expect(sorted(requiredLiterals('(?<!不)包邮(的)?', any))).toEqual(['包邮', '包邮的']);
  });

  test('across a gap the rarest side is kept: the one with the longest shortest literal', () => {
    expect(sorted(requiredLiterals('(发票|票)[^,。]{0,6}(邮费|运费)', any))).toEqual(['运费', '邮费']);
  });

  test('a branch with no fixed text means no guarantee at all', () => {
    expect(requiredLiterals('开不了|[0-9]{3}', any)).toBeNull();
    expect(requiredLiterals('(微信)?[a-z]{5,}', any)).toBeNull();
  });

  test('literals the caller refuses (digits, say) are not relied on', () => {
    expect(requiredLiterals('400热线|电话', (literal) => !/[0-9]/.test(literal))).toBeNull();
    expect(sorted(requiredLiterals('(400)?热线', (literal) => !/[0-9]/.test(literal)))).toBeNull();
  });

  test('syntax the parser does not know yields null instead of a wrong set', () => {
    expect(requiredLiterals('(?<name>发票)', any)).toBeNull();
    expect(requiredLiterals('(发票', any)).toBeNull();
  });
});
