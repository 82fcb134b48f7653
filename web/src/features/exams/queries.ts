import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getQuestion,
  importQuestions,
  listQuestions,
  type Question,
  type QuestionFilters,
} from '../../api/questions.api.js';

export const examsKeys = {
  all: ['exams'] as const,
  questions: () => [...examsKeys.all, 'questions'] as const,
  list: (filters: QuestionFilters, page: number, pageSize: number) =>
    [...examsKeys.questions(), 'list', filters, page, pageSize] as const,
  detail: (id: string) => [...examsKeys.questions(), 'detail', id] as const,
};

/** One page of the bank; the previous page stays on screen while the next loads. */
export const useQuestionList = (filters: QuestionFilters, page: number, pageSize: number) =>
  useQuery({
    queryKey: examsKeys.list(filters, page, pageSize),
    queryFn: () => listQuestions(filters, { limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });

/** A question with its answer key (each load is audited on the server, so it is cached). */
export const useQuestion = (id: string | null) =>
  useQuery({
    queryKey: examsKeys.detail(id ?? ''),
    queryFn: () => getQuestion(id ?? ''),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });

export const useImportQuestions = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (questions: Question[]) => importQuestions(questions),
    onSuccess: () => client.invalidateQueries({ queryKey: examsKeys.questions() }),
  });
};
