// Small helpers shared by the start and test scripts: run a command, stop on failure.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `command args` in the repository root; returns the exit status. */
export const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

/** Runs and exits the process on failure, naming the step. */
export const step = (name, command, args, env = {}) => {
  console.log(`\n▶ ${name}`);
  const status = run(command, args, env);
  if (status !== 0) {
    console.error(`✖ ${name} failed (exit ${status})`);
    process.exit(status);
  }
};
