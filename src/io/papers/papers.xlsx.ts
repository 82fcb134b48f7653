import ExcelJS from 'exceljs';
import type { ParsedQuestion } from '../../domain/importer/index.js';
import type { Issue } from '../../domain/shared/index.js';
import { answerCell, readTypeName, rowQuestion, templateColumns, typeNames } from './papers.template.js';

const headerRow = (): string[] => [
  templateColumns.type,
  templateColumns.stem,
  ...templateColumns.options,
  templateColumns.answer,
  templateColumns.points,
  templateColumns.explanation,
];

/** Writes questions into the import template (one sheet `题库`, header on row 1). */
export const writeQuestionsXlsx = async (questions: ParsedQuestion[]): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow(headerRow());
  sheet.getRow(1).font = { bold: true };
  for (const question of questions) {
    const options = templateColumns.options.map((_, index) => question.options[index] ?? '');
    sheet.addRow([
      typeNames[question.type][0],
      question.stem,
      ...options,
      answerCell(question.answer),
      question.points ?? '',
      question.explanation ?? '',
    ]);
  }
  sheet.getColumn(2).width = 60;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
};

const findColumns = (header: string[]) => {
  const at = (names: string[]) => header.findIndex((cell) => names.includes(cell.trim()));
  return {
    type: at([templateColumns.type, 'type']),
    stem: at([templateColumns.stem, 'stem']),
    options: templateColumns.options.map((name, index) => at([name, String.fromCharCode(65 + index)])),
    answer: at([templateColumns.answer, 'answer']),
    points: at([templateColumns.points, 'points']),
    explanation: at([templateColumns.explanation, 'explanation']),
  };
};

/**
 * Reads questions from the template (first sheet; header names find the columns, so extra or
 * reordered columns are fine). Rows it cannot read are reported with their row number.
 */
export const readQuestionsXlsx = async (
  bytes: Uint8Array,
): Promise<{ questions: ParsedQuestion[]; issues: Issue[] }> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      questions: [],
      issues: [
        { code: 'papers.xlsx_unreadable', message: `无法打开 Excel 文件: ${reason}`, severity: 'error' },
      ],
    };
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: row.cellCount }, (_, index) =>
      cellText(row.getCell(index + 1).value),
    );
  });
  const columns = findColumns(rows[0] ?? []);
  if (columns.type < 0 || columns.stem < 0) {
    const message = `第 1 行缺少必需的列「${templateColumns.type}」和「${templateColumns.stem}」`;
    return {
      questions: [],
      issues: [{ code: 'papers.xlsx_missing_column', message, severity: 'error', at: { line: 1 } }],
    };
  }
  const questions: ParsedQuestion[] = [];
  const issues: Issue[] = [];
  rows.forEach((cells = [], index) => {
    const line = index + 1;
    if (index === 0 || cells.every((cell) => cell.trim() === '')) return;
    const get = (column: number) => (column < 0 ? '' : (cells[column] ?? '').trim());
    const type = readTypeName(get(columns.type));
    if (!type) {
      const message = `第 ${line} 行题型「${get(columns.type)}」无法识别(可用: 单选题 多选题 判断题 填空题 问答题)`;
      issues.push({
        code: 'papers.xlsx_unknown_type',
        message,
        severity: 'warning',
        at: { line, field: templateColumns.type },
      });
      return;
    }
    const points = Number(get(columns.points));
    const options = columns.options.map(get).filter((text) => text !== '');
    const fields = {
      type,
      stem: get(columns.stem),
      options,
      answer: get(columns.answer),
      explanation: get(columns.explanation),
    };
    questions.push(
      rowQuestion(
        get(columns.points) !== '' && Number.isFinite(points) ? { ...fields, points } : fields,
        line,
      ),
    );
  });
  return { questions, issues };
};
