export * from './exam.types.js';
export {
  blankMarkerPattern,
  countBlanks,
  type ValidateQuestionOptions,
  validateQuestion,
} from './exam.validation.js';
export {
  type BankEntry,
  composePaper,
  type PaperIssue,
  type PaperQuestion,
  type PaperSection,
  type PaperSpec,
  paperTotal,
  type ReleasePolicy,
  seededRandom,
  shuffled,
  validatePaperSpec,
} from './exam.paper.js';
export {
  type CandidateAnswer,
  type Grade,
  type GradeOptions,
  gradeAnswer,
  gradeAttempt,
  isPassed,
  normalizeAnswerText,
} from './exam.grading.js';
export {
  type AnalysedAttempt,
  analyseItems,
  type ItemAnalysis,
  type ItemFlag,
  type ItemsReport,
  scoreDistribution,
} from './exam.analysis.js';
export { type CandidateQuestion, candidateQuestion, releaseOf } from './exam.candidate.js';
