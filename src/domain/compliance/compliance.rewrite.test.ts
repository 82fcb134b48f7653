import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRuleLibrary } from '../../io/rules/index.js';
import { compileLibrary } from './compliance.checker.js';
import { rewriteReply } from './compliance.rewrite.js';

const checker = compileLibrary({ rules: loadRuleLibrary().result, at: '2026-01-01' });
const suggestionOf = (rule: string) => checker.rules.find((entry) => entry.id === rule)?.suggestion ?? '';
const rewrite = (text: string, buyerText?: string) =>
  rewriteReply(text, (reply) => checker.check({ text: reply, ...(buyerText ? { buyerText } : {}) }).findings);

describe('建议改写: a compliant rewrite of the whole reply', () => {
  test('a reply that breaks nothing has no rewrite', () => {
    expect(rewrite('亲，您好，这款现在有货，今天下单明天就能发货哦。')).toBeNull();
  });

  test('only the offending sentence is replaced; the address 亲 is not repeated inside the reply', () => {
    const result = rewrite('亲，这款有现货的。特价商品不开发票的哦。有问题随时找我');
    const suggestion = suggestionOf('invoice').replace(/^亲，/, '');
    expect(result).toBe(`亲，这款有现货的。${suggestion}有问题随时找我`);
  });

  test('a violation spread over two clauses is rewritten whole, its suggestion said once', () => {
    const result = rewrite('亲，最近税务登记在变更，暂时开不了发票哦，您理解下~') ?? '';
    expect(result.split('发票是可以开的').length).toBe(2);
    expect(result).not.toContain('变更');
    expect(result.endsWith('您理解下~')).toBe(true);
    expect(checker.check({ text: result }).findings).toEqual([]);
  });

  test('two rules in one reply: each offending sentence gets its own rule’s suggestion', () => {
    const result = rewrite('加我微信 kefu_8866 聊，也可以直接银行转账给我', '可以直接银行转账吗？') ?? '';
    expect(result).toContain('旺旺');
    expect(result).toContain('平台内付款');
    expect(result).not.toMatch(/kefu_8866|银行转账给我/);
  });

  test('every flagged line of the evaluation set is rewritten into a reply that passes the check', () => {
    const lines = readFileSync('data/eval/compliance.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { agent: string; buyer?: string });
    let rewritten = 0;
    for (const { agent, buyer } of lines) {
      const result = rewrite(agent, buyer);
      if (result === null) continue;
      rewritten++;
      expect(checker.check({ text: result, ...(buyer ? { buyerText: buyer } : {}) }).findings, agent).toEqual(
        [],
      );
    }
    expect(rewritten).toBeGreaterThan(300);
  });
});
