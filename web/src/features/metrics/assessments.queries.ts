import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AssessmentsQuery, getAssessments } from '../../api/metrics.api.js';
import { metricsKeys } from './queries.js';

/** 平台考核 of one shop; under the metrics keys, so an import or a credit ruling refreshes it. */
export const useAssessments = (query: AssessmentsQuery | null) =>
  useQuery({
    queryKey: [...metricsKeys.all, 'assessments', query] as const,
    queryFn: () => getAssessments(query as AssessmentsQuery),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
