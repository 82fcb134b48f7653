// Installs npm dependencies when they are missing or when package-lock.json changed since the
// last install. Used by `npm start` and `npm test` so a fresh clone needs no other step.
// `npm install` rather than `npm ci`: Vite lists a Windows-only optional package that the registry
// reachable here does not serve, which `npm ci` treats as a lock-file mismatch.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = `${root}node_modules/.kefu-lock-hash`;

const lockHash = () =>
  createHash('sha256')
    .update(readFileSync(`${root}package-lock.json`))
    .digest('hex');

const isStale = () => !existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash();

export const ensureDeps = () => {
  if (!isStale()) return;
  console.log('kefu: installing npm dependencies (npm install) …');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('kefu: npm install failed; see the output above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, lockHash());
};

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
