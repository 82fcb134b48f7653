/**
 * Parse speed of a 1,000-question pasted paper (`npx tsx bench/importer.bench.ts`).
 * Baseline, measured in the same run: only splitting the text into lines.
 */
import { parsePaper, splitPaperText } from '../src/domain/importer/index.js';
import { renderExamSite, renderWebPaste, renderWordExport } from '../test/fixtures/papers/paper-bank.js';

const rounds = Number(process.argv[2] ?? 5);
const styles = [renderWebPaste(), renderWordExport(), renderExamSite()];
const parts: string[] = [];
let expected = 0;
for (let at = 0; expected < 1000; at++) {
  const paper = styles[at % styles.length];
  if (!paper) break;
  parts.push(paper.text);
  expected += paper.expected.length;
}
const text = parts.join('\n');
const megabytes = Buffer.byteLength(text) / 1e6;

const time = (run: () => number): { seconds: number; count: number } => {
  run();
  const start = process.hrtime.bigint();
  let count = 0;
  for (let round = 0; round < rounds; round++) count = run();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9 / rounds, count };
};

const baseline = time(() => splitPaperText(text).length);
const parse = time(() => parsePaper({ text }).result.questions.length);
const rssMb = process.resourceUsage().maxRSS / 1024;

console.log(
  `paper: ${parse.count} questions, ${baseline.count} lines, ${megabytes.toFixed(2)} MB, ${rounds} rounds`,
);
console.log(`baseline (split lines): ${(baseline.seconds * 1000).toFixed(2)} ms`);
console.log(
  `parsePaper:             ${(parse.seconds * 1000).toFixed(1)} ms = ${Math.round(parse.count / parse.seconds)} questions/s, ${(megabytes / parse.seconds).toFixed(2)} MB/s`,
);
console.log(`ratio parse / baseline: ${(parse.seconds / baseline.seconds).toFixed(0)}x`);
console.log(`peak RSS: ${rssMb.toFixed(0)} MB`);
