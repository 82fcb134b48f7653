import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addExample,
  type ExampleInput,
  evaluateExamples,
  type ExamplesQuery,
  listExamples,
  listLabellingRules,
  type NewExampleInput,
  removeExample,
  updateExample,
} from '../../../api/inspection.api.js';
import { inspectionKeys } from '../queries.js';

const examplesKey = [...inspectionKeys.all, 'examples'] as const;

/** One page of 标注样本; the previous page stays on screen while the next loads. */
export const useExamples = (query: ExamplesQuery) =>
  useQuery({
    queryKey: [...examplesKey, query],
    queryFn: () => listExamples(query),
    placeholderData: keepPreviousData,
  });

/** The rules a label may name: the built-in message rules, and with a shop its own rules too. */
export const useLabellingRules = (shopId: string | undefined, enabled = true) =>
  useQuery({
    enabled,
    // Under the examples key, so saving shop settings elsewhere and coming back refetches when stale.
    queryKey: [...examplesKey, 'rules', shopId ?? null],
    queryFn: async () => (await listLabellingRules(shopId)).rules,
    staleTime: 60_000,
  });

/** 样本评测 of the shop (or of the built-in library); under the examples key, so edits rescore it. */
export const useExamplesEvaluation = (shopId: string | undefined) =>
  useQuery({
    queryKey: [...examplesKey, 'evaluation', shopId ?? null],
    queryFn: () => evaluateExamples(shopId),
    placeholderData: keepPreviousData,
  });

/** Adds a labelled reply, or with `id` relabels it (where it came from stays); the list refreshes. */
export const useSaveExample = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | undefined; input: NewExampleInput }) => {
      if (id === undefined) return addExample(input);
      const { source: _source, ...changes }: NewExampleInput = input;
      return updateExample(id, changes satisfies ExampleInput);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: examplesKey }),
  });
};

export const useRemoveExample = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: removeExample,
    onSuccess: () => client.invalidateQueries({ queryKey: examplesKey }),
  });
};
