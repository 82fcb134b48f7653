import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from './check.command.js';
import { registerCreditCommand } from './credit.command.js';
import { CliError, type CliIo, processIo } from './cli.io.js';
import { registerDbCommand } from './db.command.js';
import { registerDemoCommand } from './demo.command.js';
import { registerDemoDataCommand } from './demo-data.command.js';
import { registerExamsCommand } from './exams.command.js';
import { registerImportCommand } from './import.command.js';
import { registerInspectCommand } from './inspect.command.js';
import { registerMetricsCommand } from './metrics.command.js';
import { registerQuestionsCommand } from './questions.command.js';
import { registerServeCommand } from './serve.command.js';
import { registerUserCommand } from './user.command.js';

/** A command module adds itself to the program; one file per command (`<name>.command.ts`). */
export type CommandRegistration = (program: Command, io: CliIo) => void;

// The registry: every `kefu` command, in the order `--help` lists them.
const commands: CommandRegistration[] = [
  registerServeCommand,
  registerDbCommand,
  registerUserCommand,
  registerDemoCommand,
  registerCheckCommand,
  registerMetricsCommand,
  registerDemoDataCommand,
  registerImportCommand,
  registerCreditCommand,
  registerInspectCommand,
  registerQuestionsCommand,
  registerExamsCommand,
];

/** Builds the `kefu` program; exported so tests can inspect `--help`. */
export const buildProgram = ({ io }: { io: CliIo }): Command => {
  const program = new Command('kefu')
    .description('Kefu 客服训练 · 考试 · 质检 · 绩效 · 考核')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  for (const register of commands) register(program, io);
  return program;
};

/**
 * Runs `kefu` with `argv` (without the node and script paths) and returns the exit code:
 * 0 success, 1 a reported error (message on stderr), 2 a usage error.
 */
export const runCli = async ({ argv, io = processIo }: { argv: string[]; io?: CliIo }): Promise<number> => {
  const program = buildProgram({ io });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.stderr(`kefu: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
};
