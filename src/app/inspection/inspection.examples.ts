import type { Db } from '../../store/database.js';
import {
  deleteExample,
  type ExampleInput,
  type ExampleRecord,
  insertExamples,
  listExamples,
  updateExample,
} from '../../store/inspection-examples.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import { builtInRuleLibrary, type RuleLibrary } from '../compliance/index.js';
import { inspectionErrors } from './inspection.errors.js';

// 标注样本: replies labelled by hand with the rules they break (none: compliant), exported with the
// reviewed findings as the evaluation set's lines. Each is shown with what the engine finds on it
// today, so a trainer sees at once where the rule library and the label disagree.

/** A reply as someone labels it; `at` names where it came from in error messages (file:line). */
export type ExampleDraft = {
  agent: string;
  buyer?: string | null;
  rules: string[];
  note?: string;
  at?: string;
};

export type ExampleView = {
  id: string;
  agent: string;
  buyer: string | null;
  rules: string[];
  note: string;
  createdAt: string;
  createdBy: string | null;
  /** Rules the engine finds today (built-in library, every platform). */
  engine: string[];
  /** Whether the engine's rules are exactly the label's. */
  agrees: boolean;
};

type Deps = { db: Db; clock: Clock; actor: Actor; library?: RuleLibrary };

const maxText = 2_000;
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

// A label is about one message: rules judged on a whole conversation or an order cannot be checked
// from the words alone, so only message rules may be named.
const labelableRules = (library: RuleLibrary, clock: Clock): Set<string> =>
  new Set(
    library
      .checkerFor({ day: today(clock) })
      .rules.filter((rule) => rule.scope === 'message')
      .map((rule) => rule.id),
  );

const problems = (draft: ExampleDraft, known: Set<string>, at: string) => {
  const found: { path: string; message: string }[] = [];
  const agent = typeof draft.agent === 'string' ? draft.agent.trim() : '';
  if (agent === '') found.push({ path: `${at}.agent`, message: '请填写客服回复' });
  if (agent.length > maxText)
    found.push({ path: `${at}.agent`, message: `客服回复不能超过 ${maxText} 个字` });
  if ((draft.buyer ?? '').length > maxText)
    found.push({ path: `${at}.buyer`, message: `买家消息不能超过 ${maxText} 个字` });
  if (!Array.isArray(draft.rules)) found.push({ path: `${at}.rules`, message: 'rules 须是规则编号的列表' });
  else
    for (const rule of draft.rules)
      if (!known.has(rule))
        found.push({
          path: `${at}.rules`,
          message: `不认识的规则「${String(rule)}」，可用：${[...known].join('、')}`,
        });
  return found;
};

const toInput = (draft: ExampleDraft): ExampleInput => ({
  agent: draft.agent.trim(),
  buyer: draft.buyer?.trim() ? draft.buyer.trim() : null,
  rules: [...new Set(draft.rules)].sort(),
  note: (draft.note ?? '').trim(),
});

const checked = (drafts: ExampleDraft[], known: Set<string>, single: boolean): ExampleInput[] => {
  const found = drafts.flatMap((draft, index) =>
    problems(draft, known, draft.at ?? (single ? 'body' : `body.examples[${index}]`)),
  );
  if (found.length > 0) throw inspectionErrors.invalid(found);
  return drafts.map(toInput);
};

const toView = (row: ExampleRecord, library: RuleLibrary, clock: Clock): ExampleView => {
  const rules = row.rules as string[];
  const checker = library.checkerFor({ day: today(clock) });
  const engine = [
    ...new Set(
      checker
        .check({ text: row.agent, ...(row.buyer ? { buyerText: row.buyer } : {}) })
        .findings.map((one) => one.rule),
    ),
  ].sort();
  return {
    id: row.id,
    agent: row.agent,
    buyer: row.buyer,
    rules,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByLogin,
    engine,
    agrees: engine.length === rules.length && engine.every((rule) => rules.includes(rule)),
  };
};

/** One page of the organisation's examples, newest first, each with the engine's verdict. */
export const listInspectionExamples = async ({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
  query,
}: Deps & {
  query: {
    ruleId?: string | undefined;
    compliant?: boolean | undefined;
    text?: string | undefined;
    limit: number;
    offset: number;
  };
}): Promise<{ examples: ExampleView[]; total: number }> => {
  authorize(actor, 'inspection.review');
  const { examples, total } = await listExamples({
    db,
    filter: { organizationId: actor.organizationId, ...query },
    limit: query.limit,
    offset: query.offset,
  });
  return { examples: examples.map((row) => toView(row, library, clock)), total };
};

/**
 * Adds labelled replies, all or none: every problem of every draft is reported, by its `at` (or
 * its place in the list), before anything is written. Audited once with the count.
 */
export const addInspectionExamples = async ({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
  examples,
}: Deps & { examples: ExampleDraft[] }): Promise<{ ids: string[] }> => {
  authorize(actor, 'inspection.review');
  const inputs = checked(examples, labelableRules(library, clock), examples.length === 1);
  const rows = await insertExamples({
    db,
    organizationId: actor.organizationId,
    examples: inputs,
    createdBy: actor.userId,
    at: clock.now(),
  });
  await recordAudit({
    db,
    clock,
    actor,
    action: 'inspection.examples_added',
    details: { count: rows.length },
  });
  return { ids: rows.map((row) => row.id) };
};

export const updateInspectionExample = async ({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
  id,
  example,
}: Deps & { id: string; example: ExampleDraft }): Promise<void> => {
  authorize(actor, 'inspection.review');
  const [input] = checked([example], labelableRules(library, clock), true);
  if (!input) return;
  const organizationId = actor.organizationId;
  if (!(await updateExample({ db, organizationId, id, example: input, at: clock.now() })))
    throw inspectionErrors.exampleNotFound();
  await recordAudit({
    db,
    clock,
    actor,
    action: 'inspection.example_updated',
    target: id,
    details: { rules: input.rules },
  });
};

export const removeInspectionExample = async ({
  db,
  clock,
  actor,
  id,
}: Deps & { id: string }): Promise<void> => {
  authorize(actor, 'inspection.review');
  if (!(await deleteExample({ db, organizationId: actor.organizationId, id })))
    throw inspectionErrors.exampleNotFound();
  await recordAudit({ db, clock, actor, action: 'inspection.example_removed', target: id });
};

/** Every example as an evaluation line (data/eval/compliance.jsonl's keys), page by page. */
export async function* exampleLines({ db, actor }: { db: Db; actor: Actor }): AsyncGenerator<string> {
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const { examples } = await listExamples({
      db,
      filter: { organizationId: actor.organizationId },
      limit: pageSize,
      offset,
    });
    for (const row of examples)
      yield JSON.stringify({
        id: `ex-${row.id}`,
        ...(row.buyer ? { buyer: row.buyer } : {}),
        agent: row.agent,
        rules: row.rules,
        note: row.note || ((row.rules as string[]).length > 0 ? '人工标注违规' : '人工标注合规'),
      });
    if (examples.length < pageSize) break;
  }
}
