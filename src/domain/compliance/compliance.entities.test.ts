import { describe, expect, test } from 'vitest';
import type { EntityKind } from '../rules/index.js';
import { findEntities } from './compliance.entities.js';
import { normalizeText } from './compliance.normalize.js';

/** What the entity matcher finds in `original`, as the engine calls it: on the normalised text. */
const found = (kind: EntityKind, original: string): string[] => {
  const { text } = normalizeText(original);
  const digitRun = Math.max(0, ...(text.match(/[0-9]+/g) ?? []).map((run) => run.length));
  return findEntities(kind, text, digitRun).map(([start, end]) => text.slice(start, end));
};

describe('entity matchers', () => {
  test.each<[EntityKind, string, string[]]>([
    ['url', '详情看 https://shop.example.com/item?id=12 哦', ['https://shop.example.com/item?id=12']],
    ['url', '去 www.taobao-outlet.cn 买更便宜', ['www.taobao-outlet.cn']],
    ['url', '搜 mystore.shop 就能找到', ['mystore.shop']],
    ['url', '全角也一样：ｗｗｗ．ｍｙｓｔｏｒｅ．ｃｏｍ', ['www.mystore.com']],
    ['email', '发到 kefu.li_2024@example.com.cn 就行', ['kefu.li_2024@example.com.cn']],
    ['email', '邮箱ＡＢＣ＠ｑｑ．ｃｏｍ', ['abc@qq.com']],
    ['alipay', '支付宝账号是 pay_me@163.com', ['支付宝账号是pay_me@163.com']],
    ['qq', '扣扣 12345678 加一下', ['qq12345678']],
    ['wechat', '薇信号: shop_2024', ['微信号:shop_2024']],
    ['hotline', '有问题打 400-820-8820', ['4008208820']],
  ])('%s is found in 「%s」', (kind, text, expected) => {
    expect(found(kind, text)).toEqual(expected);
  });

  test.each<[EntityKind, string]>([
    ['url', '这款是1.5米的床，3.5折'],
    ['url', '尺码表在详情页第三张图'],
    ['url', '您说的 .com 是什么意思呀'],
    ['email', '@客服小美 帮忙看一下'],
    ['email', '满199@20 的活动'],
    ['qq', 'qq音乐会员活动'],
    ['wechat', '不支持微信支付哦'],
    ['hotline', '订单号 4008208820123456 已备注'],
    ['bankCard', '快递单号 1234567890123456'],
  ])('%s is not found in 「%s」', (kind, text) => {
    expect(found(kind, text)).toEqual([]);
  });

  test('a bank card number is found only when it passes the Luhn check, spaced or not', () => {
    expect(found('bankCard', '卡号 6222 0212 3456 7898')).toEqual([]);
    expect(found('bankCard', '卡号 4111 1111 1111 1111')).toEqual(['4111111111111111']);
  });
});
