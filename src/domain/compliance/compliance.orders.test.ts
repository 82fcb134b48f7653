import { describe, expect, test } from 'vitest';
import { checkOrderFacts, type OrderFacts } from './compliance.orders.js';

// Shanghai: UTC+8. 2026-03-02 10:00 local = 02:00Z.
const shanghai = () => 8 * 3_600_000;
const at = (local: string) => Date.parse(`${local}+08:00`);

const order = (changes: Partial<OrderFacts>): OrderFacts => ({
  order: 'T1',
  created: at('2026-03-02T10:05:00'),
  paid: at('2026-03-02T10:10:00'),
  amount: 9_990,
  shipped: null,
  postage: null,
  closedBy: null,
  ...changes,
});

const reply = (text: string, buyerText = '', time = at('2026-03-02T10:00:00')) => ({
  messageIndex: 3,
  time,
  text,
  buyerText,
});

const check = (text: string, orders: OrderFacts[], buyerText = '') =>
  checkOrderFacts({ messages: [reply(text, buyerText)], orders, offsetMs: shanghai });

describe('promised ship time vs shipped (late_shipping)', () => {
  test('"今天发货" is broken by an order shipped the next morning, and the finding names the order', () => {
    const [finding, ...rest] = check('亲，今天就给您发货哦', [order({ shipped: at('2026-03-03T09:00:00') })]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'late_shipping', messageIndex: 3, order: 'T1', start: 2, end: 9 });
    expect(finding?.evidence).toBe(
      '「今天就给您发货」 → 订单 T1 于 03-03 09:00 发货，晚于承诺的 03-03 00:00',
    );
  });

  test('shipping before the end of that local day keeps the promise', () => {
    expect(check('今天发货', [order({ shipped: at('2026-03-02T23:59:00') })])).toEqual([]);
  });

  test('"今天发" does not bind an order paid on a later day, nor one paid after the stated cut-off', () => {
    const nextDay = order({ paid: at('2026-03-03T08:00:00'), shipped: at('2026-03-04T08:00:00') });
    expect(check('今天发货', [nextDay])).toEqual([]);
    const late = order({ paid: at('2026-03-02T17:30:00'), shipped: at('2026-03-03T10:00:00') });
    expect(check('下午4点前付款当天发出', [late])).toEqual([]);
    const early = order({ paid: at('2026-03-02T15:00:00'), shipped: at('2026-03-03T10:00:00') });
    expect(check('下午4点前付款当天发出', [early])).toHaveLength(1);
  });

  test('"48小时内发货" counts from payment; "3天内发出" from payment too', () => {
    const paid = at('2026-03-02T12:00:00');
    expect(check('48小时内发货', [order({ paid, shipped: paid + 47 * 3_600_000 })])).toEqual([]);
    expect(check('48小时内发货', [order({ paid, shipped: paid + 49 * 3_600_000 })])).toHaveLength(1);
    expect(check('三天内发出', [order({ paid, shipped: paid + 4 * 86_400_000 })])).toHaveLength(1);
  });

  test('unknown shipping, unpaid orders, negations and pre-sale items are never findings', () => {
    expect(check('今天发货', [order({ shipped: null })])).toEqual([]);
    expect(check('今天发货', [order({ paid: null, shipped: at('2026-03-05T10:00:00') })])).toEqual([]);
    expect(check('今天没法发货', [order({ shipped: at('2026-03-05T10:00:00') })])).toEqual([]);
    expect(check('预售款今天发货', [order({ shipped: at('2026-03-05T10:00:00') })])).toEqual([]);
  });

  test('an order paid weeks later is not the one the promise was about', () => {
    const later = order({ paid: at('2026-03-20T10:00:00'), shipped: at('2026-03-25T10:00:00') });
    expect(check('48小时内发货', [later])).toEqual([]);
  });
});

describe('包邮 promised vs postage (free_shipping)', () => {
  test('postage on an order placed after "包邮" is a finding with the amount', () => {
    const [finding] = check('亲，这款包邮的', [order({ postage: 800 })]);
    expect(finding).toMatchObject({ rule: 'free_shipping', start: 4, end: 6, order: 'T1' });
    expect(finding?.evidence).toContain('收取运费 ¥8.00');
  });

  test('no postage, "不包邮", a question or a named regional exception is not a finding', () => {
    expect(check('这款包邮的', [order({ postage: 0 })])).toEqual([]);
    expect(check('这款不包邮哦', [order({ postage: 800 })])).toEqual([]);
    expect(check('您是问包邮吗', [order({ postage: 800 })])).toEqual([]);
    expect(check('包邮，新疆西藏除外', [order({ postage: 800 })])).toEqual([]);
  });

  test('"满99包邮" binds only orders of 99 元 or more', () => {
    expect(check('满99包邮哦', [order({ amount: 5_000, postage: 600 })])).toEqual([]);
    expect(check('满99包邮哦', [order({ amount: 12_000, postage: 600 })])).toHaveLength(1);
  });
});

describe('order closed by the shop after the agent said so (close_order)', () => {
  test('"我帮您把订单取消了" and a seller-closed order is a finding', () => {
    const [finding] = check('我帮您把订单取消了', [order({ closedBy: 'seller' })]);
    expect(finding).toMatchObject({ rule: 'close_order', order: 'T1' });
    expect(finding?.evidence).toContain('被店铺关闭');
  });

  test('the buyer asking, the buyer closing, or the agent pointing to self-service is not a finding', () => {
    expect(check('好的，帮您取消了', [order({ closedBy: 'seller' })], '拍错了，帮我取消')).toEqual([]);
    expect(check('我帮您把订单取消了', [order({ closedBy: 'buyer' })])).toEqual([]);
    expect(check('您可以自己在订单页取消', [order({ closedBy: 'seller' })])).toEqual([]);
  });
});

test('no orders, no findings; one finding per reply and rule even with several breaking orders', () => {
  expect(check('今天发货', [])).toEqual([]);
  const two = [
    order({ order: 'A', shipped: at('2026-03-04T10:00:00') }),
    order({ order: 'B', shipped: at('2026-03-05T10:00:00') }),
  ];
  expect(check('今天发货', two).map((finding) => finding.order)).toEqual(['A']);
});
