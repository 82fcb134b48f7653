import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { AppError, systemClock } from '../app/accounts/index.js';
import { type HeaderMapping, importRecords } from '../app/metrics-store/index.js';
import { formatLocation } from '../domain/shared/index.js';
import { type ImportMode, type RecordKind, recordKinds } from '../io/records/index.js';
import { cliActor, describeAppError, shopIdNamed } from './cli.context.js';
import type { CommandRegistration } from './cli.js';
import { CliError, processIo } from './cli.io.js';
import { withMigratedDatabase } from './db.command.js';
import { progressPrinter } from './import.progress.js';

type ImportOptions = {
  mode: string;
  shop?: string;
  mapping?: string;
  mappingFile?: string;
  savePreset?: boolean;
  progressEvery: string;
};

const modes: ImportMode[] = ['reject', 'skip'];

/** The file as a byte stream with its size, so progress is a share of it; a missing file is left to the reader's message. */
const openFile = async (file: string) => {
  const size = await stat(file).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
  if (size === undefined) return {};
  return { source: createReadStream(file, { highWaterMark: 1 << 18 }), bytesTotal: size };
};

const progressSeconds = (text: string) => {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new CliError(`--progress-every 应为秒数，例如 5（得到「${text}」）`, 2);
  return seconds;
};

/**
 * `会话时间=time,客服昵称=agent,会话=-` → header → field (a header may itself hold `=`: the last one
 * splits). `-` is （不导入）, the API's "": an empty field after `=` is refused as a likely typo.
 */
const parseMapping = (text: string): HeaderMapping => {
  const mapping: HeaderMapping = {};
  for (const entry of text.split(',')) {
    const at = entry.lastIndexOf('=');
    const header = entry.slice(0, at).trim();
    const field = entry.slice(at + 1).trim();
    if (at === -1 || !header || !field)
      throw new CliError(
        `--mapping：「${entry}」应写成 表头=字段（表头=- 表示不导入），例如 会话时间=time`,
        2,
      );
    mapping[header] = field === '-' ? '' : field;
  }
  return mapping;
};

/** A JSON object { "表头": "字段" } ("" = 不导入), the API's form of `--mapping`. */
const readMappingFile = async (file: string): Promise<HeaderMapping> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`--mapping-file ${file}：无法读取为 JSON（${(error as Error).message}）`, 2);
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((field) => typeof field === 'string');
  if (!valid) throw new CliError(`--mapping-file ${file}：应为 { "表头": "字段" } 形式的 JSON 对象`, 2);
  return parsed as HeaderMapping;
};

const mappingOf = async (options: ImportOptions): Promise<HeaderMapping | undefined> => {
  if (options.mapping !== undefined && options.mappingFile !== undefined)
    throw new CliError('--mapping 与 --mapping-file 只能用一个', 2);
  if (options.savePreset && options.shop === undefined)
    throw new CliError('--save-preset 需要 --shop：预设按店铺保存', 2);
  if (options.mapping !== undefined) return parseMapping(options.mapping);
  if (options.mappingFile !== undefined) return readMappingFile(options.mappingFile);
  return undefined;
};

/**
 * `kefu import messages|orders|ratings|tickets FILE`: stores KPI records in the configured
 * database (DATABASE_URL, or PGlite in KEFU_DATA_DIR). Re-importing a file adds nothing twice.
 */
export const registerImportCommand: CommandRegistration = (program, io) => {
  program
    .command('import')
    .description(
      'Import chat messages, orders, ratings or JD tickets (CSV/TSV, XLSX, JSONL) into the database',
    )
    .argument('<kind>', `one of ${recordKinds.join(', ')}`)
    .argument('<file>', 'the export file')
    .option(
      '--mode <mode>',
      'reject: any bad row stops the import; skip: bad rows are reported and left out',
      'reject',
    )
    .option(
      '--shop <name>',
      "put every record in this shop (by name) instead of the shop column; without a mapping, the shop's saved preset maps the columns",
    )
    .option(
      '--mapping <pairs>',
      'column mapping as header=field pairs, e.g. "会话时间=time,客服昵称=agent"; header=- is 不导入: that header is not imported and the field it names gets no column',
    )
    .option(
      '--mapping-file <file>',
      'column mapping as a JSON object { "header": "field" }; "" as the field is 不导入',
    )
    .option('--save-preset', "save the mapping as the shop's preset for this kind once the import is done")
    .option(
      '--progress-every <seconds>',
      'when stderr is not a terminal, write a progress line this often (a terminal gets one line redrawn in place)',
      '5',
    )
    .action(async (kind: string, file: string, options: ImportOptions) => {
      if (!(recordKinds as readonly string[]).includes(kind))
        throw new CliError(`kind must be one of ${recordKinds.join(', ')} (got "${kind}")`, 2);
      if (!(modes as string[]).includes(options.mode))
        throw new CliError(`--mode must be reject or skip (got "${options.mode}")`, 2);
      const mapping = await mappingOf(options);
      const everyMs = progressSeconds(options.progressEvery) * 1000;
      await withMigratedDatabase(async ({ db }) => {
        const actor = await cliActor(db);
        const shopId = await shopIdNamed(db, actor, options.shop);
        const opened = await openFile(file);
        const progress = progressPrinter({
          write: io.stderr,
          tty: io === processIo && process.stderr.isTTY === true,
          everyMs,
          bytesTotal: opened.bytesTotal,
        });
        const started = performance.now();
        try {
          const job = await importRecords({
            ...opened,
            db,
            clock: systemClock,
            actor,
            kind: kind as RecordKind,
            file,
            mode: options.mode as ImportMode,
            ...(shopId ? { shopId } : {}),
            ...(mapping ? { mapping, savePreset: options.savePreset === true } : {}),
            onProgress: (_rows, read) => progress.report(read),
          }).finally(progress.end);
          for (const issue of job.issues) io.stderr(`${formatLocation(issue.at)}: ${issue.message}\n`);
          if (job.errorCount > job.issues.length)
            io.stderr(`…另有 ${job.errorCount - job.issues.length} 个问题未列出\n`);
          if (job.status === 'rejected')
            throw new CliError(
              `${file}: ${job.errorCount} 个错误，未导入任何记录（可用 --mode skip 跳过错误行）`,
            );
          const seconds = (performance.now() - started) / 1000;
          io.stdout(
            `导入完成：读取 ${job.rowsRead} 行，新增或更新 ${job.rowsInserted} 条，跳过 ${job.rowsRejected} 行` +
              `（${seconds.toFixed(1)} 秒，${Math.round(job.rowsRead / Math.max(seconds, 0.001))} 行/秒）\n`,
          );
        } catch (error) {
          if (error instanceof AppError) throw new CliError(describeAppError(error));
          throw error;
        }
      });
    });
};
