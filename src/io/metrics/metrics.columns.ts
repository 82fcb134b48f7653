import type {
  MetricsReport,
  MetricsRow,
  PlatformAssessment,
  ShopValues,
} from '../../domain/metrics/index.js';

/** The metric keys of a JSON row, exactly and in this order. */
export const metricKeys = [
  'consulted',
  'served',
  'replyRate',
  'unanswered',
  'avgResponseSec',
  'medianResponseSec',
  'p90ResponseSec',
  'firstResponseSec',
  'slowTurns',
  'inquiries',
  'inquiriesOrdered',
  'inquiriesPaid',
  'conversion',
  'sales',
  'buyers',
  'aov',
  'itemsPerBuyer',
  'assists',
  'followUps',
  'lostInquiries',
  'refundAmount',
  'satisfaction',
  'pddReply30sRate',
  'pddAvgResponseSec',
  'dyFirstReply2mRate',
  'dyReply3mRate',
] as const;

/** Metrics beyond the documented JSON keys, written as extra CSV and XLSX columns. */
export const extraMetricKeys = ['slowReceptions', 'longReceptions', 'refundRate', 'tbReply3mRate'] as const;

/** The shop-level keys of the JSON `shop` object, exactly. */
export const shopKeys = ['silentSales', 'silentBuyers', 'silentAov', 'advertisers'] as const;

type Cell = string | number | boolean | null;
export type JsonRow = Record<string, unknown>;

const labelsOf = (row: MetricsRow): JsonRow => {
  const labels: JsonRow = { shop: row.shop };
  if (row.agent !== undefined) labels.agent = row.agent;
  if (row.team !== undefined) labels.team = row.team;
  if (row.day !== undefined) labels.day = row.day;
  labels.provisional = row.provisional;
  return labels;
};

export const jsonRow = (row: MetricsRow): JsonRow => {
  const out = labelsOf(row);
  for (const key of metricKeys) out[key] = row[key];
  return out;
};

export const jsonShop = (shop: ShopValues): JsonRow =>
  Object.fromEntries(shopKeys.map((key) => [key, shop[key]]));

/** `{ rows, shop }` with exactly the documented keys. */
export const jsonReport = (report: MetricsReport): { rows: JsonRow[]; shop: JsonRow } => ({
  rows: report.rows.map(jsonRow),
  shop: jsonShop(report.shop),
});

/** Flat columns for CSV and XLSX: assists split into six columns, plus the uncapped mean. */
export const flatColumns = (report: MetricsReport): string[] => {
  const first = report.rows[0];
  const labels = first ? Object.keys(labelsOf(first)) : ['shop'];
  const metrics = metricKeys.flatMap((key) =>
    key === 'assists'
      ? [
          'assistOrderCount',
          'assistOrderAmount',
          'assistPaymentCount',
          'assistPaymentAmount',
          'assistFollowUpCount',
          'assistFollowUpAmount',
        ]
      : key === 'avgResponseSec'
        ? ['avgResponseSec', 'avgResponseUncappedSec']
        : [key],
  );
  return [...labels, ...metrics, ...extraMetricKeys];
};

export const flatRow = (row: MetricsRow): Record<string, Cell> => {
  const { assists } = row;
  const flat: Record<string, Cell> = {
    ...(labelsOf(row) as Record<string, Cell>),
    avgResponseUncappedSec: row.avgResponseUncappedSec,
    assistOrderCount: assists.order.count,
    assistOrderAmount: assists.order.amount,
    assistPaymentCount: assists.payment.count,
    assistPaymentAmount: assists.payment.amount,
    assistFollowUpCount: assists.followUp.count,
    assistFollowUpAmount: assists.followUp.amount,
  };
  for (const key of metricKeys) if (key !== 'assists') flat[key] = row[key];
  for (const key of extraMetricKeys) flat[key] = row[key];
  return flat;
};

/**
 * One line per assessed check, for tables and sheets. 口径 tells a platform's rule from a line the
 * shop set itself (店铺目标); values and targets are in the check's unit (a fraction, seconds, 元
 * or items per buyer), and the conclusion is the platform's alone.
 */
export const assessmentLines = (assessments: PlatformAssessment[]): Cell[][] =>
  assessments.flatMap((item) =>
    item.checks.map((check) => [
      item.shop,
      item.platform,
      `${item.from}~${item.to}`,
      check.label,
      check.shopTarget ? '店铺目标' : '平台规则',
      check.value === null ? null : Math.round(check.value * 10_000) / 10_000,
      check.target,
      `${check.numerator}/${check.denominator}`,
      check.passed ? '达标' : '未达标',
      check.toPass ?? '',
      item.score ?? null,
      item.tier?.name ?? (item.passed ? '达标' : '未达标'),
    ]),
  );

export const assessmentHeader = [
  '店铺',
  '平台',
  '考核周期',
  '指标',
  '口径',
  '数值',
  '目标',
  '分子/分母',
  '结果',
  '差距',
  '总分',
  '结论',
];
