import { systemClock } from '../app/accounts/index.js';
import { type ExamResults, getExamResults, listExams, sweepOverdueAttempts } from '../app/exams/index.js';
import { csvLine } from '../io/csv/index.js';
import type { CommandRegistration } from './cli.js';
import { CliError, type CliIo } from './cli.io.js';
import { withMigratedDatabase } from './db.command.js';
import { asOwner } from './cli.context.js';

const formats = ['table', 'json', 'csv'] as const;
type Format = (typeof formats)[number];

const percent = (ratio: number | null) => (ratio === null ? '-' : `${Math.round(ratio * 100)}%`);
const orDash = (value: string | number | boolean | null) => (value === null ? '-' : String(value));

const resultRows = (results: ExamResults) =>
  results.candidates.map((candidate) => [
    candidate.login,
    candidate.displayName,
    candidate.team ?? '',
    String(candidate.attempts),
    orDash(candidate.best),
    candidate.passed === null ? '' : candidate.passed ? 'yes' : 'no',
    candidate.submittedAt ?? '',
    String(candidate.blurCount),
    candidate.status,
  ]);

const resultHeader = [
  'login',
  'name',
  'team',
  'attempts',
  'best',
  'passed',
  'submitted_at',
  'blur_count',
  'status',
];

const printResults = (io: CliIo, results: ExamResults, format: Format) => {
  if (format === 'json') {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  if (format === 'csv') {
    // A byte-order mark, so Excel opens the Chinese names as UTF-8.
    io.stdout(`\uFEFF${csvLine(resultHeader)}`);
    for (const row of resultRows(results)) io.stdout(csvLine(row));
    return;
  }
  io.stdout(
    `${results.exam.title}  通过率 ${percent(results.passRate)}  平均分 ${orDash(results.averageScore)}\n`,
  );
  io.stdout(`${resultHeader.join('\t')}\n`);
  for (const row of resultRows(results)) io.stdout(`${row.join('\t')}\n`);
};

/** `kefu exams list|results|sweep`: exam sittings, their results, and submitting overdue attempts. */
export const registerExamsCommand: CommandRegistration = (program, io) => {
  const exams = program
    .command('exams')
    .description('考试: list exams, print results, submit overdue attempts');
  exams
    .command('list')
    .description('List the exams with their window and progress')
    .action(async () => {
      const list = await asOwner((deps) => listExams({ ...deps, clock: systemClock }));
      io.stdout('id\ttitle\topens_at\tcloses_at\tassigned\tstarted\tsubmitted\tpassed\tpass_rate\n');
      for (const exam of list)
        io.stdout(
          `${[exam.id, exam.title, exam.opensAt, exam.closesAt, exam.assigned, exam.started, exam.submitted, exam.passed, percent(exam.passRate)].join('\t')}\n`,
        );
    });
  exams
    .command('results')
    .description("Print one exam's candidates with their best score, pass and tab switches")
    .argument('<examId>', 'the exam id (see kefu exams list)')
    .option('--format <format>', formats.join(', '), 'table')
    .action(async (examId: string, options: { format: string }) => {
      const format = options.format as Format;
      if (!formats.includes(format))
        throw new CliError(`--format must be one of ${formats.join(', ')} (got "${options.format}")`, 2);
      if (!/^[0-9a-f-]{36}$/i.test(examId)) throw new CliError(`"${examId}" is not an exam id (a UUID)`, 2);
      printResults(
        io,
        await asOwner((deps) => getExamResults({ ...deps, clock: systemClock, examId })),
        format,
      );
    });
  exams
    .command('sweep')
    .description(
      'Submit every attempt whose time is up now (the server does this every KEFU_EXAM_SWEEP_SECONDS)',
    )
    .action(async () => {
      const { finalised } = await withMigratedDatabase(({ db }) =>
        sweepOverdueAttempts({ db, clock: systemClock }),
      );
      io.stdout(`已自动交卷 ${finalised} 份超时答卷\n`);
    });
};
