import type { ParsedQuestion } from '../../domain/importer/index.js';
import type { Issue } from '../../domain/shared/index.js';

const escapeGift = (text: string): string =>
  text.replace(/[~=#{}:\\]/g, (char) => `\\${char}`).replace(/\s*\n\s*/g, ' ');
const unescapeGift = (text: string): string =>
  text.replace(/\\([~=#{}:\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));

const blankMarker = /（[\s\u3000]*）/;

const weight = (count: number): string => String(Number((100 / count).toFixed(5)));

const feedback = (question: ParsedQuestion): string =>
  question.explanation ? `\n####${escapeGift(question.explanation)}` : '';

const giftBlock = (question: ParsedQuestion, issues: Issue[], index: number): string => {
  const stem = escapeGift(question.stem);
  const answer = question.answer;
  if (question.type === 'single' || question.type === 'multiple') {
    const correct = Array.isArray(answer) ? answer : [];
    const lines = question.options.map((option, at) => {
      const right = correct.includes(String.fromCharCode(65 + at));
      if (question.type === 'single') return `${right ? '=' : '~'}${escapeGift(option)}`;
      return `~%${right ? weight(correct.length) : '-100'}%${escapeGift(option)}`;
    });
    return `${stem} {\n${lines.join('\n')}${feedback(question)}\n}`;
  }
  if (question.type === 'true_false') return `${stem} {${answer === false ? 'F' : 'T'}${feedback(question)}}`;
  if (
    question.type === 'fill_blank' &&
    Array.isArray(answer) &&
    answer.length === 1 &&
    blankMarker.test(question.stem)
  ) {
    const [before = '', after = ''] = question.stem.split(blankMarker);
    const alternatives = (answer[0] ?? '').split('/').map((alt) => `=${escapeGift(alt.trim())}`);
    return `${escapeGift(before)} {${alternatives.join(' ')}${feedback(question)}} ${escapeGift(after)}`.trim();
  }
  if (question.type === 'fill_blank') {
    issues.push({
      code: 'papers.gift_blanks_joined',
      message: `第 ${index + 1} 题有多个空,GIFT 只支持一个空,已导出为问答题: ${question.stem}`,
      severity: 'warning',
      at: { line: question.lines[0] },
    });
  }
  const reference = Array.isArray(answer) ? answer.join('；') : typeof answer === 'string' ? answer : '';
  return `${stem} {${reference ? `####${escapeGift(reference)}` : ''}}`;
};

/**
 * Writes questions as GIFT (Moodle), each preceded by a `// <type>` comment. GIFT cannot hold a
 * choice or true/false question without its answer, so those are left out and reported.
 */
export const writeGift = (questions: ParsedQuestion[]): { text: string; issues: Issue[] } => {
  const issues: Issue[] = [];
  const blocks = questions.flatMap((question, index) => {
    if (question.answer === null && question.type !== 'short_answer') {
      issues.push({
        code: 'papers.gift_no_answer',
        message: `第 ${index + 1} 题没有答案,GIFT 无法表示,已略过: ${question.stem}`,
        severity: 'warning',
        at: { line: question.lines[0] },
      });
      return [];
    }
    return [`// ${question.type}\n${giftBlock(question, issues, index)}`];
  });
  return { text: blocks.length ? `${blocks.join('\n\n')}\n` : '', issues };
};

/** Finds the first `{ … }` not escaped with a backslash. */
const findBlock = (text: string): { start: number; end: number } | null => {
  let start = -1;
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '{' && start < 0) start = at;
    else if (text[at] === '}' && start >= 0) return { start, end: at };
  }
  return null;
};

/** Splits an answer block on unescaped `=` / `~` / `####`. */
const splitItems = (body: string): { items: { mark: string; text: string }[]; general: string } => {
  const [main = '', general = ''] = body.split(/(?<!\\)####/);
  const items = [...main.matchAll(/(?<!\\)([=~])((?:\\.|[^=~\\])*)/g)].map((match) => ({
    mark: match[1] ?? '~',
    text: match[2] ?? '',
  }));
  return { items, general: unescapeGift(general.trim()) };
};

const readItem = (item: { mark: string; text: string }) => {
  const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(item.text);
  const text = unescapeGift(
    item.text
      .replace(/^%-?\d+(?:\.\d+)?%/, '')
      .replace(/(?<!\\)#.*$/s, '')
      .trim(),
  );
  return { text, right: item.mark === '=' || (weighted !== null && Number(weighted[1]) > 0) };
};

const readBlock = (before: string, body: string, after: string, lines: [number, number]): ParsedQuestion => {
  const stem = unescapeGift(before.trim());
  const { items, general } = splitItems(body.trim());
  const bare = body.replace(/(?<!\\)####.*$/s, '').trim();
  const extra = general ? { explanation: general } : {};
  if (/^(T|TRUE|F|FALSE)(#.*)?$/i.test(bare)) {
    return { type: 'true_false', stem, options: [], answer: /^T/i.test(bare), flags: [], lines, ...extra };
  }
  if (items.some((item) => item.mark === '~')) {
    const options = items.map(readItem);
    const answer = options.flatMap((option, at) => (option.right ? [String.fromCharCode(65 + at)] : []));
    const type = items.some((item) => item.mark === '=') ? 'single' : 'multiple';
    const flags: ParsedQuestion['flags'] = answer.length ? [] : ['no_answer'];
    const texts = options.map((option) => option.text);
    return { type, stem, options: texts, answer: answer.length ? answer : null, flags, lines, ...extra };
  }
  if (items.length > 0) {
    const alternatives = items.map((item) => readItem(item).text).join('/');
    const tail = unescapeGift(after.trim());
    return {
      type: 'fill_blank',
      stem: `${stem}（ ）${tail}`,
      options: [],
      answer: [alternatives],
      flags: [],
      lines,
    };
  }
  const answer = general || null;
  return { type: 'short_answer', stem, options: [], answer, flags: answer ? [] : ['no_answer'], lines };
};

/** Reads GIFT text (questions separated by blank lines; comments, titles and `$CATEGORY` skipped). */
export const readGift = (text: string): { questions: ParsedQuestion[]; issues: Issue[] } => {
  const questions: ParsedQuestion[] = [];
  const issues: Issue[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let block: { text: string[]; first: number } | null = null;
  const flush = (last: number) => {
    if (!block) return;
    const joined = block.text.join('\n').replace(/^::(?:\\.|[^:])*::/, '');
    const found = findBlock(joined);
    if (!found) {
      issues.push({
        code: 'papers.gift_unread',
        message: `第 ${block.first} 行的内容没有答案块 {…}: ${joined}`,
        severity: 'warning',
        at: { line: block.first },
      });
    } else {
      const parts = [
        joined.slice(0, found.start),
        joined.slice(found.start + 1, found.end),
        joined.slice(found.end + 1),
      ] as const;
      questions.push(readBlock(parts[0], parts[1], parts[2], [block.first, last]));
    }
    block = null;
  };
  for (const [index, raw] of lines.entries()) {
    const content = raw.trim();
    if (content === '') flush(index);
    else if (!content.startsWith('//') && !content.startsWith('$CATEGORY')) {
      block ??= { text: [], first: index + 1 };
      block.text.push(content);
    }
  }
  flush(lines.length);
  return { questions, issues };
};
