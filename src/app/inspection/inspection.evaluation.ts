import { evaluateLabelled, type Scores } from '../../domain/compliance/index.js';
import type { Db } from '../../store/database.js';
import { type ExampleRecord, listExamples } from '../../store/inspection-examples.repository.js';
import type { Actor, Clock } from '../accounts/index.js';
import { builtInRuleLibrary, type RuleLibrary } from '../compliance/index.js';
import { type ExampleJudge, shopExampleJudges } from './inspection.examples.rules.js';

// 样本评测: how well the rule library a shop really uses (its platform's rules, the rules it switched
// off, its changed points, its own words and patterns, as in force today) finds what its 标注样本
// say. Scored: the shop's examples and the organisation-wide ones, judged as the 标注样本 list
// judges the shop's; without a shop, the organisation-wide examples with the built-in library. A
// label naming a rule the library does not have (switched off, or not on the shop's platform) is
// counted apart, not as a miss. A text labelled twice counts once: the shop's own label first.

/** A 标注样本 the engine and its label disagree on. */
export type EvaluationDisagreement = {
  id: string;
  shopId: string | null;
  agent: string;
  buyer: string | null;
  rules: string[];
  engine: string[];
  /** Labelled rules the engine does not find. */
  missed: string[];
  /** Rules the engine finds that the label does not name. */
  extra: string[];
};

export type ExamplesEvaluation = {
  shopId: string | null;
  examples: number;
  compliant: number;
  falseAlarms: number;
  falseAlarmRate: number;
  micro: Scores;
  /** Per rule labelled or found; `support`: examples labelled with it; `custom`: the shop's own. */
  rules: (Scores & { rule: string; support: number; custom: boolean })[];
  unscored: { rule: string; count: number }[];
  disagreements: EvaluationDisagreement[];
  /** The same text labelled differently again (`id`); the label of `firstId` counts. */
  conflicts: { id: string; firstId: string; rules: string[]; firstRules: string[] }[];
  /** The title of every rule named above. */
  titles: Record<string, string>;
};

const pageSize = 500;

/** Every example the filter matches, oldest first. */
const allExamples = async (db: Db, organizationId: string, shopId?: string): Promise<ExampleRecord[]> => {
  const rows: ExampleRecord[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { examples } = await listExamples({
      db,
      filter: { organizationId, shopId },
      limit: pageSize,
      offset,
      oldestFirst: true,
    });
    rows.push(...examples);
    if (examples.length < pageSize) return rows;
  }
};

const labels = (row: ExampleRecord) => row.rules as string[];

/** Scores the library of `shopId` (or the built-in one) on its examples and the organisation-wide ones. */
export const evaluateInspectionExamples = async ({
  db,
  clock,
  actor,
  library = builtInRuleLibrary(),
  shopId,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  library?: RuleLibrary;
  shopId?: string | undefined;
}): Promise<ExamplesEvaluation> => {
  const judgeFor = await shopExampleJudges({ db, clock, actor, library, shopId });
  // Examples without a shop always have a judge; the shop's was checked above.
  const builtIn = judgeFor(null) as ExampleJudge;
  const judge = judgeFor(shopId ?? null) ?? builtIn;
  const organizationId = actor.organizationId;
  const shared = (await allExamples(db, organizationId)).filter((row) => row.shopId === null);
  const examples = shopId ? [...(await allExamples(db, organizationId, shopId)), ...shared] : shared;
  const result = evaluateLabelled({
    examples: examples.map((row) => ({ ...row, rules: labels(row) })),
    judge: (row) =>
      judge.checker
        .check({ text: row.agent, ...(row.buyer ? { buyerText: row.buyer } : {}) })
        .findings.map((finding) => finding.rule),
    scored: new Set(judge.checker.rules.map((rule) => rule.id)),
  });
  const disagreements = result.disagreements.map(({ example, found, missed, extra }) => ({
    id: example.id,
    shopId: example.shopId,
    agent: example.agent,
    buyer: example.buyer,
    rules: example.rules,
    engine: [...found].sort(),
    missed,
    extra,
  }));
  const named = [
    ...result.rules.map((entry) => entry.rule),
    ...result.unscored.map((entry) => entry.rule),
    ...disagreements.flatMap((entry) => [...entry.rules, ...entry.engine]),
  ];
  return {
    shopId: shopId ?? null,
    examples: result.examples,
    compliant: result.compliant,
    falseAlarms: result.falseAlarms,
    falseAlarmRate: result.falseAlarmRate,
    micro: result.micro,
    rules: result.rules.map((entry) => ({ ...entry, custom: !builtIn.titles.has(entry.rule) })),
    unscored: result.unscored,
    disagreements,
    conflicts: result.conflicts.map(({ example, first }) => ({
      id: example.id,
      firstId: first.id,
      rules: example.rules,
      firstRules: first.rules,
    })),
    titles: Object.fromEntries(named.map((rule) => [rule, judge.titles.get(rule) ?? rule])),
  };
};
