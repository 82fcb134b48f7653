import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ParsedQuestion } from '../domain/importer/index.js';
import { formatLocation, type Issue } from '../domain/shared/index.js';
import {
  answerCell,
  type PaperFormat,
  paperFormats,
  type ReadPaper,
  readPaperFile,
  writeAiken,
  writeGift,
  writeQuestionsXlsx,
} from '../io/papers/index.js';
import type { CommandRegistration } from './cli.js';
import { CliError, type CliIo } from './cli.io.js';

const typeLabels: Record<ParsedQuestion['type'], string> = {
  single: '单选',
  multiple: '多选',
  true_false: '判断',
  fill_blank: '填空',
  short_answer: '问答',
};

/** The public JSON shape of a parsed question (the paper's own number and case grouping stay internal; the
 * grouping is reported as an importer.case_material issue). */
const publicQuestion = ({ number: _number, case: _case, ...question }: ParsedQuestion) => question;

const readOrFail = async (file: string, format: PaperFormat | undefined): Promise<ReadPaper> => {
  if (format !== undefined && !paperFormats.includes(format)) {
    throw new CliError(`unknown input format "${format}" (use ${paperFormats.join(', ')})`, 2);
  }
  try {
    return await readPaperFile({ path: file, ...(format ? { format } : {}) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot read ${file}: ${reason}`);
  }
};

const printIssues = (io: CliIo, issues: Issue[]) => {
  for (const issue of issues) {
    io.stderr(`${formatLocation(issue.at)}  ${issue.severity}  ${issue.code}  ${issue.message}\n`);
  }
};

const clip = (text: string, width: number) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

const printTable = (io: CliIo, questions: ParsedQuestion[]) => {
  io.stdout('#\t行\t题型\t答案\t标记\t题干\n');
  questions.forEach((question, index) => {
    const lines = question.lines[0] === question.lines[1] ? `${question.lines[0]}` : question.lines.join('-');
    const answer = clip(answerCell(question.answer), 16) || '-';
    const flags = question.flags.join(',') || '-';
    io.stdout(
      `${index + 1}\t${lines}\t${typeLabels[question.type]}\t${answer}\t${flags}\t${clip(question.stem, 40)}\n`,
    );
  });
  const flagged = questions.filter((question) => question.flags.length > 0).length;
  io.stdout(`共 ${questions.length} 题,${flagged} 题需要人工核对\n`);
};

type ParseOptions = { format: string; withIssues?: boolean; input?: PaperFormat };

const parseAction = (io: CliIo) => async (file: string, options: ParseOptions) => {
  if (options.format !== 'json' && options.format !== 'table') {
    throw new CliError(`unknown --format "${options.format}" (use json or table)`, 2);
  }
  const paper = await readOrFail(file, options.input);
  const questions = paper.questions.map(publicQuestion);
  if (options.format === 'table') printTable(io, paper.questions);
  else if (options.withIssues) io.stdout(`${JSON.stringify({ questions, issues: paper.issues }, null, 2)}\n`);
  else io.stdout(`${JSON.stringify(questions, null, 2)}\n`);
  if (!(options.format === 'json' && options.withIssues)) printIssues(io, paper.issues);
};

type ConvertOptions = { to: string; out: string; input?: PaperFormat };

const convertAction = (io: CliIo) => async (file: string, options: ConvertOptions) => {
  if (!['gift', 'aiken', 'xlsx'].includes(options.to)) {
    throw new CliError(`unknown --to "${options.to}" (use gift, aiken or xlsx)`, 2);
  }
  const paper = await readOrFail(file, options.input);
  const written =
    options.to === 'xlsx'
      ? { bytes: await writeQuestionsXlsx(paper.questions), issues: [] }
      : (() => {
          const output = options.to === 'gift' ? writeGift(paper.questions) : writeAiken(paper.questions);
          return { bytes: new TextEncoder().encode(output.text), issues: output.issues };
        })();
  try {
    await writeFile(options.out, written.bytes);
  } catch (error) {
    throw new CliError(
      `cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  printIssues(io, [...paper.issues, ...written.issues]);
  io.stdout(`${paper.questions.length} 题 → ${options.out} (${options.to})\n`);
};

/** `kefu questions parse|convert`: smart import of exam papers (.txt .docx .xlsx .gift .aiken). */
export const registerQuestionsCommand: CommandRegistration = (program: Command, io: CliIo) => {
  const questions = program
    .command('questions')
    .description('题库导入: 解析试卷文本/Word/Excel,转换为 GIFT/Aiken/Excel');
  questions
    .command('parse')
    .description(
      'parse a paper into questions; unsure questions are flagged, unread text is reported on stderr',
    )
    .argument('<file>', 'paper: .txt (UTF-8 or GBK), .docx, .xlsx (template), .gift, .aiken')
    .option('--format <format>', 'json or table', 'json')
    .option('--with-issues', 'with --format json: print { questions, issues } instead of issues on stderr')
    .option('--input <format>', `read the file as ${paperFormats.join('|')} whatever its extension`)
    .action(parseAction(io));
  questions
    .command('convert')
    .description('convert a paper to GIFT, Aiken or the Excel template')
    .argument('<file>', 'paper to read (any format parse reads)')
    .requiredOption('--to <format>', 'gift, aiken or xlsx')
    .requiredOption('--out <file>', 'file to write')
    .option('--input <format>', `read the file as ${paperFormats.join('|')} whatever its extension`)
    .action(convertAction(io));
};
