import { type MessageKey, zhCN } from './zh-CN.js';

export type { MessageKey };

type Params = Record<string, string | number>;

/** Looks up a UI text and fills `{name}` placeholders. */
export const t = (key: MessageKey, params?: Params): string => {
  const text: string = zhCN[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
};

/** Lockouts last minutes: "900 秒" reads worse than "15 分钟", so long waits are given in minutes. */
const rateLimitText = (retryAfterSec: number | null): string => {
  if (!retryAfterSec) return t('errors.auth.rate_limited_later');
  if (retryAfterSec < 120) return t('errors.auth.rate_limited', { seconds: retryAfterSec });
  return t('errors.auth.rate_limited_minutes', { minutes: Math.ceil(retryAfterSec / 60) });
};

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);

/** The zh-CN explanation of an API error code, or null when the UI has none. */
export const errorText = (code: string, retryAfterSec: number | null): string | null => {
  if (code === 'auth.rate_limited') return rateLimitText(retryAfterSec);
  const key = `errors.${code}`;
  return isMessageKey(key) ? t(key) : null;
};
