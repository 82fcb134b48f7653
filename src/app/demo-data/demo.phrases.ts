// Small phrase tables for synthetic chats, written for Kefu. Only Chinese punctuation, so the
// CSV lines need no quoting in the hot path.

export const shopBrands = [
  '云杉家居',
  '青柠服饰',
  '小满零食',
  '拾光数码',
  '暖阳母婴',
  '山野户外',
  '花间美妆',
  '木子鞋业',
  '橙意厨具',
  '星河文具',
];

export const shopSuffix = {
  tmall: '旗舰店',
  taobao: '小铺',
  pdd: '专营店',
  jd: '京东专卖店',
  douyin: '抖音小店',
} as const;

export const agentNicks = [
  '小美',
  '小雨',
  '阿杰',
  '木木',
  '糖糖',
  '安安',
  '乐乐',
  '小北',
  '可可',
  '阿宁',
  '小七',
  '豆豆',
  '晴天',
  '若溪',
  '一帆',
];

export const presaleOpeners = [
  '在吗',
  '你好 这款还有货吗',
  '请问这个尺码怎么选',
  '今天下单什么时候发货',
  '能便宜一点吗',
  '现在有优惠券可以领吗',
  '这两款有什么区别呀',
  '包邮吗',
  '是正品吗 有授权吗',
  '实物和图片有色差吗',
  '我身高一米六五 体重一百一 穿哪个码',
  '这个能用多久',
  '买两件有折扣吗',
];

export const presaleFollowUps = [
  '好的',
  '嗯嗯',
  '那我再看看',
  '可以改地址吗',
  '能送个小礼物吗',
  '那我拍了',
  '要两件的话怎么算',
  '发什么快递',
  '谢谢',
  '明天能到吗',
  '有没有大一号的',
  '质量怎么样',
];

/**
 * Replies that promise what an order can later break (the 质检 order-fact rules): a ship time
 * (当天发, 二十四小时内发货) or 包邮. The generator notes which of them a chat made.
 */
export const promiseReplies = {
  shipToday: '这款现货充足 下午四点前付款当天发出哦',
  shipWithinDay: '付款后二十四小时内发货 默认发中通 两到三天送达',
  freeShipping: '亲 现在已经是活动价了 包邮还送运费险哦',
} as const;

export const presaleReplies = [
  '亲 在的 请问有什么可以帮您',
  promiseReplies.shipToday,
  '建议您选M码 穿着会更合身',
  '现在领券下单立减二十元哦',
  '店铺所有商品都是正品 支持专柜验货',
  promiseReplies.shipWithinDay,
  promiseReplies.freeShipping,
  '两件以上可以享受九折优惠哦',
  '图片是实物拍摄 可能因显示器略有差异',
  '好的 已经帮您备注好了',
  '感谢您的支持 有问题随时找我哦',
  '这款是我们的热销款 评价都很不错',
];

export const aftersaleOpeners = [
  '我的快递怎么还没到',
  '收到的东西有破损',
  '想退货 怎么操作',
  '尺码不合适能换吗',
  '退款什么时候到账',
  '发票怎么开',
  '少发了一件',
  '物流好几天没更新了',
  '颜色发错了',
];

export const aftersaleFollowUps = [
  '好吧',
  '那要等多久',
  '照片已经发了',
  '行 谢谢',
  '能快点处理吗',
  '我已经申请了',
];

export const aftersaleReplies = [
  '非常抱歉给您带来不便 麻烦拍一下照片',
  '已为您登记 请在订单页面申请退换货',
  '退款会在一到三个工作日原路返回',
  '已经帮您联系快递催件了 请再耐心等一下',
  '已为您安排补发 单号稍后发给您',
  '发票可以在订单详情里申请 电子发票会发到您的邮箱',
  '收到退货后我们会第一时间处理',
];

/** The agent closes the buyer's order unasked: the generator writes that order, closed by the seller. */
export const closeOrderSlip = '亲 我这边帮您把订单关了 您重新拍一下';

/** Replies that break a platform rule (高压线), for the 质检 demo: contact, payment, invoice, closing. */
export const slipReplies = [
  '亲 加我微信 我发您实拍视频',
  '开发票的话需要另外加六个点哦',
  closeOrderSlip,
  '走支付宝转账给我 可以再便宜十块',
  '你自己不会看详情页吗',
  '您留个手机号 我让师傅直接联系您',
];

export const paymentReminders = [
  '亲 看到您拍下还没付款 库存不多了 早付款早发货哦',
  '亲 您的订单还差一步付款 有问题可以随时问我',
];

export const welcomeTexts = ['欢迎光临本店 很高兴为您服务', '您好 我是智能助手 请问有什么可以帮您'];

export const autoReplies = [
  '亲 客服正在快马加鞭赶来 请稍等片刻',
  '当前咨询人数较多 请您耐心等待',
  '您好 现在是非工作时间 客服上线后会第一时间回复您',
];

export const adTexts = [
  '加微信领红包 刷单日结 佣金高',
  '专业店铺推广 提升销量 详情见 http://promo.example.com/a1',
  '代运营团队 免费诊断店铺 加V详聊',
  '加粉神器 日增千粉 www.fans-up.example.net',
  '兼职刷单 一单一结 在家就能做',
  '低价推广引流 https://ad.example.org/shop',
];

export const adReplies = ['不需要 谢谢', '请勿发广告'];

export const systemOrderCard = '【系统】买家已拍下订单 等待付款';
export const systemTransfer = '【系统】会话已转接';

export const orderStatus = {
  unpaid: '等待买家付款',
  closed: '交易关闭',
  paid: '交易成功',
  refunded: '已退款',
  partlyRefunded: '部分退款',
} as const;
