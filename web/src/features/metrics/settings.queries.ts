import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getShopMetricSettings,
  type SettingsOverride,
  saveShopMetricSettings,
} from '../../api/metrics-settings.api.js';
import { listSubAccounts } from '../../api/organisation.api.js';
import { metricsKeys } from './queries.js';

const settingsKey = (shopId: string) => [...metricsKeys.all, 'settings', shopId] as const;

export const useShopMetricSettings = (shopId: string) =>
  useQuery({ queryKey: settingsKey(shopId), queryFn: () => getShopMetricSettings(shopId) });

/**
 * The shop's sub-accounts (子账号), offered as 班组 members; empty while loading or when they
 * cannot be read (members can still be typed).
 */
export const useShopAgents = (shopId: string): string[] =>
  useQuery({
    queryKey: [...settingsKey(shopId), 'agents'],
    queryFn: async () => (await listSubAccounts(shopId)).subAccounts.map((account) => account.name),
    staleTime: 300_000,
  }).data ?? [];

/** A saved version changes the shop's numbers from its day on: every metric is read again. */
export const useSaveShopMetricSettings = (shopId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { effectiveFrom: string; overrides: SettingsOverride }) =>
      saveShopMetricSettings(shopId, input),
    onSuccess: async (view) => {
      queryClient.setQueryData(settingsKey(shopId), view);
      await queryClient.invalidateQueries({ queryKey: metricsKeys.all });
    },
  });
};
