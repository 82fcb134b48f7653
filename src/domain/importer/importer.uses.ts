import type { Issue } from '../shared/index.js';
import type { LineUse } from './importer.types.js';

/** What every line-reading step records: how each line was used, and the issues found. */
export type LineLog = { uses: Map<number, LineUse>; issues: Issue[] };

// When one line serves several purposes, the most telling one is kept; unread always shows.
const usePriority: Record<LineUse, number> = {
  blank: 0,
  furniture: 1,
  answer_key: 2,
  section: 3,
  question: 4,
  unread: 5,
};

export const markLine = (state: LineLog, line: number, use: LineUse) => {
  const before = state.uses.get(line);
  if (before === undefined || usePriority[use] > usePriority[before]) state.uses.set(line, use);
};

/** Reports text the importer could not place; it is kept and shown, never dropped. */
export const unread = (state: LineLog, line: number, text: string) => {
  markLine(state, line, 'unread');
  state.issues.push({
    code: 'importer.unread_text',
    message: `未能识别的文字(已保留,请人工核对): ${text}`,
    severity: 'warning',
    at: { line },
  });
};
