import type { Issue } from '../shared/index.js';

// QA scores (质检分). The automatic part is 100 minus the points of the agent's findings that stand
// (confirmed, under appeal, or appeal rejected), floored at 0. The manual part is 抽检: a reviewer
// scores sampled conversations against a 质检评分表 whose items each carry a maximum.

export const fullScore = 100;

/** 100 − deductions, never below 0; points are rounded to one decimal to avoid float noise. */
export const qaScore = (deductions: number): number =>
  Math.max(0, Math.round((fullScore - deductions) * 10) / 10);

/** One line of a score sheet (评分项): e.g. 问候语 10 points. */
export type ScoreSheetItem = { label: string; points: number; description?: string | undefined };

/** Checks a sheet's items: at least one, labels unique and non-empty, points positive. */
export const validateSheetItems = (items: ScoreSheetItem[]): Issue[] => {
  const issues: Issue[] = [];
  if (items.length === 0)
    issues.push({
      code: 'inspection.sheet_empty',
      message: '评分表至少要有一项',
      severity: 'error',
      at: { field: 'items' },
    });
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const field = `items[${index}]`;
    if (item.label.trim() === '')
      issues.push({
        code: 'inspection.item_label',
        message: `第 ${index + 1} 项没有名称`,
        severity: 'error',
        at: { field: `${field}.label` },
      });
    else if (seen.has(item.label.trim()))
      issues.push({
        code: 'inspection.item_duplicate',
        message: `评分项「${item.label}」重复`,
        severity: 'error',
        at: { field: `${field}.label` },
      });
    seen.add(item.label.trim());
    if (!(item.points > 0))
      issues.push({
        code: 'inspection.item_points',
        message: `评分项「${item.label}」的分值须大于 0`,
        severity: 'error',
        at: { field: `${field}.points` },
      });
  });
  return issues;
};

/**
 * Totals a sample's scores against its sheet: one score per item, each between 0 and the item's
 * points. Returns the total or the issues naming which item is wrong and why.
 */
export const scoreSample = ({
  items,
  scores,
}: {
  items: ScoreSheetItem[];
  scores: number[];
}): { total: number; issues: Issue[] } => {
  const issues: Issue[] = [];
  if (scores.length !== items.length)
    issues.push({
      code: 'inspection.score_count',
      message: `评分表有 ${items.length} 项，提交了 ${scores.length} 个分数`,
      severity: 'error',
      at: { field: 'scores' },
    });
  items.forEach((item, index) => {
    const score = scores[index];
    if (score === undefined) return;
    if (!Number.isFinite(score) || score < 0 || score > item.points)
      issues.push({
        code: 'inspection.score_range',
        message: `「${item.label}」的得分须在 0 到 ${item.points} 之间`,
        severity: 'error',
        at: { field: `scores[${index}]` },
      });
  });
  const total = scores.reduce((sum, score) => sum + score, 0);
  return { total: Math.round(total * 10) / 10, issues };
};
