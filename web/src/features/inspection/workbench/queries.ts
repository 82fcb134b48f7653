import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  appealFinding,
  confirmFinding,
  createScoreSheet,
  decideAppeal,
  deleteScoreSheet,
  dismissFinding,
  type FindingsFilter,
  getConversation,
  getRun,
  getScores,
  getShopSettings,
  listFindings,
  listRuns,
  listSamples,
  listScoreSheets,
  listScoreSheetVersions,
  type ScoreSheetInput,
  type ShopSettingsInput,
  type StoredFinding,
  saveShopSettings,
  scoreSample,
  startRun,
  drawSamples,
  setScoreSheetArchived,
  updateScoreSheet,
} from '../../../api/inspection.api.js';
import { inspectionKeys } from '../queries.js';

const keys = {
  runs: () => [...inspectionKeys.all, 'runs'] as const,
  run: (id: string) => [...inspectionKeys.all, 'run', id] as const,
  findings: () => [...inspectionKeys.all, 'findings'] as const,
  findingsPage: (filter: FindingsFilter) => [...keys.findings(), filter] as const,
  conversation: (shopId: string, conversation: string) =>
    [...inspectionKeys.all, 'conversation', shopId, conversation] as const,
  scores: (query: object) => [...inspectionKeys.all, 'scores', query] as const,
  sheets: () => [...inspectionKeys.all, 'sheets'] as const,
  samples: (query: object) => [...inspectionKeys.all, 'samples', query] as const,
  settings: (shopId: string) => [...inspectionKeys.all, 'settings', shopId] as const,
};

// A run of a month takes seconds to a minute: poll often enough for the bar to move smoothly.
const runPollMs = 1_000;

export const useRuns = (enabled: boolean) =>
  useQuery({ queryKey: keys.runs(), queryFn: async () => (await listRuns()).runs, enabled });

/** Follows a run until it ends, then refreshes the findings it produced. */
export const useRun = (id: string | undefined) => {
  const client = useQueryClient();
  return useQuery({
    queryKey: keys.run(id ?? ''),
    queryFn: async () => {
      const run = await getRun(id ?? '');
      if (run.status !== 'running') {
        await client.invalidateQueries({ queryKey: keys.findings() });
        await client.invalidateQueries({ queryKey: keys.runs() });
      }
      return run;
    },
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? runPollMs : false),
  });
};

export const useStartRun = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: startRun,
    onSuccess: (run) => client.setQueryData(keys.run(run.id), run),
  });
};

/** One page of findings; the previous page stays on screen while the next loads. */
export const useFindings = (filter: FindingsFilter, enabled = true) =>
  useQuery({
    queryKey: keys.findingsPage(filter),
    queryFn: () => listFindings(filter),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useConversation = (target: { shopId: string; conversation: string } | undefined) =>
  useQuery({
    queryKey: keys.conversation(target?.shopId ?? '', target?.conversation ?? ''),
    queryFn: () => getConversation(target?.shopId ?? '', target?.conversation ?? ''),
    enabled: target !== undefined,
    staleTime: 60_000,
  });

export type ReviewInput =
  | { action: 'confirm'; id: string }
  | { action: 'dismiss'; id: string; reason: string }
  | { action: 'appeal'; id: string; text: string }
  | { action: 'decide'; id: string; upheld: boolean; note: string };

const review = (input: ReviewInput): Promise<StoredFinding> => {
  switch (input.action) {
    case 'confirm':
      return confirmFinding(input.id);
    case 'dismiss':
      return dismissFinding(input.id, input.reason);
    case 'appeal':
      return appealFinding(input.id, input.text);
    case 'decide':
      return decideAppeal(input.id, input.upheld, input.note);
  }
};

/**
 * Reviews a finding. The answer replaces the row in every cached page at once, so the table shows
 * the new status without a reload (and keeps its order while the reviewer moves on with j/k);
 * counts and scores refresh in the background.
 */
export const useReview = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: review,
    onSuccess: (updated) => {
      client.setQueriesData<{ findings: StoredFinding[] }>({ queryKey: keys.findings() }, (page) =>
        page
          ? {
              ...page,
              findings: page.findings.map((finding) => (finding.id === updated.id ? updated : finding)),
            }
          : page,
      );
      void client.invalidateQueries({ queryKey: keys.findings(), refetchType: 'none' });
      void client.invalidateQueries({ queryKey: [...inspectionKeys.all, 'scores'] });
      void client.invalidateQueries({ queryKey: [...inspectionKeys.all, 'conversation'] });
    },
  });
};

export const useScores = (query: { from: string; to: string; shopId?: string | undefined }) =>
  useQuery({ queryKey: keys.scores(query), queryFn: async () => (await getScores(query)).agents });

export const useScoreSheets = (enabled: boolean) =>
  useQuery({
    queryKey: keys.sheets(),
    queryFn: async () => (await listScoreSheets()).sheets,
    enabled,
    staleTime: 5 * 60_000,
  });

/** Creates a sheet, or with `id` saves a new version; the list (and the 抽检 picker) refreshes. */
export const useSaveScoreSheet = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | undefined; input: ScoreSheetInput }) =>
      id === undefined ? createScoreSheet(input) : updateScoreSheet(id, input),
    // A refusal may mean someone scored a sample on it meanwhile: the list shows that too.
    onSettled: () => client.invalidateQueries({ queryKey: keys.sheets() }),
  });
};

/** Every saved version of a sheet, newest first; fetched when its history opens. */
export const useScoreSheetVersions = (id: string | undefined) =>
  useQuery({
    queryKey: [...keys.sheets(), id, 'versions'],
    queryFn: async () => (await listScoreSheetVersions(id ?? '')).versions,
    enabled: id !== undefined,
  });

/** Archives a sheet or brings it back; the list and the 抽检 picker refresh. */
export const useArchiveScoreSheet = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => setScoreSheetArchived(id, archived),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.sheets() }),
  });
};

export const useDeleteScoreSheet = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteScoreSheet,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.sheets() }),
  });
};

export const useSamples = (query: { from: string; to: string }) =>
  useQuery({ queryKey: keys.samples(query), queryFn: async () => (await listSamples(query)).samples });

export const useDrawSamples = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: drawSamples,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...inspectionKeys.all, 'samples'] });
      // The 评分表 tab shows how many samples use each sheet.
      void client.invalidateQueries({ queryKey: keys.sheets() });
    },
  });
};

export const useScoreSample = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, scores, comment }: { id: string; scores: number[]; comment?: string }) =>
      scoreSample(id, { scores, ...(comment ? { comment } : {}) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...inspectionKeys.all, 'samples'] });
      void client.invalidateQueries({ queryKey: [...inspectionKeys.all, 'scores'] });
      void client.invalidateQueries({ queryKey: keys.sheets() });
    },
  });
};

export const useShopSettings = (shopId: string | undefined) =>
  useQuery({
    queryKey: keys.settings(shopId ?? ''),
    queryFn: () => getShopSettings(shopId ?? ''),
    enabled: shopId !== undefined,
  });

export const useSaveShopSettings = (shopId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ShopSettingsInput) => saveShopSettings(shopId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.settings(shopId) }),
  });
};
