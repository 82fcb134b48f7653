import type { CandidateAnswer, CandidateQuestion, LeafAnswer } from '../../api/exams.api.js';

/** How far a question is answered: the navigator marks `complete`, 交卷 lists the rest. */
export type AnswerState = 'empty' | 'partial' | 'complete';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const leafState = (question: CandidateQuestion, answer: unknown): AnswerState => {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return Array.isArray(answer) && answer.length > 0 ? 'complete' : 'empty';
    case 'true_false':
      return typeof answer === 'boolean' ? 'complete' : 'empty';
    case 'fill_blank': {
      const blanks = question.blanks ?? 1;
      const filled = Array.isArray(answer)
        ? answer.filter((blank) => typeof blank === 'string' && blank.trim() !== '').length
        : 0;
      if (filled === 0) return 'empty';
      return filled >= blanks ? 'complete' : 'partial';
    }
    case 'short_answer':
    case 'scenario':
      return typeof answer === 'string' && answer.trim() !== '' ? 'complete' : 'empty';
    case 'case': {
      const subs = question.subQuestions ?? [];
      const states = subs.map((sub, index) =>
        leafState(sub, isRecord(answer) ? answer[String(index)] : null),
      );
      if (states.every((state) => state === 'empty')) return 'empty';
      return states.every((state) => state === 'complete') ? 'complete' : 'partial';
    }
  }
};

export const answerState = (question: CandidateQuestion, answer: CandidateAnswer | undefined): AnswerState =>
  leafState(question, answer ?? null);

/** Text answers are saved after a pause in typing; a click on an option is saved at once. */
export const isTyped = (question: CandidateQuestion): boolean =>
  question.type === 'fill_blank' ||
  question.type === 'short_answer' ||
  question.type === 'scenario' ||
  question.type === 'case';

/** A case question's answer with sub-question `index` replaced. */
export const withSubAnswer = (answer: CandidateAnswer | undefined, index: number, sub: LeafAnswer) => ({
  ...(isRecord(answer) ? (answer as Record<string, LeafAnswer>) : {}),
  [String(index)]: sub,
});

export const subAnswerOf = (answer: CandidateAnswer | undefined, index: number): LeafAnswer =>
  isRecord(answer) ? ((answer as Record<string, LeafAnswer>)[String(index)] ?? null) : null;
