import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.js';
import {
  type AttemptView,
  type CandidateAnswer,
  getAttempt,
  listMyExams,
  listWrongQuestions,
  practiseWrongQuestion,
  startAttempt,
  submitAttempt,
} from '../../api/exams.api.js';
import { readServerClock, type ServerClock } from './attempt.clock.js';

export const candidateKeys = {
  all: ['exams', 'candidate'] as const,
  myExams: () => [...candidateKeys.all, 'my-exams'] as const,
  attempt: (id: string) => [...candidateKeys.all, 'attempt', id] as const,
  wrong: () => [...candidateKeys.all, 'wrong'] as const,
};

/** An attempt with the server clock read from the same response (see attempt.clock.ts). */
export type LoadedAttempt = { view: AttemptView; clock: ServerClock };

const timed = async (call: () => Promise<AttemptView>): Promise<LoadedAttempt> => {
  const sent = performance.now();
  const view = await call();
  return { view, clock: readServerClock(view.serverNow, sent, performance.now()) };
};

export const useMyExams = () => useQuery({ queryKey: candidateKeys.myExams(), queryFn: listMyExams });

export const useAttempt = (attemptId: string) =>
  useQuery({
    queryKey: candidateKeys.attempt(attemptId),
    queryFn: () => timed(() => getAttempt(attemptId)),
    // The page reloads the attempt itself when it must (time up, another window); a background
    // refetch would only reset the clock reading.
    staleTime: Number.POSITIVE_INFINITY,
  });

/** 开始考试 (or rejoin the active attempt); the attempt page reads the answer from the cache. */
export const useStartAttempt = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (examId: string) => timed(() => startAttempt(examId)),
    onSuccess: (loaded) => {
      client.setQueryData(candidateKeys.attempt(loaded.view.id), loaded);
      void client.invalidateQueries({ queryKey: candidateKeys.myExams() });
    },
  });
};

/** 交卷: idempotent on the server, so a retry after a lost answer is harmless. */
export const useSubmitAttempt = (attemptId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => timed(() => submitAttempt(attemptId)),
    retry: (count, error) => count < 3 && isApiError(error) && (error.status === 0 || error.status >= 500),
    onSuccess: (loaded) => {
      client.setQueryData(candidateKeys.attempt(attemptId), loaded);
      void client.invalidateQueries({ queryKey: candidateKeys.myExams() });
      void client.invalidateQueries({ queryKey: candidateKeys.wrong() });
    },
  });
};

export const useWrongQuestions = () =>
  useQuery({ queryKey: candidateKeys.wrong(), queryFn: listWrongQuestions });

export const usePractice = () =>
  useMutation({
    mutationFn: ({ questionId, answer }: { questionId: string; answer: CandidateAnswer }) =>
      practiseWrongQuestion(questionId, answer),
  });
