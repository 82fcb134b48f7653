import { describe, expect, test } from 'vitest';
import { loadRuleLibrary } from '../../io/rules/index.js';
import { compileLibrary } from './compliance.checker.js';
import { normalizeText } from './compliance.normalize.js';

// Categories of phrasing the rules catch through the buyer's previous line or a general form,
// each with a compliant near-miss that shares its words.
const checker = compileLibrary({ rules: loadRuleLibrary().result, at: '2026-01-01' });
const rulesOf = (text: string, buyerText?: string) =>
  checker.check({ text, buyerText }).findings.map((finding) => finding.rule);

describe('the buyer line states the fact a rule needs', () => {
  test('when the buyer says the page offers 货到付款, any refusal, delay or restriction is cod', () => {
    expect(rulesOf('这个我们实际不走货到付款，麻烦拍下直接付', '详情页写着能货到付款')).toContain('cod');
    expect(rulesOf('只有广东省内能用，您那边用不了', '页面有货到付款服务')).toContain('cod');
    expect(rulesOf('这种单我们都放到最后才处理', '我拍的货到付款单怎么没动静')).toContain('cod');
  });

  test('when the buyer only asks whether 货到付款 exists, saying it is not offered is compliant', () => {
    expect(rulesOf('这款没开通货到付款，您可以用花呗先用后付', '能货到付款吗')).toEqual([]);
    expect(rulesOf('可以的，下单时选货到付款，收货时付给快递员就行', '页面写着可以货到付款')).toEqual([]);
  });

  test('when the buyer says 包邮 was promised, asking for any sum is free_shipping', () => {
    expect(rulesOf('您这单超重了，得另收12块', '页面写了全场包邮')).toContain('free_shipping');
    expect(rulesOf('东北三省每件补6元，这是快递的规矩', '不是说好包邮吗')).toContain('free_shipping');
    expect(rulesOf('包的，不过您那边得补8块', '包邮到青海吗')).toContain('free_shipping');
  });

  test('when the page stated the exclusion beforehand, or nothing is asked, 包邮 answers are compliant', () => {
    expect(rulesOf('这款不包邮，运费按模板10元，页面有写', '包邮吗')).toEqual([]);
    expect(rulesOf('是包邮的，不用补任何费用哦', '页面写了包邮')).toEqual([]);
  });

  test('when the buyer has already waited, "再等两天" pushes shipping past the limit', () => {
    expect(rulesOf('再等两天，周末前一定安排', '付款都两天了')).toContain('late_shipping');
    expect(rulesOf('今天下午就发出，您放心', '付款两天了')).toEqual([]);
  });

  test('when the buyer asks about a relative or neighbour, telling what they bought or where it went is privacy', () => {
    expect(rulesOf('对的，她前天下单的，买了两件', '我室友是不是也在你家买了这个')).toContain('privacy');
    expect(rulesOf('寄到了朝阳区建国路那边的小区', '我妈用她号买的，寄哪了')).toContain('privacy');
  });

  test('reading the buyer their own address, or refusing to tell, stays clean', () => {
    expect(rulesOf('寄到您填的海淀区地址了，今天派送', '我的包裹寄到哪了')).toEqual([]);
    expect(rulesOf('抱歉亲，为了保护每位顾客的隐私，其他人的购买信息不方便透露哦', '我闺蜜也买过吗')).toEqual(
      [],
    );
  });

  test('when the buyer asked about card payment, naming a percentage is card_fee unless 花呗 charges it', () => {
    expect(rulesOf('有的，加收2%', '信用卡付款有手续费吗')).toContain('card_fee');
    expect(rulesOf('分期费用是花呗按期数收取的，店铺不另外收', '花呗分期有手续费吗')).toEqual([]);
  });

  test('when the buyer asked for an invoice, an excuse without a dated free mailing is invoice', () => {
    expect(rulesOf('财务这周不在，等她回来再说吧', '发票什么时候开')).toContain('invoice');
    expect(rulesOf('可以开，不过快递费需要您自己出', '要开发票')).toContain('invoice');
    expect(rulesOf('系统升级中，已登记，3个工作日内开出并包邮寄给您', '发票呢')).toEqual([]);
  });

  test('when the buyer only reported a wrong quantity, closing the order unasked is close_order', () => {
    expect(rulesOf('我直接帮您关掉了，您再拍一单吧', '我数量拍多了')).toContain('close_order');
    expect(rulesOf('好的，已按您的要求帮您取消了', '麻烦帮我把这单取消吧，拍错了')).toEqual([]);
  });
});

describe('general forms of a violation, whatever the buyer said', () => {
  test('a guarantee word before something the shop cannot control is a promise', () => {
    expect(rulesOf('这款绝对不会褪色，洗多少次都一样')).toContain('promise');
    expect(rulesOf('肯定赶得上您出差', '周五出差能收到吗')).toContain('promise');
  });

  test('hedged answers, material percentages and 统一定 are not promises', () => {
    expect(rulesOf('快递时效我们没法百分百保证，会帮您备注加急')).toEqual([]);
    expect(rulesOf('这件是100%真丝的，手感很好')).toEqual([]);
    expect(rulesOf('价格是平台统一定的哦')).toEqual([]);
  });

  test('a ship date a week or more away, or a weekly shipping day, is late_shipping unless 预售', () => {
    expect(rulesOf('还得再等一个礼拜左右，工厂在赶货')).toContain('late_shipping');
    expect(rulesOf('我们每周三统一发一次货')).toContain('late_shipping');
    expect(rulesOf('这款是预售，页面写了付款后15天发货')).toEqual([]);
  });

  test('another shop of the same seller, a hotline and ➕V ids are offsite_contact', () => {
    expect(rulesOf('另一家店铺也是我们开的，搜“小棉花家居”就有')).toContain('offsite_contact');
    expect(rulesOf('热线800-820-xxxx 直接打就行')).toContain('offsite_contact');
    expect(rulesOf('图太大传不了，➕V：mall_kf88 发您')).toContain('offsite_contact');
    expect(rulesOf('抖音下单的话在抖音订单里联系客服就好')).toEqual([]);
  });

  test('money sent by Alipay or to a bank card is offsite_payment; refusing a transfer is not', () => {
    expect(rulesOf('退款太慢，我直接支付宝转您30')).toContain('offsite_payment');
    expect(rulesOf('定金先打到我的银行卡上')).toContain('offsite_payment');
    expect(rulesOf('不接受私下转账，请在订单里付款')).toEqual([]);
  });

  test('an offer to change the total or round it off is price_change', () => {
    expect(rulesOf('您先拍，我后台把价格改成199')).toContain('price_change');
    expect(rulesOf('拍了我给您抹个零头')).toContain('price_change');
    expect(rulesOf('天猫不支持拍下后改价，可以领店铺券')).toEqual([]);
  });

  test('blame with an insult is both abuse and blame_buyer', () => {
    expect(rulesOf('你自己瞎拍的怪谁，蠢死了')).toEqual(expect.arrayContaining(['abuse', 'blame_buyer']));
    expect(rulesOf('抱歉，是我们没写清楚，不怪您')).toEqual([]);
  });
});

describe('normalisation of emoji spellings', () => {
  test('keycap digits become plain digits, so a 1️⃣3️⃣9️⃣ phone number is still a phone number', () => {
    expect(normalizeText('1️⃣3️⃣9️⃣ 1234 5678').text).toBe('13912345678');
    expect(rulesOf('有事打我 1️⃣3️⃣9️⃣ 1234 5678')).toEqual(['offsite_contact']);
  });

  test('➕ reads as 加, so ➕V and ➕薇 become 加微信', () => {
    expect(normalizeText('➕V：abc').text).toBe('加微信:abc');
    expect(normalizeText('先➕薇 abc').text).toBe('先加微信abc');
  });
});
