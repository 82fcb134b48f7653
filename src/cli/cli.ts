import { Command, CommanderError } from 'commander';
import { CliError, type CliIo, processIo } from './cli.io.js';

/** A command module adds itself to the program; one file per command (`<name>.command.ts`). */
export type CommandRegistration = (program: Command, io: CliIo) => void;

type CommandModule = { names: string[]; load: () => Promise<CommandRegistration> };

// The registry: every `kefu` command, in the order `--help` lists them. Modules are loaded on
// demand: `kefu metrics` need not load the server, the database drivers and exceljs (about half
// a second of start-up that every command paid).
const commands: CommandModule[] = [
  { names: ['serve'], load: async () => (await import('./serve.command.js')).registerServeCommand },
  { names: ['db'], load: async () => (await import('./db.command.js')).registerDbCommand },
  { names: ['user'], load: async () => (await import('./user.command.js')).registerUserCommand },
  { names: ['demo'], load: async () => (await import('./demo.command.js')).registerDemoCommand },
  { names: ['check'], load: async () => (await import('./check.command.js')).registerCheckCommand },
  { names: ['metrics'], load: async () => (await import('./metrics.command.js')).registerMetricsCommand },
  {
    names: ['metrics-settings'],
    load: async () => (await import('./metrics-settings.command.js')).registerMetricsSettingsCommand,
  },
  {
    names: ['demo-data'],
    load: async () => (await import('./demo-data.command.js')).registerDemoDataCommand,
  },
  { names: ['import'], load: async () => (await import('./import.command.js')).registerImportCommand },
  {
    names: ['credit', 'restatements'],
    load: async () => (await import('./credit.command.js')).registerCreditCommand,
  },
  { names: ['inspect'], load: async () => (await import('./inspect.command.js')).registerInspectCommand },
  {
    names: ['questions'],
    load: async () => (await import('./questions.command.js')).registerQuestionsCommand,
  },
  { names: ['exams'], load: async () => (await import('./exams.command.js')).registerExamsCommand },
];

/**
 * Builds the `kefu` program; exported so tests can inspect `--help`. With `argv`, only the
 * command it names is loaded (all of them when it names none, so help and errors list them all).
 */
export const buildProgram = async ({ io, argv }: { io: CliIo; argv?: string[] }): Promise<Command> => {
  const program = new Command('kefu')
    .description('Kefu 客服训练 · 考试 · 质检 · 绩效 · 考核')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
    // Each command's options end where its subcommand starts (kefu inspect --from … vs
    // kefu inspect scores --from …): commander needs this on every level above.
    .enablePositionalOptions();
  const named = commands.filter((command) => argv !== undefined && command.names.includes(argv[0] ?? ''));
  for (const command of named.length > 0 ? named : commands) (await command.load())(program, io);
  return program;
};

/**
 * Runs `kefu` with `argv` (without the node and script paths) and returns the exit code:
 * 0 success, 1 a reported error (message on stderr), 2 a usage error.
 */
export const runCli = async ({ argv, io = processIo }: { argv: string[]; io?: CliIo }): Promise<number> => {
  const program = await buildProgram({ io, argv });
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
