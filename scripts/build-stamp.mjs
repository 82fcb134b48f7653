// Decides whether the build in dist/ and web/dist/ is older than the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newestMtime = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
};

/** True when any source is newer than the oldest build output (or an output is missing). */
export const buildIsStale = (root) => {
  const outputs = [join(root, 'dist/main.js'), join(root, 'web/dist/index.html')];
  if (outputs.some((output) => !existsSync(output))) return true;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const sources = ['src', 'web/src', 'web/index.html', 'package-lock.json', 'tsconfig.build.json'];
  return sources.some((source) => newestMtime(join(root, source)) > built);
};
