// `npm run bench`: runs every `bench:<area>` script of package.json in turn and stops on a failure.
// Each benchmark prints its own throughput, peak memory and ratio to the baseline it names.
import { readFileSync } from 'node:fs';
import { root, step } from './run.mjs';

const { scripts } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
if (benches.length === 0) console.log('no benchmarks are defined (bench:<area> scripts in package.json)');
for (const name of benches) step(name, 'npm', ['run', '--silent', name, '--', ...process.argv.slice(2)]);
