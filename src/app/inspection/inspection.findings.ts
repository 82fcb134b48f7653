import type { FindingStatus } from '../../domain/inspection/index.js';
import { textToDay } from '../../domain/metrics/index.js';
import type { RuleKind } from '../../domain/rules/index.js';
import type { Db } from '../../store/database.js';
import {
  conversationFindings,
  type FindingRecord,
  findFinding,
  listFindings,
} from '../../store/inspection-findings.repository.js';
import { selectConversationMessages } from '../../store/inspection.repository.js';
import { findShop } from '../../store/shops.repository.js';
import type { Actor } from '../accounts/index.js';
import { parseConversationKey } from './inspection.conversation-key.js';
import { inspectionErrors } from './inspection.errors.js';
import { canSee, dayText, visibleAgents } from './inspection.scope.js';

/** A finding as the workbench shows it. */
export type FindingView = {
  id: string;
  shopId: string;
  shopName: string;
  day: string;
  conversation: string;
  buyer: string;
  agent: string;
  messageTime: string;
  ruleId: string;
  ruleTitle: string;
  ruleVersion: number;
  kind: RuleKind;
  points: number;
  start: number;
  end: number;
  evidence: string;
  orderId: string | null;
  status: FindingStatus;
  dismissReason: string | null;
  reviewNote: string | null;
  appealText: string | null;
  decisionNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  appealedAt: string | null;
  decidedAt: string | null;
};

export const toFindingView = (row: FindingRecord): FindingView => ({
  id: row.id,
  shopId: row.shopId,
  shopName: row.shopName,
  day: dayText(row.day),
  conversation: row.conversation,
  buyer: row.buyer,
  agent: row.agent,
  messageTime: row.messageTime.toISOString(),
  ruleId: row.ruleId,
  ruleTitle: row.ruleTitle,
  ruleVersion: row.ruleVersion,
  kind: row.kind as RuleKind,
  points: row.points,
  start: row.start,
  end: row.end,
  evidence: row.evidence,
  orderId: row.orderId,
  status: row.status as FindingStatus,
  dismissReason: row.dismissReason,
  reviewNote: row.reviewNote,
  appealText: row.appealText,
  decisionNote: row.decisionNote,
  reviewedBy: row.reviewedBy,
  reviewedAt: row.reviewedAt?.toISOString() ?? null,
  appealedAt: row.appealedAt?.toISOString() ?? null,
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

export type FindingsQuery = {
  status?: FindingStatus | undefined;
  ruleId?: string | undefined;
  agent?: string | undefined;
  shopId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
};

const dayOf = (text: string, path: string): number => {
  const day = textToDay(text);
  if (day === null) throw inspectionErrors.badPeriod(path, `「${text}」不是 YYYY-MM-DD`);
  return day;
};

/**
 * Findings matching the filters, newest first, with counts by rule and agent over all matches.
 * Agents (inspection.appeal only) get their own sub-accounts' findings and nothing else.
 */
export const listInspectionFindings = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: FindingsQuery;
}) => {
  const visible = await visibleAgents({ db, actor });
  const fromDay = query.from === undefined ? undefined : dayOf(query.from, 'query.from');
  const toDay = query.to === undefined ? undefined : dayOf(query.to, 'query.to');
  if (fromDay !== undefined && toDay !== undefined && fromDay > toDay)
    throw inspectionErrors.badPeriod('query.to', '结束日期早于开始日期');
  const page = await listFindings({
    db,
    filter: {
      organizationId: actor.organizationId,
      status: query.status,
      ruleId: query.ruleId,
      agent: query.agent,
      shopId: query.shopId,
      fromDay,
      toDay,
      visible,
    },
    limit: query.limit,
    offset: query.offset,
  });
  return { ...page, findings: page.findings.map(toFindingView) };
};

/** One finding, if the actor may see it (an agent's request for another's is "not found"). */
export const getVisibleFinding = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  const visible = await visibleAgents({ db, actor });
  const finding = await findFinding({ db, organizationId: actor.organizationId, id });
  if (!finding || !canSee(visible, finding)) throw inspectionErrors.findingNotFound();
  return finding;
};

const conversationRows = async (db: Db, shopId: string, key: string) => {
  const ref = parseConversationKey(key);
  if (ref === null) return [];
  if (!('buyer' in ref)) return selectConversationMessages({ db, shopId, conversation: ref.conversation });
  return selectConversationMessages({
    db,
    shopId,
    conversation: '',
    buyer: ref.buyer,
    days: { from: ref.day, to: ref.day },
  });
};

/**
 * A conversation with its findings on the messages they are about. Agents may open only
 * conversations one of their sub-accounts served.
 */
export const getInspectionConversation = async ({
  db,
  actor,
  shopId,
  conversation,
}: {
  db: Db;
  actor: Actor;
  shopId: string;
  conversation: string;
}) => {
  const visible = await visibleAgents({ db, actor });
  const shop = await findShop({ db, organizationId: actor.organizationId, id: shopId });
  if (!shop) throw inspectionErrors.conversationNotFound();
  const rows = await conversationRows(db, shopId, conversation);
  const served = rows.some((row) => row.sender === 'agent' && canSee(visible, { shopId, agent: row.agent }));
  if (rows.length === 0 || !served) throw inspectionErrors.conversationNotFound();
  const findings = await conversationFindings({
    db,
    organizationId: actor.organizationId,
    shopId,
    conversation,
  });
  return {
    shopId,
    shopName: shop.name,
    conversation,
    messages: rows.map((row) => ({
      time: row.time.toISOString(),
      sender: row.sender,
      agent: row.agent,
      kind: row.kind,
      text: row.text,
      findings: findings
        .filter(
          (finding) =>
            row.sender === 'agent' &&
            finding.messageTime.getTime() === row.time.getTime() &&
            finding.messageTextHash === row.textHash,
        )
        .map(({ id, start, end, ruleId, status }) => ({ id, start, end, ruleId, status })),
    })),
  };
};
