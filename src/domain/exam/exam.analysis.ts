// 试题分析 as Moodle's quiz statistics compute it: per question the facility index, the
// standard deviation, the discrimination index (the correlation of the question's mark with the
// rest of the test) and the discriminative efficiency (that correlation against the highest one
// the two mark distributions allow), the option distribution, and Cronbach's α for the paper.

export type AnalysedAttempt = {
  total: number;
  maxTotal: number;
  items: { questionId: string; score: number; maxScore: number; response?: string }[];
};

export type ItemFlag = 'too_easy' | 'too_hard' | 'low_discrimination' | 'negative_discrimination';

export type ItemAnalysis = {
  questionId: string;
  count: number;
  /** Mean mark / maximum, 0–1 (Moodle shows it ×100). */
  facility: number;
  /** Standard deviation of the mark as a fraction of the maximum. */
  sd: number;
  /** ×100; null when either mark never varies. */
  discrimination: number | null;
  /** ×100; null when no better ordering exists to compare with. */
  discriminativeEfficiency: number | null;
  optionDistribution: Record<string, number>;
  flags: ItemFlag[];
};

export type ItemsReport = {
  items: ItemAnalysis[];
  cronbachAlpha: number | null;
  attempts: number;
  /** Under 10 attempts the statistics are too noisy to act on: the UI says so. */
  fewAttempts: boolean;
};

// Moodle's guidance: facility outside 10–90% tells little; discriminative efficiency under 15
// (or a negative discrimination) marks a question that does not separate strong from weak.
const limits = { easy: 0.9, hard: 0.1, efficiency: 15, fewAttempts: 10 };

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

const covariance = (xs: number[], ys: number[]) => {
  const mx = mean(xs);
  const my = mean(ys);
  return xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] as number) - my), 0) / (xs.length - 1);
};

const variance = (values: number[]) => covariance(values, values);

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;

/** corr(item, rest) ×100, and the same covariance against its maximum (both sorted alike) ×100. */
const discriminationOf = (marks: number[], rest: number[]) => {
  if (marks.length < 2) return { discrimination: null, efficiency: null };
  const cov = covariance(marks, rest);
  const spread = Math.sqrt(variance(marks) * variance(rest));
  const best = covariance(
    [...marks].sort((a, b) => a - b),
    [...rest].sort((a, b) => a - b),
  );
  return {
    discrimination: spread > 0 ? round((100 * cov) / spread, 2) : null,
    efficiency: best > 0 ? round((100 * cov) / best, 2) : null,
  };
};

const flagsOf = (facility: number, discrimination: number | null, efficiency: number | null): ItemFlag[] => {
  const flags: ItemFlag[] = [];
  if (facility > limits.easy) flags.push('too_easy');
  if (facility < limits.hard) flags.push('too_hard');
  if (discrimination !== null && discrimination < 0) flags.push('negative_discrimination');
  else if (efficiency !== null && efficiency < limits.efficiency) flags.push('low_discrimination');
  return flags;
};

const analyseItem = (
  questionId: string,
  rows: { mark: number; max: number; rest: number; response?: string }[],
) => {
  const fractions = rows.map((row) => (row.max > 0 ? row.mark / row.max : 0));
  const facility = round(mean(fractions));
  const sd = rows.length > 1 ? round(Math.sqrt(variance(fractions))) : 0;
  const { discrimination, efficiency } = discriminationOf(
    rows.map((row) => row.mark),
    rows.map((row) => row.rest),
  );
  const optionDistribution: Record<string, number> = {};
  for (const row of rows)
    if (row.response !== undefined)
      optionDistribution[row.response] = (optionDistribution[row.response] ?? 0) + 1;
  return {
    questionId,
    count: rows.length,
    facility,
    sd,
    discrimination,
    discriminativeEfficiency: efficiency,
    optionDistribution,
    flags: flagsOf(facility, discrimination, efficiency),
  } satisfies ItemAnalysis;
};

/** Cronbach's α over the questions every attempt sat (k/(k−1)·(1 − Σ item variance / total variance)). */
const cronbachAlpha = (attempts: AnalysedAttempt[]): number | null => {
  if (attempts.length < 2) return null;
  const common = [...new Set(attempts[0]?.items.map((item) => item.questionId))].filter((id) =>
    attempts.every((attempt) => attempt.items.some((item) => item.questionId === id)),
  );
  if (common.length < 2) return null;
  const markOf = (attempt: AnalysedAttempt, id: string) =>
    attempt.items.find((item) => item.questionId === id)?.score ?? 0;
  const itemVariance = common.reduce(
    (sum, id) => sum + variance(attempts.map((attempt) => markOf(attempt, id))),
    0,
  );
  const totalVariance = variance(
    attempts.map((attempt) => common.reduce((sum, id) => sum + markOf(attempt, id), 0)),
  );
  if (totalVariance === 0) return null;
  const k = common.length;
  return round((k / (k - 1)) * (1 - itemVariance / totalVariance));
};

/** Item statistics of an exam's graded attempts (random draws: each question over the attempts that had it). */
export const analyseItems = ({ attempts }: { attempts: AnalysedAttempt[] }): ItemsReport => {
  const byQuestion = new Map<string, { mark: number; max: number; rest: number; response?: string }[]>();
  for (const attempt of attempts) {
    for (const item of attempt.items) {
      const rows = byQuestion.get(item.questionId) ?? [];
      rows.push({
        mark: item.score,
        max: item.maxScore,
        rest: attempt.total - item.score,
        ...(item.response === undefined ? {} : { response: item.response }),
      });
      byQuestion.set(item.questionId, rows);
    }
  }
  return {
    items: [...byQuestion].map(([questionId, rows]) => analyseItem(questionId, rows)),
    cronbachAlpha: cronbachAlpha(attempts),
    attempts: attempts.length,
    fewAttempts: attempts.length < limits.fewAttempts,
  };
};

/** A histogram of scores in `bins` equal bands from 0 to `maxScore` (the last band includes the top). */
export const scoreDistribution = (
  scores: number[],
  maxScore: number,
  bins = 10,
): { from: number; to: number; count: number }[] => {
  const width = maxScore > 0 ? maxScore / bins : 1;
  const counts = Array.from({ length: bins }, () => 0);
  for (const score of scores) {
    const band = Math.min(bins - 1, Math.max(0, Math.floor(score / width)));
    counts[band] = (counts[band] ?? 0) + 1;
  }
  return counts.map((count, band) => ({
    from: round(band * width, 2),
    to: round((band + 1) * width, 2),
    count,
  }));
};
