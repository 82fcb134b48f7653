import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorDetail, isAppError } from '../../app/accounts/index.js';

// The one place where error codes become HTTP statuses.
const statusByCode: Record<string, number> = {
  'auth.invalid_credentials': 401,
  'auth.unauthenticated': 401,
  'auth.rate_limited': 429,
  'auth.forbidden': 403,
  'auth.csrf_invalid': 403,
  'auth.password_change_required': 403,
  'validation.failed': 400,
  not_found: 404,
  conflict: 409,
  'exams.not_open': 409,
  'exams.no_attempts_left': 409,
  'exams.attempt_closed': 409,
  'exams.deadline_passed': 409,
};

/** Status for an application error code; other areas' codes follow their suffix. */
export const statusForCode = (code: string): number => {
  const known = statusByCode[code];
  if (known) return known;
  if (code.endsWith('.not_found')) return 404;
  if (code.endsWith('.forbidden')) return 403;
  if (code.endsWith('.conflict')) return 409;
  return 400;
};

export const sendError = (
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: ErrorDetail[] = [],
) => reply.status(status).send({ error: { code, message, details } });

const locationNames: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

const validationDetails = (error: FastifyError): ErrorDetail[] => {
  const location = locationNames[error.validationContext ?? 'body'] ?? 'body';
  return (error.validation ?? []).map((issue) => {
    const field = issue.instancePath.split('/').filter(Boolean).join('.');
    return { path: field ? `${location}.${field}` : location, message: issue.message ?? 'invalid' };
  });
};

const handleError = (error: FastifyError, reply: FastifyReply) => {
  if (isAppError(error)) {
    const retryAfter = error.details.find((detail) => detail.retryAfterSec !== undefined)?.retryAfterSec;
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return sendError(reply, statusForCode(error.code), error.code, error.message, error.details);
  }
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    return sendError(reply, 400, 'validation.failed', '请求内容不符合要求', validationDetails(error));
  }
  // Fastify's own client errors (malformed JSON, body too large, wrong content type) are safe to name.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 400 ? 'validation.failed' : 'request.rejected';
    return sendError(reply, status, code, status === 400 ? '请求内容不是有效的 JSON' : '请求无法处理', [
      { path: 'body', message: error.message },
    ]);
  }
  reply.log.error({ err: error }, 'internal error');
  return sendError(reply, 500, 'internal.error', '服务器内部错误，请稍后重试');
};

/** Maps every error to the `{ error: { code, message, details } }` shape; internals never leak. */
export const registerErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, _request, reply) => handleError(error, reply));
};
