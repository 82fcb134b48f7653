/** A failed API call: the HTTP status plus the stable error code that the UI translates. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds to wait before retrying (rate limits), when the server says so. */
  readonly retryAfterSec: number | null;

  constructor(input: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    retryAfterSec?: number | null;
  }) {
    super(input.message);
    this.name = 'ApiError';
    this.status = input.status;
    this.code = input.code;
    this.details = input.details;
    this.retryAfterSec = input.retryAfterSec ?? null;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// The session's CSRF token lives in memory only: the cookie is httpOnly and the token comes back
// from login and /api/auth/me, so a reload re-reads it through /me before any mutation.
let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | undefined>;

export type RequestOptions = { method?: Method; body?: unknown; query?: Query };

const withQuery = (path: string, query: Query | undefined): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** retryAfterSec may come as `details.retryAfterSec`, inside a details entry, or as a Retry-After header. */
const retryAfterOf = (details: unknown, response: Response): number | null => {
  const candidates = Array.isArray(details) ? details : [details];
  for (const entry of candidates) {
    if (isRecord(entry) && typeof entry.retryAfterSec === 'number') return entry.retryAfterSec;
  }
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header : null;
};

const toApiError = (response: Response, payload: unknown): ApiError => {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : {};
  const code = typeof error.code === 'string' ? error.code : `http.${response.status}`;
  const message = typeof error.message === 'string' ? error.message : response.statusText;
  return new ApiError({
    status: response.status,
    code,
    message,
    details: error.details,
    retryAfterSec: retryAfterOf(error.details, response),
  });
};

/** Calls the Kefu API with the session cookie; mutations carry the CSRF token. */
export const request = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network.unreachable', message: 'network unreachable' });
  }
  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response, payload);
  return payload as T;
};

/**
 * The part of XMLHttpRequest `upload` uses, typed here because the root `tsc -p .` reads this file
 * (through the API contract) without the DOM library.
 */
type UploadXhr = {
  open: (method: 'POST', url: string) => void;
  setRequestHeader: (name: string, value: string) => void;
  upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null };
  onerror: (() => void) | null;
  onload: (() => void) | null;
  status: number;
  statusText: string;
  responseText: string;
  getResponseHeader: (name: string) => string | null;
  send: (body: Blob) => void;
};

export type UploadOptions = {
  query?: Query;
  /** The file (or part of it) sent as the raw body. */
  body: Blob;
  /** Called as the body goes up: bytes sent of the total. */
  onProgress?: (sent: number, total: number) => void;
};

/**
 * POSTs a file as the raw body (application/octet-stream) with the session cookie and the CSRF
 * token, like `request`. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export const upload = <T>(path: string, { query, body, onProgress }: UploadOptions): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const xhr = new (globalThis as unknown as { XMLHttpRequest: new () => UploadXhr }).XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    if (onProgress) xhr.upload.onprogress = (event) => onProgress(event.loaded, event.total || body.size);
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network.unreachable', message: 'network unreachable' }));
    xhr.onload = () => {
      // The answer read as `request` reads a fetch Response.
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'retry-after': xhr.getResponseHeader('retry-after') ?? '' },
      });
      void readJson(response).then((payload) =>
        response.ok ? resolve(payload as T) : reject(toApiError(response, payload)),
      );
    };
    xhr.send(body);
  });
