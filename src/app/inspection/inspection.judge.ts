import {
  type Checker,
  type ConversationMessage,
  checkOrderFacts,
  type OrderFactMessage,
  type OrderFacts,
} from '../../domain/compliance/index.js';
import type { ChatRow } from '../../store/inspection.repository.js';
import type { NewFinding } from '../../store/inspection.repository.js';

// Judging one conversation of a bulk run: every message rule with the buyer's text since the
// previous reply, the conversation rules (no_greeting) on the whole conversation, and the
// order-fact rules against the buyer's orders. Each message is judged by the checker of its own
// day (rule versions and shop settings in force then); a conversation spanning a change is checked
// once per checker and each finding kept only from the checker of its message's day.

/** The compiled checker for a shop-local day, and a key equal for days that share one. */
export type DayChecker = (day: number) => { key: string; checker: Checker };

export type ConversationToJudge = {
  organizationId: string;
  runId: string;
  shopId: string;
  /** The stored conversation id, or `buyer#YYYY-MM-DD` for exports without one. */
  conversation: string;
  rows: ChatRow[];
  orders: OrderFacts[];
};

const humanKinds = new Set(['human', 'assist']);

/** Which messages the rules see: buyers and agents; system notices (order cards, transfers) are not speech. */
const spoken = (rows: ChatRow[]) => rows.filter((row) => row.sender === 'buyer' || row.sender === 'agent');

const asConversation = (rows: ChatRow[]): ConversationMessage[] =>
  rows.map((row) => ({
    speaker: row.sender === 'buyer' ? 'buyer' : 'agent',
    text: row.text,
    replyKind: row.kind as ConversationMessage['replyKind'],
  }));

const orderFactMessages = (rows: ChatRow[]): OrderFactMessage[] => {
  const out: OrderFactMessage[] = [];
  let buyerText = '';
  rows.forEach((row, messageIndex) => {
    if (row.sender === 'buyer') {
      buyerText = buyerText ? `${buyerText}\n${row.text}` : row.text;
      return;
    }
    if (humanKinds.has(row.kind))
      out.push({ messageIndex, time: row.time.getTime(), text: row.text, buyerText });
    buyerText = '';
  });
  return out;
};

const naturalKey = (finding: NewFinding) =>
  `${finding.messageTime.getTime()}|${finding.ruleId}|${finding.start}`;

/**
 * The findings of one conversation. Only messages on days in `inRange` are reported; earlier ones
 * are there as context (a conversation that began the evening before the period).
 */
export const judgeConversation = ({
  input,
  checkerFor,
  inRange,
  offsetMs,
}: {
  input: ConversationToJudge;
  checkerFor: DayChecker;
  inRange: (day: number) => boolean;
  offsetMs: (time: number) => number;
}): NewFinding[] => {
  const rows = spoken(input.rows);
  const days = new Set(
    rows.filter((row) => row.sender === 'agent' && inRange(row.day)).map((row) => row.day),
  );
  if (days.size === 0) return [];
  const checkers = new Map<string, Checker>();
  for (const day of days) {
    const { key, checker } = checkerFor(day);
    checkers.set(key, checker);
  }
  const base = {
    organizationId: input.organizationId,
    runId: input.runId,
    shopId: input.shopId,
    conversation: input.conversation,
  };
  const rowOf = (index: number) => rows[index] as ChatRow;
  const findings: NewFinding[] = [];
  const messages = asConversation(rows);
  for (const [key, checker] of checkers) {
    for (const finding of checker.checkConversation({ messages }).findings) {
      const row = rowOf(finding.messageIndex);
      if (!inRange(row.day) || checkerFor(row.day).key !== key) continue;
      findings.push({
        ...base,
        day: row.day,
        buyer: row.buyer,
        agent: row.agent,
        messageTime: row.time,
        messageTextHash: row.textHash,
        ruleId: finding.rule,
        ruleVersion: finding.version,
        ruleTitle: finding.title,
        kind: finding.kind,
        points: finding.points,
        start: finding.start,
        end: finding.end,
        evidence: finding.evidence,
        orderId: null,
      });
    }
  }
  for (const fact of checkOrderFacts({ messages: orderFactMessages(rows), orders: input.orders, offsetMs })) {
    const row = rowOf(fact.messageIndex);
    if (!inRange(row.day)) continue;
    // The rule as the shop has it that day: switched off or not on this platform, no finding.
    const rule = checkerFor(row.day).checker.rules.find((one) => one.id === fact.rule);
    if (!rule) continue;
    const said = findings.find(
      (one) => one.messageTime === row.time && one.ruleId === fact.rule && one.orderId === null,
    );
    if (said) {
      // The words were already a finding; the order proves it. Keep its span (its natural key).
      said.orderId = fact.order;
      said.evidence = fact.evidence;
      continue;
    }
    findings.push({
      ...base,
      day: row.day,
      buyer: row.buyer,
      agent: row.agent,
      messageTime: row.time,
      messageTextHash: row.textHash,
      ruleId: rule.id,
      ruleVersion: rule.version,
      ruleTitle: rule.title,
      kind: rule.kind,
      points: rule.points,
      start: fact.start,
      end: fact.end,
      evidence: fact.evidence,
      orderId: fact.order,
    });
  }
  // Two messages of one conversation sent in the same second can match a rule at the same offset.
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = naturalKey(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
