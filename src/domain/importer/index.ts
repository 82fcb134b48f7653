export { defaultImportConventions, type ImportConventions } from './importer.conventions.js';
export {
  type DefaultPoints,
  defaultPointsByType,
  type ImportedQuestion,
  toQuestions,
} from './importer.mapping.js';
export { parsePaper, splitPaperText } from './importer.parse.js';
export type {
  LineUse,
  PaperParagraph,
  ParsedAnswer,
  ParsedPaper,
  ParsedQuestion,
  ParsedQuestionType,
  ParsePaperResult,
  QuestionFlag,
  RunStyle,
  StyledSpan,
} from './importer.types.js';
