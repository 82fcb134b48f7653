// Scoring a rule library against labelled replies (评测): per-rule precision / recall / F1, micro-F1
// and the false-alarm rate on replies labelled compliant. Pure: the caller passes what the engine
// finds on each reply (`judge`), so the same arithmetic scores the built-in library in
// `npm run eval:compliance` and a shop's configured library on its 标注样本.

/** A reply labelled by hand: the rules it breaks, none when it is compliant. */
export type LabelledReply = { buyer?: string | null; agent: string; rules: readonly string[] };

export type RuleCounts = { tp: number; fp: number; fn: number };

export type Scores = RuleCounts & { precision: number; recall: number; f1: number };

/** One rule's scores; `support` is how many replies are labelled with it (tp + fn). */
export type RuleScore = Scores & { rule: string; support: number };

/** A reply the engine and its label disagree on, by scored rules only. */
export type Disagreement<T> = {
  example: T;
  found: string[];
  /** Labelled rules the engine did not find. */
  missed: string[];
  /** Rules the engine found that the label does not name. */
  extra: string[];
};

/** The same text labelled differently again; the first label counts. */
export type LabelConflict<T> = { example: T; first: T };

export type Evaluation<T> = {
  /** Distinct texts scored (a repeated text counts once). */
  examples: number;
  /** Replies labelled compliant, and those of them on which the engine found something. */
  compliant: number;
  falseAlarms: number;
  falseAlarmRate: number;
  /** Every rule labelled or found, by id. */
  rules: RuleScore[];
  micro: Scores;
  disagreements: Disagreement<T>[];
  conflicts: LabelConflict<T>[];
  /** Labels naming rules the library does not have (a shop's rule, a rule switched off): not scored. */
  unscored: { rule: string; count: number }[];
};

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

const scores = (counts: RuleCounts): Scores => ({
  ...counts,
  precision: ratio(counts.tp, counts.tp + counts.fp),
  recall: ratio(counts.tp, counts.tp + counts.fn),
  f1: ratio(2 * counts.tp, 2 * counts.tp + counts.fp + counts.fn),
});

/** Two replies are the same text when the agent's reply and the buyer's message both match. */
const textKey = (example: LabelledReply) => `${example.buyer ?? ''}\u0000${example.agent}`;
const labelKey = (rules: readonly string[]) => [...rules].sort().join(',');

/**
 * Scores the library whose rule ids are `scored` on `examples`, in order; `judge` names the rules
 * the engine finds on a reply (called once per distinct text). A label naming a rule outside
 * `scored` is listed in `unscored` instead of counting as a miss: the library cannot find it.
 */
export const evaluateLabelled = <T extends LabelledReply>({
  examples,
  judge,
  scored,
}: {
  examples: readonly T[];
  judge: (example: T) => readonly string[];
  scored: ReadonlySet<string>;
}): Evaluation<T> => {
  const counts = new Map<string, RuleCounts>();
  const count = (rule: string) => {
    const entry = counts.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(rule, entry);
    return entry;
  };
  const unscored = new Map<string, number>();
  const seen = new Map<string, T>();
  const conflicts: LabelConflict<T>[] = [];
  const disagreements: Disagreement<T>[] = [];
  let compliant = 0;
  let falseAlarms = 0;
  for (const example of examples) {
    const key = textKey(example);
    const first = seen.get(key);
    if (first) {
      if (labelKey(first.rules) !== labelKey(example.rules)) conflicts.push({ example, first });
      continue;
    }
    seen.set(key, example);
    const found = [...new Set(judge(example))];
    const labelled = new Set(example.rules);
    for (const rule of labelled) if (!scored.has(rule)) unscored.set(rule, (unscored.get(rule) ?? 0) + 1);
    const expected = [...labelled].filter((rule) => scored.has(rule));
    const missed = expected.filter((rule) => !found.includes(rule));
    const extra = found.filter((rule) => !labelled.has(rule));
    for (const rule of expected) count(rule)[missed.includes(rule) ? 'fn' : 'tp']++;
    for (const rule of extra) count(rule).fp++;
    if (labelled.size === 0) {
      compliant++;
      if (found.length > 0) falseAlarms++;
    }
    if (missed.length > 0 || extra.length > 0) disagreements.push({ example, found, missed, extra });
  }
  const total: RuleCounts = { tp: 0, fp: 0, fn: 0 };
  for (const entry of counts.values()) {
    total.tp += entry.tp;
    total.fp += entry.fp;
    total.fn += entry.fn;
  }
  return {
    examples: seen.size,
    compliant,
    falseAlarms,
    falseAlarmRate: ratio(falseAlarms, compliant),
    rules: [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, entry]) => ({ rule, support: entry.tp + entry.fn, ...scores(entry) })),
    micro: scores(total),
    disagreements,
    conflicts,
    unscored: [...unscored]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, entry]) => ({ rule, count: entry })),
  };
};
