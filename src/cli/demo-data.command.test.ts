import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { CliError, type CliIo } from './cli.io.js';
import { registerDemoDataCommand } from './demo-data.command.js';

// The command is registered on its own program so this test does not depend on the others.
const run = async (argv: string[]) => {
  const out: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => out.push(text) };
  const program = new Command('kefu').exitOverride();
  registerDemoDataCommand(program, io);
  await program.parseAsync(argv, { from: 'user' });
  return out.join('');
};

describe('kefu demo-data', () => {
  test('when given sizes and a folder, it writes the four CSV files and reports their counts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kefu-demo-cli-')), 'demo');
    const printed = await run([
      'demo-data',
      '--shops',
      '5',
      '--days',
      '1',
      '--buyers-per-day',
      '20',
      '--seed',
      '9',
      '--out',
      out,
    ]);
    for (const name of ['messages', 'orders', 'ratings', 'tickets'])
      expect(existsSync(join(out, `${name}.csv`))).toBe(true);
    expect(printed).toMatch(/^5 shops, 5 agents each, 1 days/);
    expect(printed).toMatch(/\d+ messages\n/);
  });

  test('when a size is not a whole number, it is a usage error (exit code 2)', async () => {
    const error = await run(['demo-data', '--shops', 'many', '--out', tmpdir()]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain('--shops many');
  });

  test('when the start date is malformed, it says which option is wrong', async () => {
    const error = await run(['demo-data', '--start', '2024/06/01', '--out', tmpdir()]).catch(
      (caught: unknown) => caught,
    );
    expect((error as CliError).message).toMatch(/start must be a date/);
  });
});
