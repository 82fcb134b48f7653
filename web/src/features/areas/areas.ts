import type { MessageKey } from '../../i18n/i18n.js';

export const areas = ['train', 'exams', 'inspection', 'metrics', 'scorecards'] as const;
export type Area = (typeof areas)[number];

export const areaTexts: Record<Area, { title: MessageKey; holds: MessageKey; dataIn: MessageKey }> = {
  train: { title: 'area.train.title', holds: 'area.train.holds', dataIn: 'area.train.dataIn' },
  exams: { title: 'area.exams.title', holds: 'area.exams.holds', dataIn: 'area.exams.dataIn' },
  inspection: {
    title: 'area.inspection.title',
    holds: 'area.inspection.holds',
    dataIn: 'area.inspection.dataIn',
  },
  metrics: { title: 'area.metrics.title', holds: 'area.metrics.holds', dataIn: 'area.metrics.dataIn' },
  scorecards: {
    title: 'area.scorecards.title',
    holds: 'area.scorecards.holds',
    dataIn: 'area.scorecards.dataIn',
  },
};
