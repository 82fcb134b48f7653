import { writeFile } from 'node:fs/promises';
import type { MetricsReport, PlatformAssessment } from '../../domain/metrics/index.js';
import { csvLine } from '../csv/index.js';
import { assessmentHeader, assessmentLines, flatColumns, flatRow, jsonReport } from './metrics.columns.js';

export type MetricsFormat = 'table' | 'csv' | 'json' | 'xlsx';
export const metricsFormats: readonly MetricsFormat[] = ['table', 'csv', 'json', 'xlsx'];

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** `{ rows, shop }` (plus `assessments` when asked for). */
export const metricsJson = (report: MetricsReport, assessments?: PlatformAssessment[]): string =>
  `${JSON.stringify(assessments ? { ...jsonReport(report), assessments } : jsonReport(report), null, 2)}\n`;

export const metricsCsv = (report: MetricsReport): string => {
  const columns = flatColumns(report);
  let out = csvLine(columns);
  for (const row of report.rows) {
    const flat = flatRow(row);
    out += csvLine(columns.map((column) => text(flat[column])));
  }
  return out;
};

export const assessmentsCsv = (assessments: PlatformAssessment[]): string =>
  [assessmentHeader, ...assessmentLines(assessments)].map((line) => csvLine(line.map(text))).join('');

/** Terminal width of a string: CJK and full-width characters take two columns. */
const width = (value: string): number => {
  let total = 0;
  for (const char of value)
    total +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1;
  return total;
};

const pad = (value: string, size: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, size - width(value)));
  return right ? fill + value : value + fill;
};

/** An aligned plain-text table; numbers align right. */
export const textTable = (header: string[], lines: unknown[][]): string => {
  const cells = lines.map((line) => line.map(text));
  const sizes = header.map((title, i) =>
    Math.max(width(title), ...cells.map((line) => width(line[i] ?? ''))),
  );
  const format = (line: string[], numeric: boolean[]) =>
    line
      .map((cell, i) => pad(cell, sizes[i] ?? 0, numeric[i] ?? false))
      .join('  ')
      .trimEnd();
  const numeric = header.map(
    (_, i) => lines.length > 0 && lines.every((line) => line[i] === null || typeof line[i] === 'number'),
  );
  return `${[format(header, numeric), ...cells.map((line) => format(line, numeric))].join('\n')}\n`;
};

const tableColumns: [string, (row: MetricsReport['rows'][number]) => unknown][] = [
  ['店铺', (row) => row.shop],
  ['客服/组', (row) => row.agent ?? row.team ?? ''],
  ['日期', (row) => (row.day ? `${row.day}${row.provisional ? '*' : ''}` : row.provisional ? '*' : '')],
  ['咨询', (row) => row.consulted],
  ['接待', (row) => row.served],
  ['回复率', (row) => row.replyRate],
  ['平均响应s', (row) => row.avgResponseSec],
  ['首响s', (row) => row.firstResponseSec],
  ['慢响应', (row) => row.slowTurns],
  ['询单', (row) => row.inquiries],
  ['下单', (row) => row.inquiriesOrdered],
  ['付款', (row) => row.inquiriesPaid],
  ['转化率', (row) => row.conversion],
  ['销售额', (row) => row.sales],
  ['客单价', (row) => row.aov],
  ['协助', (row) => row.assists.order.count + row.assists.payment.count],
  ['满意度', (row) => row.satisfaction],
];

export const metricsTable = (report: MetricsReport, assessments?: PlatformAssessment[]): string => {
  const rows = textTable(
    tableColumns.map(([title]) => title),
    report.rows.map((row) => tableColumns.map(([, cell]) => cell(row))),
  );
  const shop = report.shop;
  const footer = `静默销售 ${shop.silentSales} 元 · 静默买家 ${shop.silentBuyers} · 静默客单价 ${text(shop.silentAov)} · 广告/骚扰买家 ${shop.advertisers}${report.rows.some((row) => row.provisional) ? ' · * 归属窗口未关闭，数据暂定' : ''}\n`;
  const assessed =
    assessments && assessments.length > 0
      ? `\n${textTable(assessmentHeader, assessmentLines(assessments))}`
      : '';
  return rows + footer + assessed;
};

/** Writes an .xlsx workbook: 绩效 (rows), 店铺 (shop totals) and 考核 (assessments). */
export const writeMetricsXlsx = async (
  file: string,
  report: MetricsReport,
  assessments: PlatformAssessment[],
): Promise<void> => {
  // Loaded only when asked for: exceljs costs ~20 MB of memory a large run should not carry.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('绩效');
  const columns = flatColumns(report);
  sheet.addRow(columns);
  for (const row of report.rows) {
    const flat = flatRow(row);
    sheet.addRow(columns.map((column) => flat[column] ?? null));
  }
  const shops = workbook.addWorksheet('店铺');
  const shopColumns = [
    'shop',
    'silentSales',
    'silentBuyers',
    'silentAov',
    'advertisers',
    'paidSales',
    'creditedSales',
    'uncreditedSales',
  ] as const;
  shops.addRow([...shopColumns]);
  for (const shop of report.shops) shops.addRow(shopColumns.map((column) => shop[column]));
  if (assessments.length > 0) {
    const sheetOf = workbook.addWorksheet('考核');
    sheetOf.addRow(assessmentHeader);
    for (const line of assessmentLines(assessments)) sheetOf.addRow(line);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  await writeFile(file, new Uint8Array(buffer as ArrayBuffer));
};
