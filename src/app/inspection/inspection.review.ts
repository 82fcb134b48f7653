import { hasPermission } from '../../domain/accounts/index.js';
import {
  allowedFrom,
  type FindingStatus,
  nextStatus,
  type ReviewAction,
} from '../../domain/inspection/index.js';
import type { Db } from '../../store/database.js';
import { type ReviewChanges, updateFindingReview } from '../../store/inspection-findings.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, accountsErrors, recordAudit } from '../accounts/index.js';
import { inspectionErrors } from './inspection.errors.js';
import { type FindingView, getVisibleFinding, toFindingView } from './inspection.findings.js';

// Review of a finding (审核 → 申诉 → 裁定). Each step checks the finding's status and applies only
// if nobody changed it meanwhile; each is audited with who, what and why.

type ReviewDeps = { db: Db; clock: Clock; actor: Actor; id: string };

const applyStep = async ({
  db,
  clock,
  actor,
  id,
  action,
  changes,
  details,
}: ReviewDeps & {
  action: ReviewAction;
  changes: (now: Date) => ReviewChanges;
  details: Record<string, unknown>;
}): Promise<FindingView> => {
  const finding = await getVisibleFinding({ db, actor, id });
  const status = finding.status as FindingStatus;
  const to = nextStatus(status, action);
  if (to === null) throw inspectionErrors.wrongState(status, allowedFrom(action));
  const now = clock.now();
  const applied = await updateFindingReview({
    db,
    id,
    expected: status,
    changes: { ...changes(now), status: to },
  });
  if (!applied)
    throw inspectionErrors.wrongState(
      (await getVisibleFinding({ db, actor, id })).status,
      allowedFrom(action),
    );
  await recordAudit({
    db,
    clock,
    actor,
    action: `inspection.finding_${to}`,
    target: id,
    details: { ruleId: finding.ruleId, agent: finding.agent, from: status, ...details },
  });
  return toFindingView(await getVisibleFinding({ db, actor, id }));
};

/** A reviewer confirms a finding: it now counts against the agent. */
export const confirmFinding = async (deps: ReviewDeps & { note?: string | undefined }) => {
  authorize(deps.actor, 'inspection.review');
  return applyStep({
    ...deps,
    action: 'confirm',
    changes: (now) => ({ reviewNote: deps.note ?? null, reviewedBy: deps.actor.userId, reviewedAt: now }),
    details: { note: deps.note ?? null },
  });
};

/** A reviewer dismisses a finding as a false alarm, saying why (the reason feeds the export). */
export const dismissFinding = async (deps: ReviewDeps & { reason: string }) => {
  authorize(deps.actor, 'inspection.review');
  return applyStep({
    ...deps,
    action: 'dismiss',
    changes: (now) => ({ dismissReason: deps.reason, reviewedBy: deps.actor.userId, reviewedAt: now }),
    details: { reason: deps.reason },
  });
};

/**
 * The agent whose finding it is appeals a confirmed finding (申诉). Managers cannot appeal on an
 * agent's behalf: the appeal is the agent's own statement.
 */
export const appealFinding = async (deps: ReviewDeps & { text: string }) => {
  authorize(deps.actor, 'inspection.appeal');
  if (deps.actor.userId === null) throw accountsErrors.forbidden();
  if (hasPermission(deps.actor.role, 'inspection.read')) {
    // A supervisor sees every finding but may appeal only one of their own sub-accounts.
    const own = await getVisibleFinding({ ...deps, actor: { ...deps.actor, role: 'agent' } }).catch(
      () => null,
    );
    if (!own) throw accountsErrors.forbidden();
  }
  return applyStep({
    ...deps,
    action: 'appeal',
    changes: (now) => ({ appealText: deps.text, appealedBy: deps.actor.userId, appealedAt: now }),
    details: { text: deps.text },
  });
};

/** A reviewer decides an appeal: upheld (申诉成立, no deduction) or rejected (the deduction stands). */
export const decideAppeal = async (deps: ReviewDeps & { upheld: boolean; note: string }) => {
  authorize(deps.actor, 'inspection.review');
  return applyStep({
    ...deps,
    action: deps.upheld ? 'uphold' : 'reject',
    changes: (now) => ({ decisionNote: deps.note, decidedBy: deps.actor.userId, decidedAt: now }),
    details: { upheld: deps.upheld, note: deps.note },
  });
};
