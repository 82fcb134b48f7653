import { z } from 'zod';
import { recordKinds } from '../../io/records/index.js';
import { restatedMetrics } from '../../app/metrics-store/index.js';

// An upload of at most 50 MB is ~67 MB as base64.
export const maxImportBytes = 50 * 1024 * 1024;
export const importBodyLimit = Math.ceil((maxImportBytes * 4) / 3) + 64 * 1024;

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
  agent: z.string().min(1).max(200),
  day: day.optional(),
  from: day.optional(),
  to: day.optional(),
});

export const importsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

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
  from: dayText.optional(),
  to: dayText.optional(),
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
