import { errorText, t } from '../i18n/i18n.js';
import { isApiError } from './client.js';

/** What to tell the user about a failed call: the translated code, else the server's zh-CN message. */
export const describeError = (error: unknown): string => {
  if (!isApiError(error)) return t('errors.unknown');
  return errorText(error.code, error.retryAfterSec) ?? (error.message || t('errors.unknown'));
};

export const isForbidden = (error: unknown): boolean => isApiError(error) && error.status === 403;
