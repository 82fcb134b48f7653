import type { ParsedQuestion } from '../../domain/importer/index.js';
import type { Issue } from '../../domain/shared/index.js';

/**
 * Writes single-choice questions in Aiken format (Moodle): stem, `A. option` lines, `ANSWER: B`.
 * Aiken holds nothing else, so other questions are left out and reported by their index.
 */
export const writeAiken = (questions: ParsedQuestion[]): { text: string; issues: Issue[] } => {
  const blocks: string[] = [];
  const issues: Issue[] = [];
  questions.forEach((question, index) => {
    const answer = Array.isArray(question.answer) ? question.answer : [];
    if (question.type !== 'single' || answer.length !== 1 || question.options.length < 2) {
      issues.push({
        code: 'papers.aiken_unsupported',
        message: `第 ${index + 1} 题不是有答案的单选题,Aiken 格式无法表示,已略过: ${question.stem}`,
        severity: 'warning',
        at: { line: question.lines[0] },
      });
      return;
    }
    const stem = question.stem.replace(/\s*\n\s*/g, ' ');
    const options = question.options.map(
      (option, at) => `${String.fromCharCode(65 + at)}. ${option.replace(/\s*\n\s*/g, ' ')}`,
    );
    blocks.push([stem, ...options, `ANSWER: ${answer[0]}`].join('\n'));
  });
  return { text: blocks.length ? `${blocks.join('\n\n')}\n` : '', issues };
};

/** Reads Aiken text: each question ends at its `ANSWER:` line; anything else is reported by line. */
export const readAiken = (text: string): { questions: ParsedQuestion[]; issues: Issue[] } => {
  const questions: ParsedQuestion[] = [];
  const issues: Issue[] = [];
  let stem: string[] = [];
  let options: string[] = [];
  let first = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '') return;
    if (first === 0) first = line;
    const option = /^([A-Z])[.)]\s*(.*)$/.exec(content);
    const answer = /^ANSWER:\s*([A-Z])\s*$/i.exec(content);
    if (answer) {
      const letter = (answer[1] ?? '').toUpperCase();
      const outOfRange = letter.charCodeAt(0) - 65 >= options.length;
      const flags: ParsedQuestion['flags'] = outOfRange ? ['answer_out_of_range'] : [];
      if (options.length < 2) flags.push('odd_option_count');
      questions.push({
        type: 'single',
        stem: stem.join(' '),
        options,
        answer: [letter],
        flags,
        lines: [first, line],
      });
      stem = [];
      options = [];
      first = 0;
    } else if (option && String.fromCharCode(65 + options.length) === option[1] && stem.length > 0) {
      options.push((option[2] ?? '').trim());
    } else if (options.length === 0) {
      stem.push(content);
    } else {
      issues.push({
        code: 'papers.aiken_unread',
        message: `第 ${line} 行不是 Aiken 格式: ${content}`,
        severity: 'warning',
        at: { line },
      });
    }
  });
  if (stem.length > 0 || options.length > 0) {
    issues.push({
      code: 'papers.aiken_no_answer',
      message: `第 ${first} 行开始的题目没有 ANSWER: 行,已略过`,
      severity: 'warning',
      at: { line: first },
    });
  }
  return { questions, issues };
};
