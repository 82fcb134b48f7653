export type { FindingStatus, ReviewAction } from './inspection.review.js';
export {
  allowedFrom,
  countsAsDeduction,
  findingStatuses,
  isFindingStatus,
  nextStatus,
} from './inspection.review.js';
export { drawSample, seedOf } from './inspection.sampling.js';
export type { ScoreSheetItem } from './inspection.scores.js';
export { fullScore, qaScore, scoreSample, validateSheetItems } from './inspection.scores.js';
