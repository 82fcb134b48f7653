import { describe, expect, test } from 'vitest';
import { loadRuleLibrary } from '../../io/rules/index.js';
import { compileLibrary } from './compliance.checker.js';

// The built-in library, judged by the versions in force today-ish; each rule with violations
// (plain and obfuscated) and compliant near-misses that share its words.
const library = loadRuleLibrary();
const checker = compileLibrary({ rules: library.result, at: '2026-01-01' });
const rulesOf = (text: string, buyerText?: string) =>
  checker.check({ text, buyerText }).findings.map((finding) => finding.rule);

type Case = { text: string; buyer?: string };
const cases: Record<string, { violations: Case[]; compliant: Case[] }> = {
  invoice: {
    violations: [
      { text: '亲，活动款都是不带发票的' },
      { text: '开发票要加6个点' },
      { text: '开 票 的 话 税 点 您 出' },
      { text: '财务休假了，发票开不了' },
      { text: '可以，给您开成办公用品', buyer: '发票能写成办公用品吗' },
    ],
    compliant: [
      { text: '发票可以开的' },
      { text: '发票按您实付金额开，不收税点' },
      { text: '只能按实际购买的商品开，不能开成办公用品哦', buyer: '能开成办公用品吗' },
    ],
  },
  offsite_contact: {
    violations: [
      { text: '加我薇信 shop_2024 发您图' },
      { text: '有事打 1 3 8 0 0 1 3 8 0 0 0' },
      { text: '我Q号 一二三四五六七八' },
      { text: '您有微信吗？' },
      { text: '去我们拼多多店拍更便宜' },
    ],
    compliant: [
      { text: '我们没有微信，旺旺联系就好' },
      { text: '您的订单号 202411281234567890 已备注' },
      { text: '企鹅抱枕有两个尺寸' },
    ],
  },
  offsite_payment: {
    violations: [
      { text: '可以微信转账给我' },
      { text: '可以的', buyer: '能银行汇款吗' },
      { text: '打到我卡上就行' },
    ],
    compliant: [
      { text: '不支持微信支付' },
      { text: '亲，我们只能通过平台付款哦' },
      { text: '退款会原路退回到您的支付宝' },
    ],
  },
  privacy: {
    violations: [
      { text: '那个账号的收货地址是杭州市西湖区' },
      { text: '是一位王女士给您买的', buyer: '谁给我寄的包裹？' },
    ],
    compliant: [{ text: '抱歉，寄件人信息我们不能透露哦', buyer: '谁给我寄的包裹？' }],
  },
  close_order: {
    violations: [{ text: '一直不付款，我就直接给您关闭订单了' }, { text: '再不付款就给您取消了' }],
    compliant: [
      { text: '超时未付款订单会自动关闭' },
      { text: '好的，已帮您取消', buyer: '拍错了，帮我取消' },
    ],
  },
  free_shipping: {
    violations: [{ text: '包邮的，但要补6元运费' }, { text: '运费您自己出一下', buyer: '不是包邮吗？' }],
    compliant: [{ text: '新疆不包邮，需补10元运费' }, { text: '这款包邮，运费我们承担' }],
  },
  cod: {
    violations: [{ text: '我们不接受货到付款', buyer: '页面写着支持货到付款的' }],
    compliant: [
      { text: '不支持货到付款哦，可以用花呗' },
      { text: '可以货到付款的', buyer: '页面写着支持货到付款' },
    ],
  },
  card_fee: {
    violations: [{ text: '信用卡付款要加3个点' }, { text: '我们不能用花呗' }],
    compliant: [{ text: '信用卡付款不收手续费' }, { text: '花呗分期要满600元才能用哦' }],
  },
  promise: {
    violations: [{ text: '明天一定能到' }, { text: '不会的亲', buyer: '会不会掉色？' }],
    compliant: [{ text: '一般48小时内发货，到货以物流为准' }, { text: '不能保证明天到，我们尽快安排' }],
  },
  late_shipping: {
    violations: [{ text: '缺货了，要等半个月才能发' }, { text: '您这单下周再发吧' }],
    compliant: [{ text: '预售款，页面写明15天后发货' }, { text: '今天下午就发出' }],
  },
  price_change: {
    violations: [{ text: '您先拍下别付款，我给您改价' }],
    compliant: [{ text: '天猫商品不能改价，可以领券' }],
  },
  abuse: {
    violations: [{ text: '爱买不买' }, { text: '你是不是傻' }, { text: '随便你去投诉' }],
    compliant: [{ text: '滚筒洗衣机可以洗' }, { text: '请不要给差评，我们马上处理' }],
  },
  blame_buyer: {
    violations: [{ text: '是你自己没看清楚' }, { text: '详情页写得很清楚了啊' }],
    compliant: [{ text: '可能是我们没写清楚，抱歉' }, { text: '您自己确认收货就可以' }],
  },
  flat_refusal: {
    violations: [{ text: '不行。', buyer: '能便宜点吗' }, { text: '不能退' }],
    compliant: [{ text: '不能退哦，因为是定制款，不过可以帮您换码' }, { text: '不支持微信支付哦' }],
  },
};

describe('built-in rule library', () => {
  test('it loads and compiles without issues', () => {
    expect(library.issues).toEqual([]);
    expect(checker.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
  });

  test('every rule of rules.md is present with examples and a suggestion', () => {
    const ids = checker.rules.map((rule) => rule.id);
    for (const id of [...Object.keys(cases), 'no_greeting']) expect(ids).toContain(id);
    for (const rule of checker.rules) {
      expect(rule.wrong.length, rule.id).toBeGreaterThan(0);
      expect(rule.right.length, rule.id).toBeGreaterThan(0);
      expect(rule.suggestion, rule.id).not.toBe('');
    }
  });

  test('each rule flags its own wrong examples and none of the right ones', () => {
    for (const rule of checker.rules.filter((entry) => entry.scope === 'message')) {
      for (const text of rule.wrong) expect(rulesOf(text), `${rule.id}: ${text}`).toContain(rule.id);
      for (const text of rule.right) expect(rulesOf(text), `${rule.id}: ${text}`).toEqual([]);
    }
  });

  for (const [rule, { violations, compliant }] of Object.entries(cases)) {
    describe(rule, () => {
      test.each(violations)('flags "$text" (buyer: $buyer)', ({ text, buyer }) => {
        expect(rulesOf(text, buyer)).toContain(rule);
      });
      test.each(compliant)('lets the near-miss "$text" pass (buyer: $buyer)', ({ text, buyer }) => {
        expect(rulesOf(text, buyer)).toEqual([]);
      });
    });
  }

  test('offsite payment costs 6 points when the buyer asked and 12 when the agent induced it', () => {
    const points = (text: string, buyerText?: string) =>
      checker.check({ text, buyerText }).findings.find((finding) => finding.rule === 'offsite_payment')
        ?.points;
    expect(points('可以的', '能银行转账吗')).toBe(6);
    expect(points('您微信转账给我吧')).toBe(12);
  });

  test('a chat is judged by the rule version in force on its day', () => {
    const old = compileLibrary({ rules: library.result, at: '2018-05-01' });
    const [finding] = old.check({ text: '明天一定能到' }).findings;
    expect(finding).toMatchObject({ rule: 'promise', version: 1, points: 6 });
    expect(checker.check({ text: '明天一定能到' }).findings[0]).toMatchObject({ version: 2, points: 4 });
  });

  test('shop overrides switch rules off, change points and add forbidden words', () => {
    const shop = compileLibrary({
      rules: library.result,
      at: '2026-01-01',
      overrides: {
        rules: { abuse: { enabled: false }, invoice: { points: 9 } },
        custom: [{ id: 'shop_extreme', title: '极限词', points: 3, words: ['全网最低'] }],
      },
    });
    expect(shop.check({ text: '爱买不买' }).findings).toEqual([]);
    expect(shop.check({ text: '开发票要加6个点' }).findings[0]?.points).toBe(9);
    expect(shop.check({ text: '全网 最低价' }).findings[0]).toMatchObject({
      rule: 'shop_extreme',
      points: 3,
    });
  });

  test('a platform filter keeps only the rules of that platform', () => {
    const pdd = compileLibrary({ rules: library.result, at: '2026-01-01', platform: 'pdd' });
    expect(pdd.rules.map((rule) => rule.id)).not.toContain('price_change');
    expect(pdd.rules.map((rule) => rule.id)).toContain('offsite_contact');
  });
});

describe('checkConversation', () => {
  test('the first human reply without a greeting is flagged; auto replies do not count', () => {
    const { findings } = checker.checkConversation({
      messages: [
        { speaker: 'buyer', text: '在吗' },
        { speaker: 'agent', text: '亲，您好，欢迎光临', replyKind: 'auto' },
        { speaker: 'agent', text: 'L码' },
        { speaker: 'agent', text: '不行。' },
      ],
    });
    expect(findings.map((finding) => [finding.rule, finding.messageIndex])).toEqual([
      ['no_greeting', 2],
      ['flat_refusal', 3],
    ]);
  });

  test('a greeted conversation passes, and message rules see the buyer text before each reply', () => {
    const { findings } = checker.checkConversation({
      messages: [
        { speaker: 'buyer', text: '能银行转账吗' },
        { speaker: 'agent', text: '亲，您好' },
        { speaker: 'buyer', text: '那能转账吗' },
        { speaker: 'agent', text: '可以的' },
      ],
    });
    expect(findings.map((finding) => [finding.rule, finding.messageIndex])).toEqual([['offsite_payment', 3]]);
  });
});
