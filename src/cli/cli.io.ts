/** Where a command writes. Tests pass buffers; `bin/kefu.js` passes the process streams. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

/** An error a command reports to the user: printed on stderr, exit code `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
