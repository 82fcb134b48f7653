import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ExplainQuery,
  explainMetric,
  getMetrics,
  listRestatements,
  ruleCredit,
  type MetricsFilters,
} from '../../api/metrics.api.js';
import { listShops, listTeams } from '../../api/organisation.api.js';

export const metricsKeys = {
  all: ['metrics'] as const,
  report: (filters: MetricsFilters) => [...metricsKeys.all, 'report', filters] as const,
  explain: (query: ExplainQuery) => [...metricsKeys.all, 'explain', query] as const,
  imports: () => [...metricsKeys.all, 'imports'] as const,
  restatements: () => [...metricsKeys.all, 'restatements'] as const,
  shops: () => [...metricsKeys.all, 'shops'] as const,
  teams: () => [...metricsKeys.all, 'teams'] as const,
};

export const useMetrics = (filters: MetricsFilters) =>
  useQuery({
    queryKey: metricsKeys.report(filters),
    queryFn: () => getMetrics(filters),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

const noQuery: ExplainQuery = { metric: '', agent: '', from: '', to: '' };

export const useExplain = (query: ExplainQuery | null) =>
  useQuery({
    queryKey: metricsKeys.explain(query ?? noQuery),
    queryFn: () => explainMetric(query ?? noQuery),
    enabled: query !== null,
  });

export const useRestatements = () =>
  useQuery({
    queryKey: metricsKeys.restatements(),
    queryFn: async () => (await listRestatements({})).restatements,
  });

export const useMetricsShops = (enabled: boolean) =>
  useQuery({
    queryKey: metricsKeys.shops(),
    queryFn: async () => (await listShops()).shops,
    enabled,
    staleTime: 300_000,
  });

export const useMetricsTeams = (enabled: boolean) =>
  useQuery({
    queryKey: metricsKeys.teams(),
    queryFn: async () => (await listTeams()).teams,
    enabled,
    staleTime: 300_000,
  });

/** A credit ruling changes sales and conversions: every metric is read again. */
export const useRuleCredit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ruleCredit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: metricsKeys.all }),
  });
};
