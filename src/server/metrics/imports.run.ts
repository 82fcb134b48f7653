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
 * ended however it ended, also when it is refused before it starts (an upload's file is removed).
 */
export const runImport = async ({
  request,
  reply,
  input,
  wait,
  release,
}: {
  request: FastifyRequest;
  reply: FastifyReply;
  input: MetricsStoreDeps & ImportRecordsInput;
  wait: boolean;
  release?: () => Promise<void>;
}) => {
  const releaseOnce = async () => {
    await release?.().catch((error: unknown) => request.log.error({ err: error }, 'upload not removed'));
  };
  let started = false;
  try {
    if (input.dryRun) return { job: await importRecords(input) };
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
    if (!started) await releaseOnce();
  }
};
