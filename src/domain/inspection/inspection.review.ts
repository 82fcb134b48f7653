// The life of a finding (质检结果) once a run has produced it. A reviewer (质检员/主管) confirms or
// dismisses it; the agent may appeal (申诉) a confirmed one; a reviewer decides the appeal. Only a
// confirmed finding, or an appeal that was rejected, costs the agent points.

export const findingStatuses = [
  'open',
  'confirmed',
  'dismissed',
  'appealed',
  'appeal_upheld',
  'appeal_rejected',
] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export type ReviewAction = 'confirm' | 'dismiss' | 'appeal' | 'uphold' | 'reject';

const transitions: Record<ReviewAction, { from: readonly FindingStatus[]; to: FindingStatus }> = {
  confirm: { from: ['open'], to: 'confirmed' },
  dismiss: { from: ['open'], to: 'dismissed' },
  appeal: { from: ['confirmed'], to: 'appealed' },
  uphold: { from: ['appealed'], to: 'appeal_upheld' },
  reject: { from: ['appealed'], to: 'appeal_rejected' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export const nextStatus = (status: FindingStatus, action: ReviewAction): FindingStatus | null => {
  const transition = transitions[action];
  return transition.from.includes(status) ? transition.to : null;
};

/** The statuses `action` may start from (for messages naming what was expected). */
export const allowedFrom = (action: ReviewAction): readonly FindingStatus[] => transitions[action].from;

/** Whether a finding in `status` counts against the agent's QA score. */
export const countsAsDeduction = (status: FindingStatus): boolean =>
  status === 'confirmed' || status === 'appealed' || status === 'appeal_rejected';

/** Narrows a stored status text. */
export const isFindingStatus = (value: string): value is FindingStatus =>
  (findingStatuses as readonly string[]).includes(value);
