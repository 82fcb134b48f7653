import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateExamInput,
  confirmGrade,
  createExam,
  createPaper,
  getAttemptReport,
  getExamAnalysis,
  getExamResults,
  getPaper,
  listExams,
  listGradingQueue,
  listPapers,
  type PaperSpec,
  previewPaper,
  regradeQuestion,
  type UpdateExamInput,
  updateExam,
  updatePaper,
  updateQuestion,
} from '../../api/exams-admin.api.js';
import type { Question } from '../../api/questions.api.js';
import { examsKeys } from './queries.js';

// TanStack Query hooks of the manager's side of 考试: 试卷, 考试安排, results and 阅卷.
export const manageKeys = {
  papers: () => [...examsKeys.all, 'manage', 'papers'] as const,
  paper: (id: string) => [...manageKeys.papers(), id] as const,
  preview: (spec: PaperSpec) => [...examsKeys.all, 'manage', 'preview', spec] as const,
  exams: () => [...examsKeys.all, 'manage', 'exams'] as const,
  results: (examId: string) => [...manageKeys.exams(), examId, 'results'] as const,
  analysis: (examId: string) => [...manageKeys.exams(), examId, 'analysis'] as const,
  report: (attemptId: string) => [...examsKeys.all, 'manage', 'report', attemptId] as const,
  grading: () => [...examsKeys.all, 'manage', 'grading'] as const,
};

export const usePaperList = () =>
  useQuery({ queryKey: manageKeys.papers(), queryFn: async () => (await listPapers()).papers });

export const usePaper = (id: string | null) =>
  useQuery({ queryKey: manageKeys.paper(id ?? ''), queryFn: () => getPaper(id ?? ''), enabled: !!id });

/** One draw of the spec being composed; the last preview stays while the next one loads. */
export const usePaperPreview = (spec: PaperSpec | null) =>
  useQuery({
    queryKey: manageKeys.preview(spec ?? ({} as PaperSpec)),
    queryFn: () => previewPaper(spec as PaperSpec),
    enabled: spec !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useSavePaper = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, spec }: { id: string | null; spec: PaperSpec }) =>
      id ? updatePaper(id, spec) : createPaper(spec),
    onSuccess: () => client.invalidateQueries({ queryKey: manageKeys.papers() }),
  });
};

export const useExamList = () =>
  useQuery({ queryKey: manageKeys.exams(), queryFn: async () => (await listExams()).exams });

export const useCreateExam = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateExamInput) => createExam(input),
    onSuccess: () => client.invalidateQueries({ queryKey: manageKeys.exams() }),
  });
};

export const useUpdateExam = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ examId, input }: { examId: string; input: UpdateExamInput }) => updateExam(examId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: manageKeys.exams() }),
  });
};

// Results move while candidates sit the exam: refresh them every half minute on screen.
export const useExamResults = (examId: string) =>
  useQuery({
    queryKey: manageKeys.results(examId),
    queryFn: () => getExamResults(examId),
    refetchInterval: 30_000,
  });

export const useExamAnalysis = (examId: string) =>
  useQuery({ queryKey: manageKeys.analysis(examId), queryFn: () => getExamAnalysis(examId) });

export const useAttemptReport = (attemptId: string | null) =>
  useQuery({
    queryKey: manageKeys.report(attemptId ?? ''),
    queryFn: () => getAttemptReport(attemptId ?? ''),
    enabled: attemptId !== null,
  });

/**
 * 更正答案并重新判分: saves the corrected question (when it changed) as its next version, then
 * regrades the exam's attempts of it against that version.
 */
export const useCorrectAndRegrade = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      questionId,
      corrected,
      examId,
    }: {
      questionId: string;
      corrected: Question | null;
      examId: string;
    }) => {
      if (corrected) await updateQuestion(corrected);
      return regradeQuestion(questionId, examId);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: examsKeys.all }),
  });
};

export const useGradingQueue = () =>
  useQuery({ queryKey: manageKeys.grading(), queryFn: async () => (await listGradingQueue()).items });

export const useConfirmGrade = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      attemptId,
      key,
      score,
      feedback,
    }: {
      attemptId: string;
      key: string;
      score: number;
      feedback?: string;
    }) => confirmGrade(attemptId, key, feedback ? { score, feedback } : { score }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...examsKeys.all, 'manage'] }),
  });
};
