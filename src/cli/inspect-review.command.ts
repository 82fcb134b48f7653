import { type Command, Option } from 'commander';
import { systemClock } from '../app/accounts/index.js';
import {
  archiveScoreSheet,
  confirmFinding,
  dismissFinding,
  drawSamples,
  inspectionScores,
  listInspectionFindings,
  listInspectionSamples,
  listInspectionSheets,
  scoreInspectionSample,
  scoreSheetHistory,
} from '../app/inspection/index.js';
import { type FindingStatus, findingStatuses } from '../domain/inspection/index.js';
import { csvLine } from '../io/csv/index.js';
import { textTable } from '../io/metrics/index.js';
import { asOwner, shopIdNamed } from './cli.context.js';
import { CliError, type CliIo } from './cli.io.js';

// The 质检 workbench's review and 抽检 from the command line, for scripts and for supervisors who
// prefer a terminal: list and review findings, QA scores per agent, score sheets, draw and score
// samples. The same use-cases as the browser, run as the installation's owner and audited.

type Format = 'table' | 'csv' | 'json';
type Period = { from: string; to: string; shop?: string };

const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table');

const print = (
  io: CliIo,
  format: Format,
  key: string,
  header: string[],
  rows: unknown[][],
  items: unknown,
) => {
  if (format === 'json') return io.stdout(`${JSON.stringify({ [key]: items }, null, 2)}\n`);
  if (format === 'csv')
    return io.stdout(
      [header, ...rows].map((row) => `${csvLine(row.map((cell) => String(cell ?? '')))}\n`).join(''),
    );
  io.stdout(rows.length === 0 ? '（无）\n' : textTable(header, rows));
};

const positive = (text: string, what: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new CliError(`${what} must be a whole number ≥ 1, got "${text}"`, 2);
  return value;
};

const addFindingCommands = (inspect: Command, io: CliIo) => {
  inspect
    .command('findings')
    .description('List findings (newest first) with their review status')
    .option('--from <day>', 'first day, YYYY-MM-DD')
    .option('--to <day>', 'last day, YYYY-MM-DD, included')
    .addOption(new Option('--status <status>', 'only this review status').choices([...findingStatuses]))
    .option('--rule <id>', 'only this rule, e.g. offsite_contact')
    .option('--agent <sub-account>', 'only this sub-account, e.g. 旗舰店:小美')
    .option('--shop <name>', 'only this shop')
    .option('--limit <n>', 'at most this many', '50')
    .addOption(formatOption())
    .action(
      (
        options: Partial<Period> & {
          status?: FindingStatus;
          rule?: string;
          agent?: string;
          limit: string;
          format: Format;
        },
      ) =>
        asOwner(async ({ db, actor }) => {
          const { findings, total } = await listInspectionFindings({
            db,
            actor,
            query: {
              from: options.from,
              to: options.to,
              status: options.status,
              ruleId: options.rule,
              agent: options.agent,
              shopId: await shopIdNamed(db, actor, options.shop),
              limit: positive(options.limit, '--limit'),
              offset: 0,
            },
          });
          const rows = findings.map((one) => [
            one.id,
            one.day,
            one.agent,
            one.ruleId,
            one.points,
            one.status,
            one.evidence,
          ]);
          print(
            io,
            options.format,
            'findings',
            ['id', '日期', '客服', '规则', '扣分', '状态', '证据'],
            rows,
            findings,
          );
          if (options.format === 'table' && total > findings.length)
            io.stdout(`共 ${total} 条，显示前 ${findings.length} 条（--limit）\n`);
        }),
    );
  inspect
    .command('confirm')
    .description('Confirm a finding: it counts against the agent (audited)')
    .argument('<id>', 'the finding id (kefu inspect findings)')
    .option('--note <text>', 'a note for the agent')
    .action((id: string, options: { note?: string }) =>
      asOwner(async ({ db, actor }) => {
        const finding = await confirmFinding({ db, clock: systemClock, actor, id, note: options.note });
        io.stdout(`已确认：${finding.agent} ${finding.ruleId}（扣 ${finding.points} 分）\n`);
      }),
    );
  inspect
    .command('dismiss')
    .description('Dismiss a finding as a false alarm (误报), with the reason (audited)')
    .argument('<id>', 'the finding id (kefu inspect findings)')
    .requiredOption('--reason <text>', 'why it is not a violation')
    .action((id: string, options: { reason: string }) =>
      asOwner(async ({ db, actor }) => {
        const finding = await dismissFinding({ db, clock: systemClock, actor, id, reason: options.reason });
        io.stdout(`已判为误报：${finding.agent} ${finding.ruleId}\n`);
      }),
    );
};

const addScoreCommands = (inspect: Command, io: CliIo) => {
  inspect
    .command('scores')
    .description('QA score per agent for a period (质检得分: 100 − confirmed deductions, 抽检 average)')
    .requiredOption('--from <day>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <day>', 'last day, YYYY-MM-DD, included')
    .option('--shop <name>', 'only this shop')
    .addOption(formatOption())
    .action((options: Period & { format: Format }) =>
      asOwner(async ({ db, actor }) => {
        const { agents } = await inspectionScores({
          db,
          actor,
          from: options.from,
          to: options.to,
          shopId: await shopIdNamed(db, actor, options.shop),
        });
        const rows = agents.map((one) => [
          one.agent,
          one.displayName ?? '',
          one.findings,
          one.confirmed,
          one.deductions,
          one.sampled,
          one.sampleAverage,
          one.qaScore,
        ]);
        const header = ['客服', '姓名', '问题', '成立', '扣分', '抽检', '抽检均分%', '质检得分'];
        print(io, options.format, 'agents', header, rows, agents);
      }),
    );
  inspect
    .command('sheets')
    .description('List the score sheets (质检评分表) with their items and use')
    .addOption(formatOption())
    .action((options: { format: Format }) =>
      asOwner(async ({ db, actor }) => {
        const { sheets } = await listInspectionSheets({ db, actor });
        const rows = sheets.map((one) => [
          one.id,
          one.title,
          one.version,
          one.maxTotal,
          one.items.map((item) => `${item.label}(${item.points})`).join(' '),
          `${one.scored}/${one.samples}`,
          one.archivedAt === null ? '' : '已归档',
        ]);
        const header = ['id', '评分表', '版本', '满分', '评分项', '已评/抽取', '状态'];
        print(io, options.format, 'sheets', header, rows, sheets);
      }),
    );
  addSheetHistoryCommands(inspect, io);
};

const addSheetHistoryCommands = (inspect: Command, io: CliIo) => {
  inspect
    .command('sheet-history')
    .description('Every saved version of a score sheet, with the samples scored on each')
    .argument('<id>', 'the score sheet id (kefu inspect sheets)')
    .addOption(formatOption())
    .action((id: string, options: { format: Format }) =>
      asOwner(async ({ db, actor }) => {
        const { versions } = await scoreSheetHistory({ db, actor, id });
        const rows = versions.map((one) => [
          one.version,
          one.title,
          one.items.map((item) => `${item.label}(${item.points})`).join(' '),
          one.savedAt,
          one.savedBy ?? '',
          one.scored,
        ]);
        const header = ['版本', '评分表', '评分项', '保存时间', '保存人', '已评'];
        print(io, options.format, 'versions', header, rows, versions);
      }),
    );
  inspect
    .command('archive')
    .description('Archive a score sheet: no new 抽检 draws with it, its samples stay (audited)')
    .argument('<id>', 'the score sheet id (kefu inspect sheets)')
    .option('--restore', 'bring an archived sheet back')
    .action((id: string, options: { restore?: boolean }) =>
      asOwner(async ({ db, actor }) => {
        const archived = !options.restore;
        const sheet = await archiveScoreSheet({ db, clock: systemClock, actor, id, archived });
        io.stdout(`${archived ? '已归档' : '已恢复'}：${sheet.title}\n`);
      }),
    );
};

const addSampleCommands = (inspect: Command, io: CliIo) => {
  inspect
    .command('sample')
    .description(
      'Draw conversations per agent at random for 抽检 (seeded: the same draw again gives the same)',
    )
    .requiredOption('--sheet <id>', 'the score sheet id (kefu inspect sheets)')
    .requiredOption('--from <day>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <day>', 'last day, YYYY-MM-DD, included')
    .option('--per-agent <n>', 'conversations per agent', '3')
    .option('--shop <name>', 'only this shop')
    .option('--seed <n>', 'the random seed (default: derived from the period, shop and sheet)')
    .addOption(formatOption())
    .action((options: Period & { sheet: string; perAgent: string; seed?: string; format: Format }) =>
      asOwner(async ({ db, actor }) => {
        const { seed, samples } = await drawSamples({
          db,
          clock: systemClock,
          actor,
          sheetId: options.sheet,
          from: options.from,
          to: options.to,
          perAgent: positive(options.perAgent, '--per-agent'),
          shopId: await shopIdNamed(db, actor, options.shop),
          seed: options.seed === undefined ? undefined : positive(options.seed, '--seed'),
        });
        printSamples(io, options.format, samples);
        if (options.format === 'table') io.stdout(`抽取 ${samples.length} 个会话（种子 ${seed}）\n`);
      }),
    );
  inspect
    .command('samples')
    .description('List the samples drawn for a period, scored or not')
    .requiredOption('--from <day>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <day>', 'last day, YYYY-MM-DD, included')
    .addOption(formatOption())
    .action((options: Period & { format: Format }) =>
      asOwner(async ({ db, actor }) => {
        const { samples } = await listInspectionSamples({ db, actor, from: options.from, to: options.to });
        printSamples(io, options.format, samples);
      }),
    );
  inspect
    .command('score')
    .description('Score a sample: one score per sheet item, in the sheet order (audited)')
    .argument('<id>', 'the sample id (kefu inspect samples)')
    .requiredOption('--scores <list>', 'comma-separated, e.g. 10,8,15')
    .option('--comment <text>', 'the reviewer comment')
    .action((id: string, options: { scores: string; comment?: string }) =>
      asOwner(async ({ db, actor }) => {
        const scores = options.scores.split(',').map((part) => Number(part.trim()));
        if (scores.some((score) => !Number.isFinite(score)))
          throw new CliError(`--scores must be numbers separated by commas, got "${options.scores}"`, 2);
        const sample = await scoreInspectionSample({
          db,
          clock: systemClock,
          actor,
          id,
          scores,
          comment: options.comment,
        });
        io.stdout(`已评分：${sample.agent} ${sample.conversation} 共 ${sample.total} 分\n`);
      }),
    );
};

const printSamples = (
  io: CliIo,
  format: Format,
  samples: Awaited<ReturnType<typeof listInspectionSamples>>['samples'],
) =>
  print(
    io,
    format,
    'samples',
    ['id', '日期', '店铺', '客服', '会话', '得分'],
    samples.map((one) => [one.id, one.day, one.shopName, one.agent, one.conversation, one.total ?? '未评']),
    samples,
  );

/** `kefu inspect findings|confirm|dismiss|scores|sheets|sheet-history|archive|sample|samples|score`. */
export const addInspectReviewCommands = (inspect: Command, io: CliIo) => {
  addFindingCommands(inspect, io);
  addScoreCommands(inspect, io);
  addSampleCommands(inspect, io);
};
