import type { RuleKind } from '../../api/compliance.api.js';
import { t } from '../../i18n/i18n.js';

export const kindLabel = (kind: RuleKind): string => t(`inspection.kind.${kind}`);

export const kindColor: Record<RuleKind, string> = { serious: 'red', general: 'orange', service: 'blue' };

/** Some rules have no fixed points (the platform weighs each case); say so instead of "扣 0 分". */
export const pointsLabel = (points: number): string =>
  points > 0 ? t('inspection.check.points', { points }) : t('inspection.check.pointsVaries');
