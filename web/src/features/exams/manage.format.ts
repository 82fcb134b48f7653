import type { CandidateAnswer } from '../../api/exams.api.js';
import type { Question } from '../../api/questions.api.js';
import { t } from '../../i18n/i18n.js';
import { letter } from './exams.labels.js';

// How the manager's pages print rates, answers and keys.

/** 0.8333 → "83.3%"; null → "—". */
export const percent = (ratio: number | null): string =>
  ratio === null ? '—' : `${Math.round(ratio * 1000) / 10}%`;

/** A statistic to one decimal, or — when there is not enough data for it. */
export const decimal = (value: number | null, digits = 1): string =>
  value === null ? '—' : value.toFixed(digits);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A candidate's answer as text, read against the question (choice indexes in the bank's order
 * become letters); a blank answer is 未作答.
 */
export const answerText = (question: Question | null, answer: CandidateAnswer | undefined): string => {
  if (answer === null || answer === undefined || answer === '') return t('exams.report.blank');
  if (typeof answer === 'boolean') return answer ? t('exams.detail.true') : t('exams.detail.false');
  if (typeof answer === 'string') return answer;
  if (Array.isArray(answer)) {
    if (answer.length === 0) return t('exams.report.blank');
    if (answer.every((item) => typeof item === 'number'))
      return (answer as number[])
        .slice()
        .sort((a, b) => a - b)
        .map(letter)
        .join('');
    return answer.map((blank) => String(blank || '＿')).join('；');
  }
  if (isRecord(answer) && question?.type === 'case')
    return question.subQuestions
      .map((sub, index) => `(${index + 1}) ${answerText(sub, answer[String(index)])}`)
      .join('  ');
  return JSON.stringify(answer);
};

/** The key of a question as text: letters, √/×, the blanks' accepted answers, or the reference. */
export const keyText = (question: Question): string => {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.answer.map(letter).join('');
    case 'true_false':
      return question.answer ? t('exams.detail.true') : t('exams.detail.false');
    case 'fill_blank':
      return question.answer.map((accepted) => accepted.join(' / ')).join('；');
    case 'short_answer':
    case 'scenario':
      return question.reference;
    case 'case':
      return question.subQuestions.map((sub, index) => `(${index + 1}) ${keyText(sub)}`).join('  ');
  }
};
