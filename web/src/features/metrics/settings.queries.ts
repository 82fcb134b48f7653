import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getShopMetricSettings,
  type SettingsOverride,
  saveShopMetricSettings,
} from '../../api/metrics-settings.api.js';
import { metricsKeys } from './queries.js';

const settingsKey = (shopId: string) => [...metricsKeys.all, 'settings', shopId] as const;

export const useShopMetricSettings = (shopId: string) =>
  useQuery({ queryKey: settingsKey(shopId), queryFn: () => getShopMetricSettings(shopId) });

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
