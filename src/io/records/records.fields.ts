/** The kinds of file a shop imports for KPIs (绩效). */
export const recordKinds = ['messages', 'orders', 'ratings', 'tickets'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** A field of a record kind: the headers that mean it, and whether a file must have it. */
export type FieldSpec = { field: string; required: boolean; synonyms: readonly string[] };

const shop: FieldSpec = {
  field: 'shop',
  required: false,
  synonyms: ['店铺', '店铺名', '店铺名称', '商家', 'shop', 'store', 'shopname'],
};
const platform: FieldSpec = {
  field: 'platform',
  required: false,
  synonyms: ['平台', '渠道', 'platform', 'channel'],
};
const conversation: FieldSpec = {
  field: 'conversation',
  required: false,
  synonyms: [
    '会话',
    '会话id',
    '会话编号',
    '会话号',
    'conversation',
    'conversationid',
    'session',
    'sessionid',
    'chatid',
  ],
};
const buyer: FieldSpec = {
  field: 'buyer',
  required: true,
  synonyms: [
    '买家',
    '买家昵称',
    '买家账号',
    '买家id',
    '买家会员名',
    '顾客',
    '客户',
    '用户',
    '会员名',
    'buyer',
    'buyerid',
    'buyernick',
    'customer',
    'user',
  ],
};
const agent: FieldSpec = {
  field: 'agent',
  required: true,
  synonyms: [
    '客服',
    '子账号',
    '客服账号',
    '客服昵称',
    '客服子账号',
    '旺旺号',
    '接待客服',
    'agent',
    'agentid',
    'subaccount',
    'sellernick',
  ],
};

/**
 * Header synonyms per record kind, Chinese and English. Headers are compared after
 * `normalizeHeader` (lower case, no spaces, `_`, `-` or a unit in brackets such as `（元）`).
 */
export const columnSynonyms: Record<RecordKind, readonly FieldSpec[]> = {
  messages: [
    shop,
    // A chat export must say its platform, by a column or by a constant in the mapping.
    { ...platform, required: true },
    conversation,
    buyer,
    agent,
    {
      field: 'sender',
      required: true,
      synonyms: [
        '发送方',
        '发送人',
        '发送者',
        '发言人',
        '角色',
        '发送角色',
        'sender',
        'from',
        'role',
        'direction',
      ],
    },
    {
      field: 'time',
      required: true,
      synonyms: ['时间', '发送时间', '消息时间', '聊天时间', 'time', 'timestamp', 'sentat', 'datetime'],
    },
    {
      field: 'text',
      required: true,
      synonyms: ['内容', '消息', '消息内容', '聊天内容', '文本', 'text', 'content', 'message', 'msg'],
    },
    {
      field: 'kind',
      required: false,
      synonyms: ['类型', '消息类型', '回复类型', 'kind', 'replykind', 'type'],
    },
    {
      field: 'auto',
      required: false,
      synonyms: ['自动回复', '是否自动回复', '自动', '机器人', 'auto', 'isauto', 'automatic'],
    },
  ],
  orders: [
    // Orders carry no sub-account to take the shop from.
    { ...shop, required: true },
    {
      field: 'order',
      required: true,
      synonyms: [
        '订单号',
        '订单编号',
        '订单id',
        '主订单号',
        '主订单编号',
        'order',
        'orderid',
        'orderno',
        'tid',
      ],
    },
    buyer,
    {
      field: 'created',
      required: true,
      synonyms: ['下单时间', '创建时间', '订单创建时间', '拍下时间', 'created', 'createdat', 'ordertime'],
    },
    {
      field: 'paid',
      required: true,
      synonyms: ['付款时间', '支付时间', '订单付款时间', 'paid', 'paidat', 'paytime', 'paymenttime'],
    },
    {
      field: 'amount',
      required: true,
      synonyms: [
        '实付金额',
        '买家实付金额',
        '实付',
        '实付款',
        '支付金额',
        '付款金额',
        '金额',
        'amount',
        'paidamount',
        'payment',
      ],
    },
    {
      field: 'items',
      required: false,
      synonyms: ['数量', '商品数量', '件数', '宝贝总数量', '购买数量', 'items', 'quantity', 'qty'],
    },
    { field: 'status', required: false, synonyms: ['状态', '订单状态', '交易状态', 'status', 'orderstatus'] },
    { field: 'refund', required: false, synonyms: ['退款金额', '退款', '退款额', 'refund', 'refundamount'] },
    { field: 'shipped', required: false, synonyms: ['发货时间', 'shipped', 'shippedat', 'shiptime'] },
    { field: 'postage', required: false, synonyms: ['邮费', '运费', 'postage', 'shipping', 'shippingfee'] },
    { field: 'closedBy', required: false, synonyms: ['关闭方', '关闭人', 'closedby'] },
    { field: 'sku', required: false, synonyms: ['sku', '商品编码', '商家编码', '规格编码', 'skuid'] },
  ],
  ratings: [
    shop,
    conversation,
    buyer,
    agent,
    { field: 'time', required: true, synonyms: ['评价时间', '时间', 'time', 'ratedat', 'timestamp'] },
    {
      field: 'stars',
      required: true,
      synonyms: ['评价', '评分', '星级', '满意度', '评价结果', 'stars', 'rating', 'score'],
    },
  ],
  tickets: [
    shop,
    {
      field: 'ticket',
      required: true,
      synonyms: ['服务单号', '服务单', '服务单id', '工单号', 'ticket', 'ticketid'],
    },
    {
      field: 'agent',
      required: true,
      synonyms: ['客服', '处理人', '审核人', '子账号', '客服账号', 'agent', 'agentid'],
    },
    { field: 'applied', required: true, synonyms: ['申请时间', '提交时间', 'applied', 'appliedat'] },
    { field: 'reviewed', required: false, synonyms: ['审核时间', '首次审核时间', 'reviewed', 'reviewedat'] },
    {
      field: 'ready',
      required: false,
      synonyms: ['待处理时间', '可处理时间', '进入待处理时间', 'ready', 'readyat'],
    },
    {
      field: 'resolved',
      required: false,
      synonyms: ['处理时间', '首次处理结果时间', '处理完成时间', 'resolved', 'resolvedat'],
    },
    {
      field: 'awaitingCustomer',
      required: false,
      synonyms: ['待客户反馈', '是否待客户反馈', 'awaitingcustomer'],
    },
    { field: 'sampled', required: false, synonyms: ['抽检', '是否抽检', 'sampled'] },
    {
      field: 'samplePassed',
      required: false,
      synonyms: ['抽检结果', '抽检通过', '抽检是否通过', 'samplepassed'],
    },
  ],
};

/** Canonical form of a header: case, spacing, separators and a bracketed unit do not matter. */
export const normalizeHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .toLowerCase()
    .replace(/[\s_\-.:：]/g, '');

/**
 * Which header each field maps to. `columns` names a header per field; `constants` gives a value
 * for a field the file lacks (a shop export without a shop column: `{ shop: '旗舰店' }`).
 */
export type ColumnMapping = {
  columns?: Record<string, string>;
  constants?: Record<string, string>;
};

/** Suggests a header for each field by synonyms; fields without a match are left out. */
export const suggestMapping = (kind: RecordKind, headers: readonly string[]): Record<string, string> => {
  const normalized = headers.map(normalizeHeader);
  const suggestion: Record<string, string> = {};
  const taken = new Set<number>();
  for (const spec of columnSynonyms[kind]) {
    for (const synonym of spec.synonyms) {
      const index = normalized.findIndex((header, at) => header === synonym && !taken.has(at));
      if (index !== -1) {
        suggestion[spec.field] = headers[index] as string;
        taken.add(index);
        break;
      }
    }
  }
  return suggestion;
};
