// `npm start`: install what is missing, build if stale, then serve on the embedded database.
import { spawn } from 'node:child_process';
import { buildIsStale } from './build-stamp.mjs';
import { ensureDeps } from './ensure-deps.mjs';
import { root, step } from './run.mjs';

ensureDeps();
if (buildIsStale(root)) step('build', 'npm', ['run', 'build']);
const server = spawn(process.execPath, ['dist/main.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
