import { InvalidArgumentError } from 'commander';
import { ConfigError } from '../config/config.js';
import { start } from '../main.js';
import type { CommandRegistration } from './cli.js';
import { CliError } from './cli.io.js';

const parsePort = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new InvalidArgumentError('expected a port number (1-65535)');
  return port;
};

/** `kefu serve`: starts the server (the same as `npm start` after a build). */
export const registerServeCommand: CommandRegistration = (program) => {
  program
    .command('serve')
    .description('Start the Kefu server (config from the environment, see docs/configuration.md)')
    .option('--port <port>', 'HTTP port (overrides PORT)', parsePort)
    .action(async (options: { port?: number }) => {
      try {
        await start({ port: options.port });
      } catch (error) {
        if (error instanceof ConfigError) throw new CliError(error.message);
        throw error;
      }
    });
};
