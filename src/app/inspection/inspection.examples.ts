import { type Db, inTransaction } from '../../store/database.js';
import {
  deleteExample,
  type ExampleInput,
  type ExampleRecord,
  insertExamples,
  listExamples,
  updateExample,
} from '../../store/inspection-examples.repository.js';
import type { ExampleSource } from '../../store/schema.inspection.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import { builtInRuleLibrary, type RuleLibrary } from '../compliance/index.js';
import { inspectionErrors } from './inspection.errors.js';
import { type ExampleJudge, exampleJudges, type JudgeFor } from './inspection.examples.rules.js';

// 标注样本: replies labelled by hand with the rules they break (none: compliant), exported with the
// reviewed findings as the evaluation set's lines. Each is shown with what the engine finds on it
// today, so a trainer sees at once where the rule library and the label disagree. An example of a
// shop is judged by that shop's rules and may name its own rules (inspection.examples.rules.ts).

export type { ExampleSource };

/** A reply as someone labels it; `at` names where it came from in error messages (file:line). */
export type ExampleDraft = {
  shopId?: string | null;
  agent: string;
  buyer?: string | null;
  rules: string[];
  note?: string;
  /** 'finding' when a reviewer saved a finding as an example; 'manual' otherwise. */
  source?: ExampleSource;
  at?: string;
};

export type ExampleView = {
  id: string;
  shopId: string | null;
  shopName: string | null;
  agent: string;
  buyer: string | null;
  rules: string[];
  note: string;
  source: ExampleSource;
  createdAt: string;
  createdBy: string | null;
  /** Rules the engine finds today (the shop's rules, or the built-in library on every platform). */
  engine: string[];
  /** Whether the engine's rules are exactly the label's. */
  agrees: boolean;
  /** The title of each rule in `rules` and `engine`. */
  titles: Record<string, string>;
};

type Deps = { db: Db; clock: Clock; actor: Actor; library?: RuleLibrary };

const maxText = 2_000;

const problems = (draft: ExampleDraft, judge: ExampleJudge | undefined, at: string) => {
  const found: { path: string; message: string }[] = [];
  if (!judge) found.push({ path: `${at}.shopId`, message: '店铺不存在' });
  const agent = typeof draft.agent === 'string' ? draft.agent.trim() : '';
  if (agent === '') found.push({ path: `${at}.agent`, message: '请填写客服回复' });
  if (agent.length > maxText)
    found.push({ path: `${at}.agent`, message: `客服回复不能超过 ${maxText} 个字` });
  if ((draft.buyer ?? '').length > maxText)
    found.push({ path: `${at}.buyer`, message: `买家消息不能超过 ${maxText} 个字` });
  if (!Array.isArray(draft.rules)) found.push({ path: `${at}.rules`, message: 'rules 须是规则编号的列表' });
  else if (judge)
    for (const rule of draft.rules)
      if (!judge.labelable.has(rule))
        found.push({
          path: `${at}.rules`,
          message: `不认识的规则「${String(rule)}」，可用：${[...judge.labelable.keys()].join('、')}`,
        });
  return found;
};

const toInput = (draft: ExampleDraft): ExampleInput => ({
  shopId: draft.shopId ?? null,
  agent: draft.agent.trim(),
  buyer: draft.buyer?.trim() ? draft.buyer.trim() : null,
  rules: [...new Set(draft.rules)].sort(),
  note: (draft.note ?? '').trim(),
  source: draft.source ?? 'manual',
});

/** The drafts as rows, or every problem of every draft at once (nothing is written then). */
const checked = async (
  deps: Deps & { library: RuleLibrary },
  drafts: ExampleDraft[],
  single: boolean,
): Promise<ExampleInput[]> => {
  const shopIds = [...new Set(drafts.flatMap((draft) => (draft.shopId ? [draft.shopId] : [])))];
  const judgeFor = await exampleJudges({ ...deps, shopIds });
  const found = drafts.flatMap((draft, index) =>
    problems(
      draft,
      judgeFor(draft.shopId ?? null),
      draft.at ?? (single ? 'body' : `body.examples[${index}]`),
    ),
  );
  if (found.length > 0) throw inspectionErrors.invalid(found);
  return drafts.map(toInput);
};

const toView = (row: ExampleRecord, judgeFor: JudgeFor): ExampleView => {
  const rules = row.rules as string[];
  const judge = judgeFor(row.shopId) ?? (judgeFor(null) as ExampleJudge);
  const engine = [
    ...new Set(
      judge.checker
        .check({ text: row.agent, ...(row.buyer ? { buyerText: row.buyer } : {}) })
        .findings.map((one) => one.rule),
    ),
  ].sort();
  return {
    id: row.id,
    shopId: row.shopId,
    shopName: row.shopName,
    agent: row.agent,
    buyer: row.buyer,
    rules,
    note: row.note,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByLogin,
    engine,
    agrees: engine.length === rules.length && engine.every((rule) => rules.includes(rule)),
    titles: Object.fromEntries([...rules, ...engine].map((rule) => [rule, judge.titles.get(rule) ?? rule])),
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
    shopId?: string | undefined;
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
  const shopIds = [...new Set(examples.flatMap((row) => (row.shopId ? [row.shopId] : [])))];
  const judgeFor = await exampleJudges({ db, clock, actor, library, shopIds });
  return { examples: examples.map((row) => toView(row, judgeFor)), total };
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
  const inputs = await checked({ db, clock, actor, library }, examples, examples.length === 1);
  return inTransaction(db, async (trx) => {
    const rows = await insertExamples({
      db: trx,
      organizationId: actor.organizationId,
      examples: inputs,
      createdBy: actor.userId,
      at: clock.now(),
    });
    const sources = [...new Set(inputs.map((input) => input.source))];
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'inspection.examples_added',
      details: { count: rows.length, sources },
    });
    return { ids: rows.map((row) => row.id) };
  });
};

/** Relabels an example (its shop, texts, rules and note); where it came from stays. Audited. */
export const updateInspectionExample = async ({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
  id,
  example,
}: Deps & { id: string; example: ExampleDraft }): Promise<void> => {
  authorize(actor, 'inspection.review');
  const [input] = await checked({ db, clock, actor, library }, [example], true);
  if (!input) return;
  const { source: _kept, ...changes } = input;
  await inTransaction(db, async (trx) => {
    const organizationId = actor.organizationId;
    if (!(await updateExample({ db: trx, organizationId, id, example: changes, at: clock.now() })))
      throw inspectionErrors.exampleNotFound();
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'inspection.example_updated',
      target: id,
      details: { shopId: input.shopId, rules: input.rules },
    });
  });
};

export const removeInspectionExample = async ({
  db,
  clock,
  actor,
  id,
}: Deps & { id: string }): Promise<void> => {
  authorize(actor, 'inspection.review');
  await inTransaction(db, async (trx) => {
    if (!(await deleteExample({ db: trx, organizationId: actor.organizationId, id })))
      throw inspectionErrors.exampleNotFound();
    await recordAudit({ db: trx, clock, actor, action: 'inspection.example_removed', target: id });
  });
};

/**
 * The examples as evaluation lines (data/eval/compliance.jsonl's keys, ids `ex-<id>`), oldest
 * first, page by page; `filter` narrows them as the list does.
 */
export async function* exampleLines({
  db,
  actor,
  filter = {},
}: {
  db: Db;
  actor: Actor;
  filter?: {
    shopId?: string | undefined;
    ruleId?: string | undefined;
    compliant?: boolean | undefined;
    text?: string | undefined;
  };
}): AsyncGenerator<string> {
  authorize(actor, 'inspection.review');
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const { examples } = await listExamples({
      db,
      filter: { organizationId: actor.organizationId, ...filter },
      limit: pageSize,
      offset,
      oldestFirst: true,
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
