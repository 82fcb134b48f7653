import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../app/accounts/index.js';
import {
  type ImportRecordsInput,
  importRecords,
  type MetricsStoreDeps,
  startImport,
} from '../../app/metrics-store/index.js';

/**
 * Runs an import for a route and shapes the answer: 校验 (dryRun) answers with what would be
 * stored; a real import answers 202 with its job and goes on in the background (GET
 * /api/imports/:id polls it), or 200 at its end with `wait`. `release` runs once the import has
 * ended however it ended, also when it is refused before it starts (an upload's file is removed;
 * `started` says which). A check given `keep` keeps its file instead and answers its `uploadId`,
 * for the import to start from without a second upload.
 */
export const runImport = async ({
  request,
  reply,
  input,
  wait,
  release,
  keep,
}: {
  request: FastifyRequest;
  reply: FastifyReply;
  input: MetricsStoreDeps & ImportRecordsInput;
  wait: boolean;
  release?: (started: boolean) => Promise<void>;
  keep?: () => Promise<string>;
}) => {
  let started = false;
  let kept = false;
  const releaseOnce = async () => {
    await release?.(started).catch((error: unknown) =>
      request.log.error({ err: error }, 'upload not removed'),
    );
  };
  try {
    if (input.dryRun) {
      const job = await importRecords(input);
      if (!keep) return { job };
      const uploadId = await keep();
      kept = true;
      return { job, uploadId };
    }
    const { job, done } = await startImport(input);
    started = true;
    const ended = done.finally(releaseOnce);
    if (wait) {
      const end = await ended;
      if (end.error !== undefined) throw end.error;
      return { job: end.job };
    }
    // The job records its own failure for the user; the server's log gets the error itself.
    ended.then(
      ({ error }) => {
        if (error !== undefined && !isAppError(error))
          request.log.error({ err: error, jobId: job.id }, 'import job failed');
      },
      (error: unknown) => request.log.error({ err: error, jobId: job.id }, 'import job lost'),
    );
    return reply.status(202).send({ job });
  } finally {
    if (!started && !kept) await releaseOnce();
  }
};
