import type { z } from 'zod';

// zh-CN problems of a KPI settings object (绩效设置), shared by the API, `kefu metrics-settings set`
// and `kefu metrics --settings`: each names the field by the label the 绩效设置 page shows
// (web/src/i18n/zh-CN.metrics-settings.ts; a test keeps the two in step) and says why.

/** The zh-CN label of every settings key, as the 绩效设置 form shows it. */
export const settingsLabels: Record<string, string> = {
  slowThresholdSec: '响应超时阈值',
  'slowReception.thresholdSec': '慢接待的单次等待阈值',
  'slowReception.turns': '慢接待的慢响应轮次',
  longReceptionMinutes: '长接待时长',
  'response.capSec': '响应时间封顶',
  'response.unanswered': '未回复的轮次',
  'response.excludeZeroSecond': '排除 0 秒回复',
  lookBackDays: '询单回看天数',
  attribution: '归属窗口',
  'credit.mode': '落实方式',
  'credit.pick': '多位客服接待时落实给',
  hindsight: '售后买家在窗口内再次下单仍计为询单',
  timeZoneOffsetMinutes: '店铺时区',
  adPatterns: '广告识别规则（正则）',
  'filters.accounts': '排除的买家账号',
  'filters.staffPatterns': '平台小二识别（正则）',
  'filters.ownAccounts': '排除店铺自有账号之间的聊天',
  'hours.taobao': '淘宝/天猫考核时段',
  'taobao.replyWithinSec': '淘宝/天猫人工响应时限',
  'hours.pdd': '拼多多考核时段',
  'pdd.replyWithinSec': '拼多多应答时限',
  'pdd.reply30sTarget': '拼多多应答率目标',
  'pdd.avgResponseSecTarget': '拼多多平均人工响应时长目标',
  'pdd.conversionTarget': '拼多多询单转化率目标',
  'pdd.aovTarget': '拼多多客单价目标',
  'pdd.itemsPerBuyerTarget': '拼多多客件数目标',
  'hours.douyin': '抖音考核时段',
  'douyin.firstReplyWithinSec': '抖音首次回复时限',
  'douyin.replyWithinSec': '抖音回复时限',
  'douyin.firstReplyTarget': '抖音首次回复率目标',
  'douyin.replyTarget': '抖音回复率目标',
  'douyin.satisfactionTarget': '抖音满意度目标',
  'hours.jd': '京东咨询考核时段',
  'hours.jdTickets': '京东服务单考核时段',
  'jd.withinSec': '京东服务单审核/处理时限',
  'jd.satisfactionTarget': '京东满意度目标',
  'jd.reviewTarget': '京东审核及时率目标',
  'jd.handleTarget': '京东处理及时率目标',
  'jd.specTarget': '京东规范处理率目标',
  'jd.awaitingTarget': '京东待客户反馈占比上限',
  'jd.tiers': '京东售后服务分档位',
  teams: '班组',
};

const tierParts: Record<string, string> = {
  min: '最低分',
  name: '名称',
  passed: '是否达标',
  penalty: '罚金',
};
const windowParts: Record<string, string> = { kind: '计算方式', days: '天数', hours: '小时数' };
const clockParts: Record<string, string> = { from: '开始时间', to: '结束时间' };

type Path = readonly PropertyKey[];

/** The settings key a path is about (`jd.tiers.2.min` → jd.tiers): the longest labelled prefix. */
const keyOf = (parts: string[]): string | undefined =>
  [parts.slice(0, 2).join('.'), parts[0] ?? ''].find((key) => settingsLabels[key] !== undefined);

/**
 * The label of a path into a settings object: `hours.pdd.from` → 拼多多考核时段的开始时间,
 * `jd.tiers.1.name` → 京东售后服务分档位第 2 档的名称, `adPatterns.3` → 广告识别规则（正则）第 4 条;
 * an unknown path as it is.
 */
export const settingsPathLabel = (path: Path): string => {
  const parts = path.map(String);
  const key = keyOf(parts);
  if (key === undefined) return parts.join('.');
  const label = settingsLabels[key] ?? key;
  const [next, part] = parts.slice(key.split('.').length);
  // A team problem names the sub-account itself.
  if (next === undefined || key === 'teams') return label;
  if (key === 'jd.tiers')
    return `${label}第 ${Number(next) + 1} 档${part ? `的${tierParts[part] ?? part}` : ''}`;
  if (key === 'attribution') return `${label}的${windowParts[next] ?? next}`;
  if (key.startsWith('hours.')) return `${label}的${clockParts[next] ?? next}`;
  return /^\d+$/.test(next) ? `${label}第 ${Number(next) + 1} 条` : parts.join('.');
};

// Shop targets (店铺目标) that are amounts, not rates, with their units; all four may be null.
const amountTargets: Record<string, string> = {
  'pdd.avgResponseSecTarget': ' 秒',
  'pdd.aovTarget': ' 元',
  'pdd.itemsPerBuyerTarget': ' 件',
};
const shopTargets = new Set([...Object.keys(amountTargets), 'pdd.conversionTarget']);

const unitOf = (key: string, last: string): string => {
  const amount = amountTargets[key];
  if (amount !== undefined) return amount;
  if (last === 'days' || key === 'lookBackDays') return ' 天';
  if (last === 'hours') return ' 小时';
  if (last === 'turns') return ' 轮';
  if (last === 'min') return ' 分';
  if (last === 'penalty') return ' 元';
  if (key.endsWith('Minutes')) return ' 分钟';
  return key.endsWith('Sec') ? ' 秒' : '';
};

const typeNames: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否（true/false）',
  array: '列表',
  object: '对象',
  record: '对象',
};

const ratioReason = '须在 0 到 1 之间（比例，0.85 即 85%）';

/** Why a value is refused, in zh-CN; the schema's own checks already say it in Chinese. */
const reasonOf = (issue: z.core.$ZodIssue): string => {
  const parts = issue.path.map(String);
  const key = keyOf(parts) ?? '';
  const unit = unitOf(key, parts.at(-1) ?? '');
  const isRatio = key.endsWith('Target') && amountTargets[key] === undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少这一项';
      return `应为${typeNames[issue.expected] ?? issue.expected}${shopTargets.has(key) ? '，不设目标为 null' : ''}`;
    case 'too_small':
      if (issue.origin === 'array') return `至少要有 ${String(issue.minimum)} 项`;
      if (isRatio) return ratioReason;
      return `${issue.inclusive === false ? '须大于' : '不能小于'} ${String(issue.minimum)}${unit}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${String(issue.maximum)} 个字`;
      if (isRatio) return ratioReason;
      return `${issue.inclusive === false ? '须小于' : '不能大于'} ${String(issue.maximum)}${unit}`;
    case 'invalid_value':
      return `只能是：${issue.values.map(String).join('、')}`;
    case 'invalid_union':
      // A discriminated union names the key it could not match (attribution.kind).
      return key === 'attribution' ? '只能是：days（按自然日）、hours（按小时）' : '格式不对';
    default:
      return issue.message;
  }
};

/**
 * Each problem of a settings object as `{ path, message }`: `path` dotted (an unknown key is named
 * in the path itself, so a form can point at the very field), `message` the field's zh-CN label
 * and the reason, e.g. `拼多多考核时段：开始时间须早于结束时间`.
 */
export const settingsIssues = (error: z.ZodError): { path: string; message: string }[] =>
  error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => {
        const path = [...issue.path.map(String), key].join('.');
        return { path, message: `${path}：没有这个设置项` };
      });
    const label = issue.path.length === 0 ? '绩效设置' : settingsPathLabel(issue.path);
    return [{ path: issue.path.join('.'), message: `${label}：${reasonOf(issue)}` }];
  });
