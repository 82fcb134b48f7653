import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.js';
import {
  checkImport,
  getImport,
  type ImportInput,
  listImports,
  startImport,
  startImportFromUpload,
  uploadGoneCode,
} from '../../api/metrics.api.js';
import { metricsKeys } from './queries.js';

// 导入数据: a check answers at once; a real import is a background job followed until it ends.

// A file of tens of MB imports in seconds: poll often enough for the bar to move.
const jobPollMs = 1_000;

const importKeys = {
  job: (id: string) => [...metricsKeys.imports(), 'job', id] as const,
};

/** 导入记录; polled while one of them runs, so its progress moves. */
export const useImports = () =>
  useQuery({
    queryKey: metricsKeys.imports(),
    queryFn: async () => (await listImports()).jobs,
    refetchInterval: (query) =>
      query.state.data?.some((job) => job.status === 'running') ? jobPollMs : false,
  });

/** Follows an import job until it ends, then refreshes every metric (the records changed). */
export const useImportJob = (id: string | undefined) => {
  const client = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: async () => {
      const { job } = await getImport(id ?? '');
      // Every other metrics query: invalidating this one from its own fetch would cancel it.
      if (job.status !== 'running')
        await client.invalidateQueries({
          queryKey: metricsKeys.all,
          predicate: (query) => query.queryKey[2] !== 'job',
        });
      return job;
    },
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? jobPollMs : false),
  });
};

export const useCheckImport = () =>
  useMutation({ mutationFn: (input: Omit<ImportInput, 'dryRun'>) => checkImport(input) });

/** A confirm's input: with the `uploadId` of its check, the file goes up only if the server lost it. */
export type StartImportInput = Omit<ImportInput, 'dryRun'> & { uploadId?: string };

/**
 * 确认导入 from the check's kept file; when the server no longer has it (expired, server restarted)
 * the file goes up as before, so the user sees no error.
 */
const startImportOnce = async ({ uploadId, ...input }: StartImportInput) => {
  if (uploadId === undefined) return startImport(input);
  try {
    return await startImportFromUpload({
      uploadId,
      kind: input.kind,
      mode: input.mode,
      ...(input.shopId ? { shopId: input.shopId } : {}),
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.savePreset ? { savePreset: true } : {}),
    });
  } catch (error) {
    if (isApiError(error) && error.code === uploadGoneCode) return startImport(input);
    throw error;
  }
};

export const useStartImport = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: startImportOnce,
    onSuccess: async ({ job }) => {
      client.setQueryData(importKeys.job(job.id), job);
      await client.invalidateQueries({ queryKey: metricsKeys.imports() });
    },
  });
};
