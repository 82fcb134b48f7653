import type { ReplyKind, Sender } from '../../domain/metrics/index.js';
import { isPlatform, type Platform, platformNames, platforms } from '../../domain/shared/index.js';

const plainAmount = /^\d+(\.\d{1,2})?$/;
const decoratedAmount = /^[¥￥]?\s*(-)?\s*[¥￥]?\s*([\d,]+(?:\.\d+)?)\s*元?$/;

/**
 * Parses an amount in 元 (`199.90`, `¥1,299`, `12元`) to 分. Returns NaN when it is not a number
 * and a negative number for a negative amount (the caller rejects it with its own message).
 */
export const parseYuan = (text: string): number => {
  if (plainAmount.test(text)) return Math.round(Number(text) * 100);
  const match = decoratedAmount.exec(text.trim());
  if (!match?.[2]) return Number.NaN;
  const fen = Math.round(Number(match[2].replaceAll(',', '')) * 100);
  return match[1] ? -fen : fen;
};

const truthy = new Set(['true', '1', '是', 'y', 'yes', 't', '√', '✓', '自动', '自动回复']);
const falsy = new Set(['false', '0', '否', 'n', 'no', 'f', '', '人工', '×']);

/** Parses true/false/1/0/是/否/yes/no; null when it is none of these. */
export const parseFlag = (text: string): boolean | null => {
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  const value = text.trim().toLowerCase();
  if (truthy.has(value)) return true;
  if (falsy.has(value)) return false;
  return null;
};

const kinds = new Map<string, ReplyKind>([
  ['human', 'human'],
  ['manual', 'human'],
  ['人工', 'human'],
  ['人工回复', 'human'],
  ['assist', 'assist'],
  ['智能辅助', 'assist'],
  ['辅助', 'assist'],
  ['auto', 'auto'],
  ['自动', 'auto'],
  ['自动回复', 'auto'],
  ['机器人', 'auto'],
  ['robot', 'auto'],
  ['bot', 'auto'],
  ['welcome', 'welcome'],
  ['欢迎语', 'welcome'],
  ['快捷欢迎语', 'welcome'],
]);

/** Parses a reply kind (human|assist|auto|welcome or its Chinese name); null when unknown. */
export const parseKind = (text: string): ReplyKind | null =>
  kinds.get(text) ?? kinds.get(text.trim().toLowerCase()) ?? null;

const senders = new Map<string, Sender>([
  ['buyer', 'buyer'],
  ['customer', 'buyer'],
  ['买家', 'buyer'],
  ['顾客', 'buyer'],
  ['客户', 'buyer'],
  ['agent', 'agent'],
  ['seller', 'agent'],
  ['客服', 'agent'],
  ['卖家', 'agent'],
  ['商家', 'agent'],
  ['system', 'system'],
  ['系统', 'system'],
  ['系统消息', 'system'],
]);

/**
 * Resolves who sent a message: a role word (买家/客服/系统, buyer/agent/system) or, as many exports
 * write it, the sender's own name, compared with the row's buyer and agent (also without the
 * `店铺:` prefix of a sub-account). Null when it is none of them.
 */
export const parseSender = (text: string, buyer: string, agent: string): Sender | null => {
  const role = senders.get(text) ?? senders.get(text.trim().toLowerCase());
  if (role) return role;
  if (text === buyer) return 'buyer';
  if (text === agent) return 'agent';
  const colon = agent.indexOf(':');
  if (colon !== -1 && text === agent.slice(colon + 1)) return 'agent';
  return null;
};

const starWords = new Map<string, 1 | 2 | 3 | 4 | 5>([
  ['非常满意', 5],
  ['满意', 4],
  ['一般', 3],
  ['不满意', 2],
  ['非常不满意', 1],
]);

/** Parses 1-5 stars, `5星`, or 非常满意 … 非常不满意; null otherwise. */
export const parseStars = (text: string): 1 | 2 | 3 | 4 | 5 | null => {
  const value = text.trim().replace(/星$/, '');
  const word = starWords.get(value);
  if (word) return word;
  if (/^[1-5]$/.test(value)) return Number(value) as 1 | 2 | 3 | 4 | 5;
  return null;
};

const platformByName = new Map<string, Platform>([
  ...platforms.map((platform) => [platform, platform] as const),
  ...platforms.map((platform) => [platformNames[platform], platform] as const),
  ['抖店', 'douyin'],
  ['pinduoduo', 'pdd'],
  ['京东商城', 'jd'],
]);

/** Parses a platform code or its Chinese name (天猫, 淘宝, 拼多多, 京东, 抖音). */
export const parsePlatform = (text: string): Platform | null => {
  const exact = platformByName.get(text);
  if (exact) return exact;
  const value = text.trim().toLowerCase();
  if (isPlatform(value)) return value;
  return platformByName.get(value) ?? null;
};
