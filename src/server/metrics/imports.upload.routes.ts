import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../app/accounts/index.js';
import { checkImportInput, previewImport } from '../../app/metrics-store/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import { sendError } from '../plugins/errors.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import { createKeptUploads, keptUploadLifetimeMs } from './imports.kept-uploads.js';
import { importFromUploadBody, importPreviewUploadQuery, importUploadQuery } from './imports.schemas.js';
import { runImport } from './imports.run.js';
import { readSmallUpload, saveUpload, sweepStaleUploads, uploadErrors } from './imports.upload.js';
import { maxPreviewBytes, maxUploadBytes } from './metrics.schemas.js';

export type ImportUploadOptions = {
  /** The largest upload taken; default `maxUploadBytes` (tests pass a small one). */
  maxBytes?: number;
  /** Where uploads wait for their import; default the OS temp directory. */
  directory?: string;
  /** How long a checked file waits for its import; default `keptUploadLifetimeMs`. */
  keepForMs?: number;
};

/** How often kept uploads past their lifetime are looked for. */
const expireEveryMs = 60_000;

const uploadStatus: Record<string, number> = {
  'metrics.file_too_large': 413,
  'metrics.upload_no_space': 507,
};

/**
 * 413 and 507 for an upload; every other error goes on to the server's handler. An answer sent
 * before the body was read to its end closes the connection, so Node does not read the rest.
 */
const uploadErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  if (!request.raw.complete) reply.header('connection', 'close');
  if (!isAppError(error)) throw error;
  const status = uploadStatus[error.code];
  if (status === undefined) throw error;
  return sendError(reply, status, error.code, error.message, error.details);
};

const bodyOf = (request: FastifyRequest): Readable => {
  if (!(request.body instanceof Readable)) throw uploadErrors.notRaw();
  return request.body;
};

const declaredBytes = (request: FastifyRequest) => {
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) ? length : undefined;
};

/**
 * 导入数据 with the file as the raw body (application/octet-stream) and the rest in the query: the
 * web's upload, streamed to a temporary file that the import reads and removes at its end, so a
 * 1-2 GB export imports in constant memory. A check keeps its file (`uploadId`) for 确认导入 to
 * start from, so the file goes up once. (POST /api/imports takes base64 in JSON, for scripts.)
 */
export const importUploadRoutesWith =
  ({
    maxBytes = maxUploadBytes,
    directory = tmpdir(),
    keepForMs = keptUploadLifetimeMs,
  }: ImportUploadOptions = {}): AreaRoutes =>
  async (app, deps) => {
    const kept = createKeptUploads({ lifetimeMs: keepForMs, now: () => deps.clock.now().getTime() });
    // Checked files nobody confirmed go after their lifetime; those left at a stop go with the server.
    const expiring = setInterval(
      () => {
        kept.expire().catch((error: unknown) => app.log.error({ err: error }, 'kept upload not removed'));
      },
      Math.min(keepForMs, expireEveryMs),
    );
    expiring.unref();
    app.addHook('onClose', async () => {
      clearInterval(expiring);
      await kept.clear();
    });
    // The body reaches the handler as the request stream itself; this scope alone parses it so.
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    // Uploads a stopped server left behind; only a listening server sweeps, as for its import jobs.
    app.addHook('onListen', async () => {
      await sweepStaleUploads(directory, deps.clock.now().getTime());
    });
    const common = { errorHandler: uploadErrorHandler, config: { permission: 'metrics.import' as const } };
    app.post(
      '/api/imports/upload',
      {
        ...common,
        schema: {
          tags: ['metrics'],
          description:
            'The file as the raw body (Content-Type: application/octet-stream, at most 2 GiB); the answer is that of POST /api/imports. A check (dryRun=true) also answers `uploadId`: its file is kept for an hour for POST /api/imports/from-upload.',
          querystring: importUploadQuery,
          consumes: ['application/octet-stream'],
        },
      },
      async (request, reply) => {
        const { kind, filename, mode, shopId, dryRun, mapping, savePreset, wait } = request.query;
        const body = bodyOf(request);
        const input = {
          ...deps,
          actor: requireAuth(request).actor,
          kind,
          file: filename,
          mode,
          savePreset,
          dryRun,
          ...(shopId ? { shopId } : {}),
          ...(mapping ? { mapping } : {}),
        };
        // A refusal that needs no file (the shop, the mapping) comes before the bytes are taken.
        await checkImportInput(input);
        const upload = await saveUpload({ body, declaredBytes: declaredBytes(request), maxBytes, directory });
        return runImport({
          request,
          reply,
          input: { ...input, source: upload.read(), bytesTotal: upload.bytes },
          wait,
          release: upload.remove,
          ...(dryRun ? { keep: () => kept.keep(upload, { ...input.actor, kind, fileName: filename }) } : {}),
        });
      },
    );
    // 确认导入 of a checked file: no second upload; the options are this request's, not the check's.
    app.post(
      '/api/imports/from-upload',
      {
        config: common.config,
        schema: {
          tags: ['metrics'],
          description:
            "Starts the import of the file a check kept (its uploadId), as POST /api/imports/upload would with the file. The id is the caller's own, used once, for an hour: otherwise 404 metrics.upload.not_found (upload the file again).",
          body: importFromUploadBody,
        },
      },
      async (request, reply) => {
        const { uploadId, kind, mode, shopId, mapping, savePreset, wait } = request.body;
        const actor = requireAuth(request).actor;
        const found = await kept.find(uploadId, actor, kind);
        const input = {
          ...deps,
          actor,
          kind: found.kind,
          file: found.fileName,
          mode,
          savePreset,
          dryRun: false,
          ...(shopId ? { shopId } : {}),
          ...(mapping ? { mapping } : {}),
        };
        // A refused shop or mapping leaves the file for a corrected confirm.
        await checkImportInput(input);
        const { kept: taken, restore } = await kept.take(uploadId, actor, kind);
        return runImport({
          request,
          reply,
          input: { ...input, source: taken.upload.read(), bytesTotal: taken.upload.bytes },
          wait,
          release: async (started) => (started ? taken.upload.remove() : restore()),
        });
      },
    );
    // 列映射 of an upload: the browser sends the start of a text file (or a whole workbook).
    app.post(
      '/api/imports/preview/upload',
      {
        ...common,
        schema: {
          tags: ['metrics'],
          description:
            'The start of the file as the raw body (application/octet-stream, at most 64 MiB: a workbook whole); the answer is that of POST /api/imports/preview.',
          querystring: importPreviewUploadQuery,
          consumes: ['application/octet-stream'],
        },
      },
      async (request) => {
        const { kind, filename, shopId, mapping } = request.query;
        const bytes = await readSmallUpload({
          body: bodyOf(request),
          declaredBytes: declaredBytes(request),
          maxBytes: Math.min(maxBytes, maxPreviewBytes),
        });
        const preview = await previewImport({
          ...deps,
          actor: requireAuth(request).actor,
          kind,
          file: filename,
          bytes,
          ...(shopId ? { shopId } : {}),
          ...(mapping ? { mapping } : {}),
        });
        return { preview };
      },
    );
  };

export const importUploadRoutes = importUploadRoutesWith();
