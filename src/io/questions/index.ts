export {
  builtInPapersDirectory,
  builtInQuestionsDirectory,
  loadPaperDefinitions,
  loadQuestionBank,
  type PaperDefinition,
  type PaperDraw,
  type PaperSection,
} from './questions.loader.js';
