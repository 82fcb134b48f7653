import { describe, expect, test } from 'vitest';
import { runCli } from './cli.js';
import type { CliIo } from './cli.io.js';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
};

describe('runCli', () => {
  test('when asked for help, it lists the program and exits 0', async () => {
    const { io, stdout } = capture();
    expect(await runCli({ argv: ['--help'], io })).toBe(0);
    expect(stdout()).toContain('Usage: kefu');
  });

  test('when given an unknown command, it explains on stderr and exits 2', async () => {
    const { io, stderr } = capture();
    expect(await runCli({ argv: ['no-such-command'], io })).toBe(2);
    expect(stderr()).toMatch(/unknown command|too many arguments/);
  });
});
