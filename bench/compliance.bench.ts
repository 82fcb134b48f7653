/**
 * Compliance engine throughput: ≥ 1 M generated agent messages (mixed lengths, ~5 % violations)
 * through the full rule library on one core, against a naive baseline measured in the same run
 * (one RegExp per rule, applied in turn, on the raw text).
 *
 *   npm run bench:compliance [-- --messages N]
 * Targets: ≥ 1 M messages/s, ≥ 10× the baseline, p99 of a ~100-character live check < 1 ms.
 */
import { parseArgs } from 'node:util';
import type { Checker } from '../src/domain/compliance/index.js';
import { compileLibrary } from '../src/domain/compliance/index.js';
import type { DetectSpec, RuleData } from '../src/domain/rules/index.js';
import { rulesInForce } from '../src/domain/rules/index.js';
import { loadRuleLibrary } from '../src/io/rules/index.js';

const clean = [
  '亲，您好，欢迎光临本店',
  '这款是纯棉面料，透气舒服',
  '建议您选大一码，穿着更宽松',
  '今天下单的话明天就能发出',
  '发票可以开的，按实付金额开具',
  '亲，有任何问题随时联系我们哦',
  '这款有黑白灰三种颜色',
  '满199减20，还可以叠加店铺券',
  '您的订单号是 2024112812345678 已为您备注',
  '快递默认中通，一般3到5天送达',
  '支持七天无理由退换，不影响二次销售即可',
  '亲亲，在的呢，请问有什么可以帮您',
  '我们只能通过平台付款哦',
  '收到货有任何问题都可以找我们处理',
  '尺码表在详情页第三张图',
  '这款是今年的新款，卖得很好',
  '给您备注了优先发货',
  '稍等一下，我帮您查一下库存',
  '深色衣服第一次洗建议用冷水',
  '好的，感谢您的支持',
  '亲，这边已经帮您登记了',
  '下单后48小时内发货',
  '您看一下这个链接里的款式',
  '感谢亲的耐心等待',
  '退货地址在退货页面可以看到',
  '麻烦亲核对一下收货地址哦',
];

const violations = [
  '亲，特价商品不开发票的哦',
  '开发票要另外加6个点',
  '加我薇❤信 kefu_2024 发您实拍',
  '可以微信转账给我',
  '我的电话 一三八 一二三四 五六七八',
  '放心，明天一定能到',
  '爱买不买',
  '是你自己没看清楚尺码表',
  '拍下后我给您改价',
  '这款没货了，要等半个月才能发',
  '包邮的，但是要补5元运费',
  '去我们拼多多店买更便宜',
  '信用卡付款要多加3个点手续费',
  '货到付款的单子我们不发',
  '您一直不付款，我就直接给您关掉了',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run checks the same messages. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;

const generate = (count: number, next: () => number): string[] =>
  Array.from({ length: count }, () => {
    const parts = Array.from({ length: 1 + Math.floor(next() * next() * 8) }, () => pick(clean, next));
    if (next() < 0.05) parts.splice(Math.floor(next() * parts.length), 0, pick(violations, next));
    // Flatten now so that building strings is not timed as checking them.
    return parts.join('，').split('').join('');
  });

const specSources = (spec: DetectSpec): string[] => {
  const escapeWord = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  switch (spec.op) {
    case 'keywords':
      return [...(spec.any ?? []), ...(spec.all ?? []), ...(spec.atLeast?.of ?? [])].map(escapeWord);
    case 'pattern':
      return [spec.regex];
    case 'and':
    case 'or':
      return spec.of.flatMap(specSources);
    case 'speaker':
    case 'near':
      return specSources(spec.of);
    default:
      return [];
  }
};

/** The naive approach: one RegExp per rule (its words and patterns as one alternation), in turn. */
const buildBaseline = (rules: RuleData[], at: string) => {
  const regexes = rulesInForce({ rules, at })
    .result.filter((rule) => rule.scope === 'message')
    .map((rule) => new RegExp(specSources(rule.detect).join('|')));
  return (text: string): number => regexes.reduce((hits, regex) => hits + (regex.test(text) ? 1 : 0), 0);
};

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

const time = (run: () => number): { seconds: number; result: number } => {
  const start = process.hrtime.bigint();
  const result = run();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
};

const latencyP99 = (checker: Checker, next: () => number): number => {
  const samples: number[] = [];
  for (let index = 0; index < 20_000; index++) {
    let text = '';
    while (text.length < 100) text += `${pick(next() < 0.05 ? violations : clean, next)}，`;
    const start = process.hrtime.bigint();
    checker.check({ text: text.slice(0, 100), buyerText: '在吗？这个什么时候发货' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length * 0.99)] ?? 0;
};

const main = () => {
  const { values } = parseArgs({ options: { messages: { type: 'string', default: '1000000' } } });
  const total = Number(values.messages);
  if (!Number.isInteger(total) || total < 1)
    throw new Error(`--messages must be a positive integer, got ${values.messages}`);
  const rules = loadRuleLibrary().result;
  const at = '2026-01-01';
  const compiled = time(() => compileLibrary({ rules, at }).keywordCount);
  const checker = compileLibrary({ rules, at });
  const baseline = buildBaseline(rules, at);
  const next = random(42);
  const chunkSize = 100_000;
  let ours = 0;
  let naive = 0;
  let naiveMessages = 0;
  let bytes = 0;
  let flagged = 0;
  for (let done = 0; done < total; done += chunkSize) {
    const chunk = generate(Math.min(chunkSize, total - done), next);
    for (const text of chunk) bytes += Buffer.byteLength(text);
    // Building a chunk leaves millions of short-lived strings behind: collect them now, so that
    // their collection is not billed to the engine. The engine's own garbage is still collected
    // inside the timed run. (`npm run bench:compliance` starts Node with --expose-gc.)
    collectGarbage();
    const run = time(() =>
      chunk.reduce((sum, text) => sum + (checker.check({ text }).findings.length > 0 ? 1 : 0), 0),
    );
    ours += run.seconds;
    flagged += run.result;
    if (naiveMessages < 200_000) {
      naive += time(() => chunk.reduce((sum, text) => sum + baseline(text), 0)).seconds;
      naiveMessages += chunk.length;
    }
  }
  const rate = total / ours;
  const naiveRate = naiveMessages / naive;
  const p99 = latencyP99(compileLibrary({ rules, at }), next);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const lines = [
    `compliance bench: ${total.toLocaleString('en')} messages, ${(bytes / 1e6).toFixed(1)} MB, ${checker.rules.length} rules, ${compiled.result} keywords (compiled in ${(compiled.seconds * 1000).toFixed(0)} ms)`,
    `  flagged            ${((flagged / total) * 100).toFixed(1)}% of messages; ${((checker.counters.fullChecks / checker.counters.checks) * 100).toFixed(1)}% needed the full check after the fast scan`,
    `  engine             ${Math.round(rate).toLocaleString('en')} messages/s, ${(bytes / 1e6 / ours).toFixed(1)} MB/s`,
    `  baseline           ${Math.round(naiveRate).toLocaleString('en')} messages/s (one RegExp per rule, ${naiveMessages.toLocaleString('en')} messages)`,
    `  ratio              ${(rate / naiveRate).toFixed(1)}× the baseline (target ≥ 10×)`,
    `  p99 live check     ${(p99 * 1000).toFixed(1)} µs for ~100 characters with buyer context (target < 1 ms)`,
    `  peak RSS           ${rssMb.toFixed(0)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
};

main();
