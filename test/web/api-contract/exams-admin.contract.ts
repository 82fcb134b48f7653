import type {
  analysisResponse,
  gradingResponse,
  regradeResponse,
  reportResponse,
  resultsResponse,
} from '../../../src/server/exams/exams.manage.schemas.js';
import type {
  createExamBody,
  examSummarySchema,
  examsResponse,
  gradeBody,
  paperResponse,
  paperSpecSchema,
  papersResponse,
  previewResponse,
  regradeBody,
  updateExamBody,
} from '../../../src/server/exams/exams.schemas.js';
import type {
  AttemptReport,
  CreateExamInput,
  confirmGrade,
  ExamAnalysis,
  ExamResults,
  ExamSummary,
  GradingItem,
  Paper,
  PaperPreview,
  PaperSpec,
  PaperSummary,
  regradeQuestion,
  UpdateExamInput,
} from '../../../web/src/api/exams-admin.api.js';
import type { Accepted, Assert, Equal, Fits, Mutual, ReadAs, Returned, Sent } from './contract.js';

type Report = Sent<typeof reportResponse>;

// 试卷, 考试安排, 试题分析, 阅卷: the manager's side
// (web/src/api/exams-admin.api.ts ↔ src/server/exams/exams.manage.routes.ts).
export type ExamsAdminContract = [
  Mutual<{ papers: PaperSummary[] }, Sent<typeof papersResponse>>,
  Assert<Equal<{ papers: PaperSummary[] }, Sent<typeof papersResponse>>>,
  Mutual<Paper, Sent<typeof paperResponse>>,
  Assert<Equal<Paper, Sent<typeof paperResponse>>>,
  Fits<PaperSpec, Accepted<typeof paperSpecSchema>>,
  Mutual<PaperPreview, Sent<typeof previewResponse>>,
  Assert<Equal<PaperPreview, Sent<typeof previewResponse>>>,
  Mutual<ExamSummary, Sent<typeof examSummarySchema>>,
  Assert<Equal<ExamSummary, Sent<typeof examSummarySchema>>>,
  Mutual<{ exams: ExamSummary[] }, Sent<typeof examsResponse>>,
  Fits<CreateExamInput, Accepted<typeof createExamBody>>,
  Fits<UpdateExamInput, Accepted<typeof updateExamBody>>,
  Mutual<ExamResults, Sent<typeof resultsResponse>>,
  Assert<Equal<ExamResults, Sent<typeof resultsResponse>>>,
  Mutual<ExamAnalysis, Sent<typeof analysisResponse>>,
  Assert<Equal<ExamAnalysis, Sent<typeof analysisResponse>>>,
  // The report leaves the stored answer and the question open (see questions.contract.ts) and
  // types an event's kind as text, which the web reads as AttemptEventKind.
  Mutual<AttemptReport, ReadAs<Report, AttemptReport>>,
  Assert<Equal<AttemptReport, ReadAs<Report, AttemptReport>>>,
  Mutual<Returned<typeof regradeQuestion>, Sent<typeof regradeResponse>>,
  Fits<{ examId: string } | Record<string, never>, Accepted<typeof regradeBody>>,
  // An answer waiting for a grader is left open by the response; the web reads it as a CandidateAnswer.
  Mutual<{ items: GradingItem[] }, ReadAs<Sent<typeof gradingResponse>, { items: GradingItem[] }>>,
  Assert<Equal<{ items: GradingItem[] }, ReadAs<Sent<typeof gradingResponse>, { items: GradingItem[] }>>>,
  Fits<Parameters<typeof confirmGrade>[2], Accepted<typeof gradeBody>>,
];
