import type { Issue } from '../shared/index.js';

/** The question types the importer can recognise (case and scenario questions are built by hand). */
export type ParsedQuestionType = 'single' | 'multiple' | 'true_false' | 'fill_blank' | 'short_answer';

/**
 * What the reviewer should check. `no_answer`: nothing marked the answer. `type_guessed`: no header
 * named the type and the evidence was weak. `odd_option_count`: fewer than 2 options, or a count
 * unlike the rest of the section. `duplicate`: the same stem and options appeared earlier.
 * `answer_out_of_range`: an answer letter has no option. `options_unlettered`: options were lines
 * without letters. `answer_conflict`: an answer key disagrees with the answer in the question.
 */
export type QuestionFlag =
  | 'no_answer'
  | 'type_guessed'
  | 'odd_option_count'
  | 'duplicate'
  | 'answer_out_of_range'
  | 'options_unlettered'
  | 'answer_conflict';

/** Letters (`["A","D"]`) for choices, a boolean for true/false, one entry per blank, free text. */
export type ParsedAnswer = string[] | boolean | string | null;

export type ParsedQuestion = {
  type: ParsedQuestionType;
  stem: string;
  /** Option texts without their letters. */
  options: string[];
  answer: ParsedAnswer;
  points?: number;
  /** Title of the section header the question sits under, e.g. `一、单选题(每题2分,共30分)`. */
  section?: string;
  /** Reference explanation (解析) when the paper gives one. */
  explanation?: string;
  /** The number the paper gave the question (numbers restart per section). */
  number?: number;
  flags: QuestionFlag[];
  /** First and last input line (1-based) the question was read from. */
  lines: [number, number];
  /** A task of a case (案例分析): the shared material and the lines it was read from. */
  case?: { id: number; material: string; lines: [number, number] };
};

/** Formatting of a stretch of a paragraph; Word papers mark answers this way. */
export type RunStyle = { red?: boolean; bold?: boolean; underline?: boolean; highlight?: boolean };
export type StyledSpan = RunStyle & { start: number; end: number };

/** One input line (a paragraph of a .docx, a line of a .txt, a row of a sheet). */
export type PaperParagraph = { line: number; text: string; spans?: StyledSpan[] };

/** How each input line was used, so that no text is ever silently dropped. */
export type LineUse = 'question' | 'section' | 'answer_key' | 'furniture' | 'blank' | 'unread';

export type ParsedPaper = {
  questions: ParsedQuestion[];
  /** One entry per input line, in input order. */
  lineUses: { line: number; use: LineUse }[];
};

export type ParsePaperResult = { result: ParsedPaper; issues: Issue[] };
