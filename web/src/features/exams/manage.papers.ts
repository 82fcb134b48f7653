import type { PaperIssue, PaperSection, PaperSpec } from '../../api/exams-admin.api.js';
import type { QuestionType } from '../../api/questions.api.js';
import { t } from '../../i18n/i18n.js';
import { typeLabel } from './exams.labels.js';

// The 组卷 form's pure helpers: a new paper's defaults, totals and what to check before asking the
// server for a preview (the server's schema refuses an empty title or an empty fixed section).

export const newSection = (type: QuestionType = 'single'): PaperSection => ({
  title: typeLabel(type),
  type,
  pointsEach: 2,
  draw: { count: 10 },
});

export const newPaperSpec = (): PaperSpec => ({
  title: '',
  description: '',
  sections: [newSection()],
  passMark: 60,
  timeLimitMinutes: 60,
  attemptsAllowed: 1,
  shuffleQuestions: true,
  shuffleOptions: true,
  showScore: 'on_submit',
  showKey: 'after_close',
  certifies: false,
});

export const sectionCount = (section: PaperSection): number =>
  section.questionIds?.length ?? section.draw?.count ?? 0;

const round = (value: number) => Math.round(value * 100) / 100;

export const specTotals = (spec: PaperSpec) => ({
  questionCount: spec.sections.reduce((sum, section) => sum + sectionCount(section), 0),
  totalPoints: round(spec.sections.reduce((sum, s) => sum + sectionCount(s) * s.pointsEach, 0)),
});

/** What the form itself can tell before the server looks: one issue per gap, by section. */
export const localIssues = (spec: PaperSpec): PaperIssue[] => {
  const issues: PaperIssue[] = [];
  if (!spec.title.trim()) issues.push({ code: 'paper.title', message: t('exams.compose.needTitle') });
  spec.sections.forEach((section, index) => {
    if (section.questionIds && section.questionIds.length === 0)
      issues.push({
        code: 'section.empty',
        message: t('exams.compose.needQuestions'),
        at: { section: index },
      });
  });
  return issues;
};

/** The spec as the API takes it: trimmed titles, a full 1–5 difficulty range sent as none. */
export const cleanSpec = (spec: PaperSpec): PaperSpec => ({
  ...spec,
  title: spec.title.trim(),
  sections: spec.sections.map((section) => {
    const base = { title: section.title.trim(), type: section.type, pointsEach: section.pointsEach };
    if (section.questionIds) return { ...base, questionIds: section.questionIds };
    const draw = section.draw ?? { count: 1 };
    const difficulty = draw.difficulty;
    return {
      ...base,
      draw: {
        count: draw.count,
        ...(draw.tags && draw.tags.length > 0 ? { tags: draw.tags } : {}),
        ...(difficulty && (difficulty[0] > 1 || difficulty[1] < 5) ? { difficulty } : {}),
      },
    };
  }),
});

/** Issues grouped for display: the paper's own first (key -1), then each section's. */
export const issuesBySection = (issues: PaperIssue[]): Map<number, PaperIssue[]> => {
  const grouped = new Map<number, PaperIssue[]>();
  for (const issue of issues) {
    const at = issue.at?.section ?? -1;
    grouped.set(at, [...(grouped.get(at) ?? []), issue]);
  }
  return new Map([...grouped].sort(([a], [b]) => a - b));
};

/** A validation.failed refusal names `body.sections[i]`; its details become issues of section i. */
export const issuesOfRefusal = (details: unknown): PaperIssue[] => {
  if (!Array.isArray(details)) return [];
  return details.map((detail) => {
    const path = typeof detail?.path === 'string' ? detail.path : '';
    const match = /^body\.sections\[(\d+)\]/.exec(path);
    const message = String(detail?.message ?? path);
    return match
      ? { code: 'refused', message, at: { section: Number(match[1]) } }
      : { code: 'refused', message };
  });
};
