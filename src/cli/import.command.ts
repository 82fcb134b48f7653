import { AppError, systemClock } from '../app/accounts/index.js';
import { importRecords } from '../app/metrics-store/index.js';
import { formatLocation } from '../domain/shared/index.js';
import { type ImportMode, type RecordKind, recordKinds } from '../io/records/index.js';
import { cliActor, describeAppError, shopIdNamed } from './cli.context.js';
import type { CommandRegistration } from './cli.js';
import { CliError } from './cli.io.js';
import { withMigratedDatabase } from './db.command.js';

type ImportOptions = { mode: string; shop?: string };

const modes: ImportMode[] = ['reject', 'skip'];

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
    .option('--shop <name>', 'put every record in this shop (by name) instead of the shop column')
    .action(async (kind: string, file: string, options: ImportOptions) => {
      if (!(recordKinds as readonly string[]).includes(kind))
        throw new CliError(`kind must be one of ${recordKinds.join(', ')} (got "${kind}")`, 2);
      if (!(modes as string[]).includes(options.mode))
        throw new CliError(`--mode must be reject or skip (got "${options.mode}")`, 2);
      await withMigratedDatabase(async ({ db }) => {
        const actor = await cliActor(db);
        const shopId = await shopIdNamed(db, actor, options.shop);
        const started = performance.now();
        try {
          const job = await importRecords({
            db,
            clock: systemClock,
            actor,
            kind: kind as RecordKind,
            file,
            mode: options.mode as ImportMode,
            ...(shopId ? { shopId } : {}),
            onProgress: (rows) => io.stderr(`已读取 ${rows} 行…\n`),
          });
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
