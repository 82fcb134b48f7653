import type {
  attemptViewResponse,
  eventBody,
  myExamsResponse,
  practiceBody,
  practiceResponse,
  saveAnswerBody,
  savedAnswerResponse,
  wrongQuestionsResponse,
} from '../../../src/server/exams/exams.schemas.js';
import type {
  AttemptEventKind,
  AttemptView,
  CandidateAnswer,
  MyExam,
  PracticeResult,
  SaveAnswerInput,
  SavedAnswerAck,
  WrongQuestion,
} from '../../../web/src/api/exams.api.js';
import type { Accepted, Assert, Equal, Fits, Mutual, ReadAs, Sent } from './contract.js';

// 我的考试, the candidate's side (web/src/api/exams.api.ts ↔ src/server/exams/exams.routes.ts).
export type ExamsContract = [
  Mutual<{ exams: MyExam[] }, Sent<typeof myExamsResponse>>,
  Assert<Equal<{ exams: MyExam[] }, Sent<typeof myExamsResponse>>>,
  // The response leaves a stored answer open (saveAnswerBody checked it when it was saved); the
  // web reads it as a CandidateAnswer.
  Mutual<AttemptView, ReadAs<Sent<typeof attemptViewResponse>, AttemptView>>,
  Assert<Equal<AttemptView, ReadAs<Sent<typeof attemptViewResponse>, AttemptView>>>,
  Mutual<SavedAnswerAck, Sent<typeof savedAnswerResponse>>,
  Assert<Equal<SavedAnswerAck, Sent<typeof savedAnswerResponse>>>,
  Fits<SaveAnswerInput, Accepted<typeof saveAnswerBody>>,
  Fits<{ kind: AttemptEventKind }, Accepted<typeof eventBody>>,
  Mutual<{ items: WrongQuestion[] }, Sent<typeof wrongQuestionsResponse>>,
  Assert<Equal<{ items: WrongQuestion[] }, Sent<typeof wrongQuestionsResponse>>>,
  Fits<{ answer: CandidateAnswer }, Accepted<typeof practiceBody>>,
  Mutual<PracticeResult, Sent<typeof practiceResponse>>,
  Assert<Equal<PracticeResult, Sent<typeof practiceResponse>>>,
];
