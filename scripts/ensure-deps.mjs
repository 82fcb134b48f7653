// Installs npm dependencies when they are missing or older than package-lock.json.
// Used by `npm start` and `npm test` so a fresh clone needs no other step.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const installed = `${root}node_modules/.package-lock.json`;
const lock = `${root}package-lock.json`;

const isStale = () => !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;

export const ensureDeps = () => {
  if (!isStale()) return;
  console.log('kefu: installing npm dependencies (npm ci) …');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('kefu: npm ci failed; see the output above.');
    process.exit(result.status ?? 1);
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
