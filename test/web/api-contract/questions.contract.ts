import type { parsePreview } from '../../../src/app/questions/index.js';
import type { Question as BankQuestion } from '../../../src/domain/exam/index.js';
import type {
  importBody,
  importResponse,
  listQuery,
  listResponse,
  parseBody,
  parseResponse,
  questionResponse,
  questionSchema,
} from '../../../src/server/questions/questions.schemas.js';
import type {
  importQuestions,
  listQuestions,
  ParsePreview,
  parsePaperFile,
  parsePaperText,
  Question,
  QuestionDetail,
  QuestionFilters,
} from '../../../web/src/api/questions.api.js';
import type {
  Accepted,
  Assert,
  Equal,
  Fits,
  Json,
  Mutual,
  ReadAs,
  Result,
  Returned,
  Sent,
} from './contract.js';

// 题库 and 导入试题 (web/src/api/questions.api.ts ↔ src/server/questions/questions.routes.ts).
// questionSchema is a loose object (validateQuestion checks the content in the use-case), so a
// question is held against the exam model's Question, which the store returns: what the server
// sends must fit the web type, and what the web sends must pass the schema. The web's Question is
// wider than the model's (difficulty a number, platforms text, a case inside a case) because the
// editors build it field by field and the server's validateQuestion names what is wrong.
export type QuestionsContract = [
  Fits<Json<BankQuestion>, Question>,
  Fits<Question, Accepted<typeof questionSchema>>,
  Mutual<Returned<typeof listQuestions>, Sent<typeof listResponse>>,
  Assert<Equal<Returned<typeof listQuestions>, Sent<typeof listResponse>>>,
  Fits<QuestionFilters & { limit: string; offset: string }, Accepted<typeof listQuery>>,
  Mutual<QuestionDetail, ReadAs<Sent<typeof questionResponse>, QuestionDetail>>,
  Assert<Equal<QuestionDetail, ReadAs<Sent<typeof questionResponse>, QuestionDetail>>>,
  Fits<{ text: string }, Accepted<typeof parseBody>>,
  Fits<{ filename: string; contentBase64: string }, Accepted<typeof parseBody>>,
  Mutual<Returned<typeof parsePaperText>, Returned<typeof parsePaperFile>>,
  // The parse preview's schema declares flags as text and questions as loose objects, read as the
  // web reads them; the use-case's value, which is what is sent, must fit the web type too (the
  // web's format is any text).
  Mutual<ParsePreview, ReadAs<Sent<typeof parseResponse>, ParsePreview>>,
  Assert<Equal<ParsePreview, ReadAs<Sent<typeof parseResponse>, ParsePreview>>>,
  Fits<Result<typeof parsePreview>, ParsePreview>,
  Fits<{ questions: Question[] }, Accepted<typeof importBody>>,
  Mutual<Returned<typeof importQuestions>, Sent<typeof importResponse>>,
];
