import type { ParsedAnswer, ParsedQuestion, ParsedQuestionType } from '../../domain/importer/index.js';

/** Columns of the question template (.xlsx) in order; the header row uses these zh-CN names. */
export const templateColumns = {
  type: '题型',
  stem: '题干',
  options: ['选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '选项G', '选项H'],
  answer: '答案',
  points: '分值',
  explanation: '解析',
} as const;

/** Type names written in the 题型 column; the first of each is what export writes. */
export const typeNames: Record<ParsedQuestionType, string[]> = {
  single: ['单选题', '单选', 'single'],
  multiple: ['多选题', '多选', '不定项选择题', '不定项', 'multiple'],
  true_false: ['判断题', '判断', 'true_false'],
  fill_blank: ['填空题', '填空', 'fill_blank'],
  short_answer: ['问答题', '简答题', '问答', '简答', 'short_answer'],
};

export const readTypeName = (name: string): ParsedQuestionType | null => {
  const key = name.trim().toLowerCase();
  const found = Object.entries(typeNames).find(([, names]) => names.includes(key));
  return found ? (found[0] as ParsedQuestionType) : null;
};

/** Writes an answer as one cell: `AD`, `对`/`错`, blanks joined by ` | `, free text. */
export const answerCell = (answer: ParsedAnswer): string => {
  if (answer === null) return '';
  if (typeof answer === 'boolean') return answer ? '对' : '错';
  if (typeof answer === 'string') return answer;
  return answer.every((part) => /^[A-H]$/.test(part)) ? answer.join('') : answer.join(' | ');
};

const trueWords = ['对', '√', '正确', 'T', 'TRUE', '是'];
const falseWords = ['错', '×', 'X', '错误', 'F', 'FALSE', '否'];

/** Reads an answer cell for a question type; null when the cell is empty or unreadable. */
export const readAnswerCell = (type: ParsedQuestionType, cell: string): ParsedAnswer => {
  const text = cell.trim();
  if (text === '') return null;
  if (type === 'single' || type === 'multiple') {
    const letters = text.toUpperCase().replace(/[\s,、;，]/g, '');
    return /^[A-H]+$/.test(letters) ? [...new Set(letters.split(''))].sort() : null;
  }
  if (type === 'true_false') {
    if (trueWords.includes(text.toUpperCase())) return true;
    return falseWords.includes(text.toUpperCase()) ? false : null;
  }
  if (type === 'fill_blank') return text.split(/\s*[|｜]\s*/).filter((part) => part !== '');
  return text;
};

/** The question a template row describes, with the flags the reviewer needs. */
export const rowQuestion = (
  fields: {
    type: ParsedQuestionType;
    stem: string;
    options: string[];
    answer: string;
    points?: number;
    explanation: string;
  },
  row: number,
): ParsedQuestion => {
  const answer = readAnswerCell(fields.type, fields.answer);
  const choice = fields.type === 'single' || fields.type === 'multiple';
  const flags: ParsedQuestion['flags'] = [];
  if (answer === null) flags.push('no_answer');
  if (choice && fields.options.length < 2) flags.push('odd_option_count');
  if (
    choice &&
    Array.isArray(answer) &&
    answer.some((letter) => letter.charCodeAt(0) - 65 >= fields.options.length)
  ) {
    flags.push('answer_out_of_range');
  }
  return {
    type: fields.type,
    stem: fields.stem,
    options: choice ? fields.options : [],
    answer,
    ...(fields.points !== undefined ? { points: fields.points } : {}),
    ...(fields.explanation ? { explanation: fields.explanation } : {}),
    flags,
    lines: [row, row],
  };
};
