import type { Db } from '../../store/database.js';
import { messagesBefore, reviewedFindings } from '../../store/inspection-findings.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import { builtInRuleLibrary, type RuleLibrary } from '../compliance/index.js';
import { exampleLines } from './inspection.examples.js';

// The learning loop (学习闭环): what reviewers decided becomes labelled data in the format of
// data/eval/compliance.jsonl, so the rule library can be measured against the shop's own chats.
// A reviewed agent message is one line: `rules` lists the rules confirmed on it (a rejected appeal
// stands), `[]` when every finding on it was dismissed or its appeal upheld. The hand-labelled
// replies (标注样本, inspection.examples.ts) follow as `ex-<id>` lines.
// Left out: findings still pending, order-fact findings (the order, not the words, proves them) and
// conversation rules (no_greeting depends on the message's place in the chat, not its words).

/** One line of the export, in data/eval/compliance.jsonl's keys. */
export type EvalLine = { id: string; buyer?: string; agent: string; rules: string[]; note: string };

const violation = new Set(['confirmed', 'appeal_rejected']);
const pageSize = 500;

type Row = Awaited<ReturnType<typeof reviewedFindings>>[number];

const buyerTextBefore = async (db: Db, row: Row): Promise<string> => {
  const earlier = await messagesBefore({
    db,
    shopId: row.shopId,
    conversation: row.storedConversation,
    buyer: row.buyer,
    time: row.messageTime,
  });
  const lines: string[] = [];
  for (const message of earlier) {
    if (message.sender === 'agent') break;
    if (message.sender === 'buyer') lines.unshift(message.text);
  }
  return lines.join('\n');
};

const toLine = async (db: Db, rows: Row[]): Promise<EvalLine> => {
  const first = rows[0] as Row;
  const rules = [...new Set(rows.filter((row) => violation.has(row.status)).map((row) => row.ruleId))].sort();
  const notes = rows
    .flatMap((row) => [row.reviewNote, row.dismissReason, row.decisionNote])
    .filter((note): note is string => !!note);
  const buyer = await buyerTextBefore(db, first);
  const line: EvalLine = { id: `insp-${first.id}`, agent: first.text, rules, note: '' };
  if (buyer) line.buyer = buyer;
  line.note =
    notes.length > 0
      ? [...new Set(notes)].join('；')
      : rules.length > 0
        ? `质检确认违规：${rules.join('、')}`
        : '质检审核为合规';
  // Keys in the eval file's order.
  return buyer
    ? { id: line.id, buyer, agent: line.agent, rules, note: line.note }
    : { id: line.id, agent: line.agent, rules, note: line.note };
};

const messageKey = (row: Row) => `${row.shopId}|${row.messageTime.getTime()}|${row.messageTextHash}`;

/**
 * The organisation's reviewed findings as eval lines (JSON text, one per line, no newline), read
 * page by page. Audited once when the export starts.
 */
export async function* exportLearningLoop({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  library?: RuleLibrary;
}): AsyncGenerator<string> {
  authorize(actor, 'inspection.review');
  await recordAudit({ db, clock, actor, action: 'inspection.exported', target: actor.organizationId });
  const conversationRules = new Set(
    library.rules
      .filter((rule) => rule.versions.some((version) => version.scope === 'conversation'))
      .map((rule) => rule.id),
  );
  const kept = (row: Row) => row.orderId === null && !conversationRules.has(row.ruleId);
  let group: Row[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await reviewedFindings({
      db,
      organizationId: actor.organizationId,
      limit: pageSize,
      offset,
    });
    for (const row of page.filter(kept)) {
      if (group.length > 0 && messageKey(group[0] as Row) !== messageKey(row)) {
        yield JSON.stringify(await toLine(db, group));
        group = [];
      }
      group.push(row);
    }
    if (page.length < pageSize) break;
  }
  if (group.length > 0) yield JSON.stringify(await toLine(db, group));
  yield* exampleLines({ db, actor });
}
