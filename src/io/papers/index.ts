export { readAiken, writeAiken } from './papers.aiken.js';
export { readDocx } from './papers.docx.js';
export { readGift, writeGift } from './papers.gift.js';
export {
  formatOf,
  type PaperFormat,
  paperFormats,
  type ReadPaper,
  readPaperBytes,
  readPaperFile,
} from './papers.read.js';
export { answerCell, readAnswerCell, templateColumns, typeNames } from './papers.template.js';
export { decodePaperText, type TextEncodingName } from './papers.text.js';
export { readQuestionsXlsx, writeQuestionsXlsx } from './papers.xlsx.js';
