export * from './exam.types.js';
export {
  blankMarkerPattern,
  countBlanks,
  type ValidateQuestionOptions,
  validateQuestion,
} from './exam.validation.js';
