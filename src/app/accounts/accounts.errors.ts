/** One detail of an error: where (`body.login`) and why. */
export type ErrorDetail = { path: string; message: string; retryAfterSec?: number };

/**
 * An error the user may see: a stable machine code (`area.reason`) that the UI translates, a zh-CN
 * message and optional details. The server maps codes to HTTP statuses in one place; any other
 * error is internal and never shown.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** The catalogue of account errors. */
export const accountsErrors = {
  invalidCredentials: () => new AppError('auth.invalid_credentials', '登录名或密码不正确'),
  rateLimited: (retryAfterSec: number) =>
    new AppError('auth.rate_limited', `登录失败次数过多，请 ${Math.ceil(retryAfterSec / 60)} 分钟后再试`, [
      { path: 'retryAfterSec', message: `${retryAfterSec} 秒后可重试`, retryAfterSec },
    ]),
  unauthenticated: () => new AppError('auth.unauthenticated', '请先登录'),
  forbidden: () => new AppError('auth.forbidden', '没有权限执行此操作'),
  passwordChangeRequired: () =>
    new AppError('auth.password_change_required', '请先修改初始密码，再使用其他功能'),
  csrfInvalid: () => new AppError('auth.csrf_invalid', '请求校验失败，请刷新页面后重试'),
  wrongCurrentPassword: () =>
    new AppError('auth.invalid_credentials', '当前密码不正确', [
      { path: 'body.currentPassword', message: '当前密码不正确' },
    ]),
  weakPassword: (path: string, reason: string) =>
    new AppError('validation.failed', `密码不符合要求：${reason}`, [{ path, message: reason }]),
  invalidReference: (path: string, what: string) =>
    new AppError('validation.failed', `${what}不存在`, [{ path, message: `${what}不存在` }]),
  notFound: (what: string) => new AppError('not_found', `${what}不存在`),
  conflict: (path: string, message: string) => new AppError('conflict', message, [{ path, message }]),
};
