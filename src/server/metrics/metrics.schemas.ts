import { z } from 'zod';
import { recordKinds } from '../../io/records/index.js';
import { restatedMetrics } from '../../app/metrics-store/index.js';
import type { MetricValues, ShopValues } from '../../domain/metrics/index.js';

// An upload of at most 50 MB is ~67 MB as base64 (the JSON route, for scripts).
export const maxImportBytes = 50 * 1024 * 1024;
export const importBodyLimit = Math.ceil((maxImportBytes * 4) / 3) + 64 * 1024;
// The raw upload (POST /api/imports/upload) is streamed to a temporary file, so its limit is the
// disk's, not memory's: 2 GiB, a month of a large shop's chats. Written as a literal so that the
// web's copy (web/src/api/metrics.api.ts) is held equal to it by the API contract.
export const maxUploadBytes = 2_147_483_648;
// A preview reads the start of a file in memory: the browser sends the first MiB of a CSV or JSON
// Lines file, but a workbook whole (a ZIP cannot be cut), so this bounds the .xlsx it can preview.
export const maxPreviewBytes = 67_108_864;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const importBody = z.strictObject({
  kind: z.enum(recordKinds),
  filename: z.string().min(1).max(255).describe('the file name; its extension picks the format'),
  contentBase64: z.string().max(importBodyLimit),
  mode: z.enum(['reject', 'skip']).default('reject'),
  shopId: z.uuid().optional().describe('put every record in this shop instead of the shop column'),
  dryRun: z.boolean().default(false).describe('check only: report what would be imported, store nothing'),
});

export const metricsQuery = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  by: z.enum(['agent', 'agent-day', 'team', 'shop']).default('agent'),
  shopId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  agent: z.string().min(1).max(200).optional(),
});

export const explainQuery = z.strictObject({
  metric: z.string().min(1).max(64),
  agent: z.string().min(1).max(200).optional().describe('one sub-account; without it every agent in scope'),
  shopId: z.uuid().optional(),
  teamId: z
    .uuid()
    .optional()
    .describe("the team's agents (shop-level metrics such as silent sales ignore it)"),
  day: day.optional(),
  from: day.optional(),
  to: day.optional(),
});

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable().describe('a fraction 0-1; null without a denominator');
const seconds = z.number().nullable();
const perBuyer = z.number().nullable();
const assist = z.object({ count, amount: z.number().describe('元') });

// Every metric of a row; `satisfies` keeps this list in step with the engine's MetricValues.
const metricValues = {
  consulted: count,
  served: count,
  replyRate: rate,
  unanswered: count,
  avgResponseSec: seconds,
  avgResponseUncappedSec: seconds,
  medianResponseSec: seconds,
  p90ResponseSec: seconds,
  firstResponseSec: seconds,
  slowTurns: count,
  slowReceptions: count,
  longReceptions: count,
  unansweredTurns: count,
  inquiries: count,
  inquiriesOrdered: count,
  inquiriesPaid: count,
  conversion: rate,
  sales: z.number().describe('元'),
  buyers: count,
  aov: perBuyer,
  itemsPerBuyer: perBuyer,
  assists: z.object({ order: assist, payment: assist, followUp: assist }),
  followUps: count,
  lostInquiries: count,
  refundAmount: z.number(),
  refundRate: z.number().min(0).nullable(),
  satisfaction: rate,
  pddReply30sRate: rate,
  pddAvgResponseSec: seconds,
  dyFirstReply2mRate: rate,
  dyReply3mRate: rate,
  tbReply3mRate: rate,
  afterSale: count,
  robotOnly: count,
} satisfies { [K in keyof MetricValues]: z.ZodType<MetricValues[K]> };

const shopValues = {
  silentSales: z.number(),
  silentBuyers: count,
  silentAov: perBuyer,
  advertisers: count,
  filtered: z.object({ accounts: count, staff: count, ownAccounts: count }),
  paidSales: z.number(),
  creditedSales: z.number(),
  uncreditedSales: z.number(),
} satisfies { [K in keyof ShopValues]: z.ZodType<ShopValues[K]> };

export const metricsResponse = z.object({
  from: day,
  to: day,
  rows: z.array(
    z.object({
      shop: z.string(),
      agent: z.string().optional().describe('the sub-account, e.g. 旗舰店:小美'),
      team: z.string().optional(),
      day: day.optional(),
      provisional: z.boolean().describe('an attribution window of one of its days is still open'),
      userId: z.string().nullable(),
      displayName: z.string().nullable(),
      teamId: z.string().nullable(),
      ...metricValues,
      parts: z
        .object({
          respCount: count.describe('turns counted in avgResponseSec'),
          respSumCappedSec: z.number().describe('their summed response times as the mean caps them, seconds'),
          rated: count.describe('ratings'),
          ratedGood: count.describe('ratings of 4-5 stars'),
        })
        .describe(
          'the sums behind the means, for totals over rows: mean = sum / count, satisfaction = good / rated',
        ),
    }),
  ),
  shop: z.object(shopValues),
  provisionalDays: z.array(day),
  responseDistribution: z
    .array(
      z.object({
        upToSec: z
          .number()
          .nullable()
          .describe('waits up to this many whole seconds; null = longer than the last bar'),
        count: z.number(),
      }),
    )
    .describe('every response time of the filtered agent-days, bucketed (响应时长分布)'),
});

export const explainResponse = z.object({
  metric: z.string(),
  agent: z.string().nullable().describe('null: every agent in scope'),
  from: day,
  to: day,
  total: count.describe('buyers behind the number; at most 200 are listed'),
  buyers: z.array(
    z.object({
      buyer: z.string(),
      shop: z.string(),
      day,
      hit: z.boolean().describe('counted in the numerator (else only in the denominator)'),
      order: z.string().nullable(),
      messages: z.array(
        z.object({
          time: z.string(),
          sender: z.string(),
          agent: z.string(),
          kind: z.string(),
          text: z.string(),
        }),
      ),
    }),
  ),
});

export const importsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const creditRulingRef = z.strictObject({
  shop: z.string().min(1).describe('The shop name, as the drill-down shows it'),
  order: z.string().min(1).describe('The order id'),
});

export const creditRulingBody = creditRulingRef.extend({
  agent: z.string().min(1).nullable().describe('A sub-account that served the buyer, or null: credit nobody'),
  reason: z.string().trim().min(1, '请写明改判原因').max(500),
});

export const creditRulingsResponse = z.object({
  rulings: z.array(
    z.object({
      shop: z.string(),
      order: z.string(),
      agent: z.string().nullable(),
      reason: z.string(),
      ruledBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const restatementsQuery = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const restatementsResponse = z.object({
  restatements: z.array(
    z.object({
      shop: z.string(),
      day: z.string(),
      agent: z.string().describe('The sub-account, e.g. 旗舰店:小美'),
      metric: z.enum(restatedMetrics),
      before: z.number(),
      after: z.number().describe('Sales in 元; the others are counts'),
      reportedAt: z.string().describe('When the earlier number was computed'),
      restatedAt: z.string(),
    }),
  ),
});

export const assessmentsQuery = z.strictObject({
  shopId: z.uuid(),
  from: day.optional(),
  to: day.optional(),
});

const assessmentUnit = z.enum(['rate', 'seconds', 'yuan', 'items']);

const assessmentCheck = z.object({
  name: z.string(),
  label: z.string(),
  value: z
    .number()
    .nullable()
    .describe('the value reached, in `unit`; null without a denominator (nothing to judge: passes)'),
  target: z.number(),
  numerator: z.number(),
  denominator: z.number(),
  unit: assessmentUnit.describe('rate for every platform line; a shop target may be seconds, 元 or items'),
  atMost: z.boolean().describe('true when a value at or below the target passes (mean response time)'),
  shopTarget: z.boolean().describe('a line the shop set itself (店铺目标), not a platform rule'),
  passed: z.boolean(),
  needed: z
    .number()
    .nullable()
    .describe('successes still needed to pass (0 when passed; null when a 100 % target is already missed)'),
  toPass: z
    .string()
    .nullable()
    .describe('what it would take to pass, e.g. 还需 3 条买家消息在 30 秒内人工回复'),
});

const assessmentMeasure = z.object({
  name: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  unit: assessmentUnit,
});

export const assessmentsResponse = z.object({
  shop: z.object({ id: z.string(), name: z.string(), platform: z.string() }),
  from: day,
  to: day,
  scope: z.enum(['shop', 'own']).describe('own: an agent sees the checks over their own sub-accounts only'),
  hasData: z.boolean().describe('false when no results or tickets were stored for the cycles'),
  assessments: z.array(
    z.object({
      shop: z.string(),
      platform: z.string(),
      from: day.describe('the days assessed: the cycle, cut at yesterday while it runs'),
      to: day,
      cycle: z
        .object({ from: day, to: day })
        .describe('PDD: the period; Douyin: the half-month; JD: the month'),
      complete: z.boolean(),
      checks: z.array(assessmentCheck),
      measures: z
        .array(assessmentMeasure)
        .optional()
        .describe(
          'PDD: 平均人工响应时长, 询单转化率, 客单价, 客件数 (no published pass line) without a shop target; with one they are checks',
        ),
      passed: z.boolean(),
      score: z.number().optional().describe('JD: the 100-point after-sale score'),
      tier: z.object({ name: z.string(), passed: z.boolean(), penalty: z.number() }).optional(),
    }),
  ),
});
