import type { Assembly } from './importer.assemble.js';
import type { Draft } from './importer.draft.js';
import type { ParsedQuestion } from './importer.types.js';
import { markLine, unread } from './importer.uses.js';

// Case questions (案例分析 / 实操题): a stretch of shared material — the buyer's story, a chat
// excerpt — followed by several numbered tasks. In a case section the prose before the tasks is
// the material of the tasks that follow it; a line such as `案例二：…` starts the next case.

/** A case's shared material and how many questions took it. */
export type CaseMaterial = { id: number; parts: string[]; lines: number[]; questions: number };

const inCaseSection = (state: Assembly): boolean => {
  const title = state.section?.title;
  return title !== undefined && state.conventions.caseWords.some((word) => title.includes(word));
};

/** Whether a whole line opens a new case's material (`案例二：`, `背景材料：` …). */
export const opensCase = (state: Assembly, norm: string): boolean =>
  inCaseSection(state) && state.conventions.caseMaterialStart.test(norm.trim());

/** Keeps prose of a case section as material; false elsewhere, where the caller reports it unread. */
export const holdMaterial = (state: Assembly, text: string, line: number): boolean => {
  if (!inCaseSection(state)) return false;
  let open = state.openCase;
  if (!open || open.questions > 0) {
    open = { id: state.cases.length + 1, parts: [], lines: [], questions: 0 };
    state.cases.push(open);
    state.openCase = open;
  }
  open.parts.push(text);
  open.lines.push(line);
  markLine(state, line, 'question');
  return true;
};

/** A question closed in a case section belongs to the open material, if any. */
export const joinOpenCase = (state: Assembly, draft: Draft) => {
  if (!inCaseSection(state) || !state.openCase) return;
  draft.caseId = state.openCase.id;
  state.openCase.questions += 1;
};

/** Says which lines became case material, and reports material no question took as unread. */
export const reportCases = (state: Assembly) => {
  for (const material of state.cases) {
    const first = material.lines[0] ?? 0;
    const last = material.lines.at(-1) ?? first;
    if (material.questions === 0) {
      material.lines.forEach((line, index) => {
        unread(state, line, material.parts[index] ?? '');
      });
      continue;
    }
    state.issues.push({
      code: 'importer.case_material',
      message: `第 ${first === last ? first : `${first}-${last}`} 行是案例材料，归入其后的 ${material.questions} 道小题`,
      severity: 'info',
      at: { line: first },
    });
  }
};

/** The parsed question with its case material, when it is a task of a case. */
export const withCase = (question: ParsedQuestion, draft: Draft, cases: CaseMaterial[]): ParsedQuestion => {
  const material = cases.find((entry) => entry.id === draft.caseId);
  if (!material) return question;
  const from = material.lines[0] ?? question.lines[0];
  return {
    ...question,
    case: {
      id: material.id,
      material: material.parts.join('\n'),
      lines: [from, material.lines.at(-1) ?? from],
    },
  };
};
