import type { RecordKind } from './records.fields.js';

// The words of every problem an import reports (导入校验提示). Supervisors read them in the import
// panel and the CLI, next to the file, line and field the issue carries, so a message names the
// field as the export calls it and quotes the bad value, and says what was expected. One wording
// per problem: the string reader and the byte readers report through this table and agree.

/** The Chinese name of each field, as shop exports head their columns. */
const fieldLabels: Readonly<Record<string, string>> = {
  shop: '店铺',
  platform: '平台',
  conversation: '会话',
  buyer: '买家',
  agent: '客服',
  sender: '发送方',
  time: '时间',
  text: '内容',
  kind: '回复类型',
  auto: '自动回复',
  order: '订单号',
  created: '下单时间',
  paid: '付款时间',
  amount: '金额',
  items: '件数',
  status: '订单状态',
  refund: '退款金额',
  shipped: '发货时间',
  postage: '邮费',
  closedBy: '关闭方',
  sku: '商品编码',
  stars: '评价',
  ticket: '服务单号',
  applied: '申请时间',
  reviewed: '审核时间',
  ready: '待处理时间',
  resolved: '处理时间',
  awaitingCustomer: '待客户反馈',
  sampled: '抽检',
  samplePassed: '抽检结果',
};

/** A field as the messages name it: `amount（金额）`. */
export const fieldName = (field: string): string => {
  const label = fieldLabels[field];
  return label ? `${field}（${label}）` : field;
};

/** What makes two records of a kind the same record, for the duplicate message. */
const sameKey: Record<RecordKind, string> = {
  messages: '时间、买家、客服、会话、发送方和内容都相同',
  orders: '店铺和订单号相同',
  ratings: '店铺、买家、客服、评价时间和会话相同',
  tickets: '店铺和服务单号相同',
};

const timeLayouts = 'YYYY-MM-DD HH:mm:ss 或带时区的 ISO-8601，如 2024-06-18T10:05:09+08:00';

/** Messages of problems with one value of a row: each starts with the field's name. */
export const valueProblems = {
  empty: (field: string) => `${fieldName(field)}：不能为空`,
  badTime: (field: string, value: string) =>
    `${fieldName(field)}：「${value}」不是可识别的时间（应为 ${timeLayouts}）`,
  badAmount: (field: string, value: string) =>
    `${fieldName(field)}：「${value}」不是金额（应为以元计的数字，如 199.90）`,
  negativeAmount: (field: string, value: string) => `${fieldName(field)}：${value} 不能为负数`,
  badCount: (field: string, value: string) => `${fieldName(field)}：「${value}」不是大于等于 0 的整数`,
  badFlag: (field: string, value: string) =>
    `${fieldName(field)}：「${value}」不是“是/否”（可写 是/否、true/false、1/0）`,
  noShop: () => `${fieldName('shop')}：为空，且客服账号没有「店铺:」前缀，无法判断店铺`,
  badKind: (value: string) =>
    `${fieldName('kind')}：无法识别「${value}」（应为 人工、智能辅助、自动回复、欢迎语，或 human、assist、auto、welcome）`,
  badPlatform: (value: string) =>
    `${fieldName('platform')}：无法识别「${value}」（应为 天猫、淘宝、拼多多、京东、抖音，或 tmall、taobao、pdd、jd、douyin）`,
  badSender: (value: string) =>
    `${fieldName('sender')}：「${value}」既不是买家、客服，也不是系统（也不是这一行的买家或客服账号）`,
  badCloser: (value: string) =>
    `${fieldName('closedBy')}：「${value}」不是 买家、卖家、系统（buyer、seller、system）`,
  badStars: (value: string) => `${fieldName('stars')}：「${value}」不是 1-5 星，也不是 非常满意…非常不满意`,
  paidBeforeCreated: (paid: string, created: string) =>
    `${fieldName('paid')}：${paid} 早于下单时间 ${created}`,
  refundOverAmount: (refund: string, amount: string) =>
    `${fieldName('refund')}：${refund} 超过实付金额 ${amount}`,
  reviewedBeforeApplied: (reviewed: string, applied: string) =>
    `${fieldName('reviewed')}：${reviewed} 早于申请时间 ${applied}`,
};

/** Messages of problems with a whole row or line. */
export const rowProblems = {
  duplicate: (kind: RecordKind, firstLine: number) =>
    `与第 ${firstLine} 行重复（${sameKey[kind]}），重复的一行不导入`,
  fieldCount: (fields: number, headers: number) =>
    `这一行有 ${fields} 列，表头只有 ${headers} 列（某个值里有未加引号的逗号？）`,
  notJson: (reason: string) => `这一行不是有效的 JSON（${reason}）`,
  notJsonObject: () => '这一行不是 JSON 对象（应为 {"列名": 值, …}）',
  binary: (line: number) =>
    `第 ${line} 行含有 NUL 字节：文件从这里起不是文本（文件已损坏，或不是导出的表格），已停止读取`,
  tooLong: (line: number, chars: number) =>
    `从第 ${line} 行起的一条记录超过 ${chars.toLocaleString('en-US')} 个字符：可能缺少右引号（"），或文件不是文本`,
  unclosedQuote: (line: number) => `第 ${line} 行开始的带引号的值没有结束（缺少右引号 "）`,
  csvSyntax: (line: number, detail: string) => `第 ${line} 行无法按 CSV 读取：${detail}`,
};

/** Messages of problems with the file as a whole. */
export const fileProblems = {
  summary: (file: string, count: number, first: string) => `${file} 有 ${count} 处错误，第一处：${first}`,
  moreErrors: (count: number) => `另有 ${count} 处错误未列出`,
  empty: () => '文件是空的：没有表头行',
  cannotOpen: (reason: string) => `无法打开文件（${reason}）`,
  timeZone: (zone: string) => `无法识别时区「${zone}」（例如 Asia/Shanghai、+08:00）`,
  oldExcel: () => '不读取旧版 Excel .xls 文件：请在 Excel 中另存为 .xlsx 或 CSV UTF-8',
  notWorkbook: () =>
    '文件不是 .xlsx 工作簿（不是 ZIP 格式）：请在 Excel 中另存为 .xlsx，或按实际格式改用 .csv 扩展名',
  brokenWorkbook: (reason: string) =>
    `.xlsx 工作簿已损坏，无法读取（${reason}）：请在 Excel 中打开后重新保存`,
  unknownType: (extension: string) =>
    `无法识别的文件类型「${extension}」：请使用 .csv、.tsv、.jsonl 或 .xlsx`,
};

/** Messages of the encoding problems, by the code an `EncodingError` carries. */
export const encodingProblem = (code: string, line: number | undefined): string => {
  switch (code) {
    case 'encoding.utf16':
      return '文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8”或 .xlsx';
    case 'encoding.zip':
      return '文件是 ZIP 压缩包（Excel 工作簿？）：请把扩展名改为 .xlsx';
    case 'encoding.binary':
      return line === undefined
        ? '文件含有 NUL 字节，不是文本（文件已损坏，或不是导出的表格）'
        : rowProblems.binary(line);
    case 'encoding.unknown':
      return `第 ${line ?? 1} 行含有无法识别的字节：文件既不是 UTF-8 也不是 GBK/GB18030 文本`;
    default:
      return `第 ${line ?? 1} 行含有不符合文件编码的字节（文件混用了 UTF-8 和 GBK？请统一另存为 CSV UTF-8）`;
  }
};
