import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addExample,
  type ExampleInput,
  type ExamplesQuery,
  listExamples,
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

/** Adds a labelled reply, or with `id` relabels it; the list refreshes. */
export const useSaveExample = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | undefined; input: ExampleInput }) =>
      id === undefined ? addExample(input) : updateExample(id, input),
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
