import type { Question } from '../exam/exam.types.js';
import type { ParsedQuestion, ParsedQuestionType, QuestionFlag } from './importer.types.js';

/** Points given to a question whose paper states none; a setting, shown in the import preview. */
export type DefaultPoints = Record<ParsedQuestionType, number>;

export const defaultPointsByType: DefaultPoints = {
  single: 2,
  true_false: 2,
  multiple: 3,
  fill_blank: 3,
  short_answer: 4,
};

/** A question record for the import preview, with what the reviewer must still check. */
export type ImportedQuestion = { question: Question; flags: QuestionFlag[]; lines: [number, number] };

const letterIndexes = (letters: string[], optionCount: number): number[] =>
  letters.map((letter) => letter.charCodeAt(0) - 65).filter((index) => index >= 0 && index < optionCount);

/**
 * Turns parsed questions into `Question` records of the exam model (letters → zero-based option
 * indexes, blanks → lists of accepted alternatives split on `/`). A missing answer stays visibly
 * empty (`[]`, `''`, or `false` for true/false) and the `no_answer` flag travels with the record.
 */
export const toQuestions = ({
  parsed,
  idPrefix,
  points = defaultPointsByType,
}: {
  parsed: ParsedQuestion[];
  idPrefix: string;
  points?: DefaultPoints;
}): ImportedQuestion[] =>
  parsed.map((item, index) => {
    const base = {
      id: `${idPrefix}-${index + 1}`,
      stem: item.stem,
      points: item.points ?? points[item.type],
      difficulty: 3 as const,
      tags: { rules: [], platforms: [], topics: [] },
      explanation: item.explanation ?? '',
    };
    const answer = item.answer;
    const question: Question =
      item.type === 'single' || item.type === 'multiple'
        ? {
            ...base,
            type: item.type,
            options: item.options,
            answer: Array.isArray(answer) ? letterIndexes(answer, item.options.length) : [],
          }
        : item.type === 'true_false'
          ? { ...base, type: 'true_false', answer: answer === true }
          : item.type === 'fill_blank'
            ? {
                ...base,
                type: 'fill_blank',
                answer: Array.isArray(answer)
                  ? answer.map((blank) => blank.split('/').map((alt) => alt.trim()))
                  : [],
              }
            : {
                ...base,
                type: 'short_answer',
                reference: typeof answer === 'string' ? answer : '',
                rubric: [],
              };
    return { question, flags: item.flags, lines: item.lines };
  });
