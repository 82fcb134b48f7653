import { z } from 'zod';
import type { Finding } from '../../domain/compliance/index.js';
import { ruleKinds } from '../../domain/rules/index.js';
import { platforms } from '../../domain/shared/index.js';
import { idField } from '../accounts/accounts.schemas.js';

/** The longest reply or buyer message a live check accepts, in UTF-16 code units (the web form repeats it). */
export const checkTextMaxLength = 20_000;

const kindField = z.enum(ruleKinds).describe('general 一般违规 / serious 严重违规 / service 服务规范');

export const checkBody = z
  .strictObject({
    text: z.string().min(1).max(checkTextMaxLength).describe("The agent's reply to check"),
    buyerText: z
      .string()
      .max(checkTextMaxLength)
      .optional()
      .describe("The buyer's message the reply answers; some rules need it"),
    shopId: idField.optional().describe("Only the rules of this shop's platform apply"),
    shop: z.string().min(1).max(200).optional().describe('The shop by its name, instead of shopId'),
  })
  .refine((body) => body.shopId === undefined || body.shop === undefined, {
    path: ['shop'],
    message: '店铺只能用 shopId 或 shop 之一指定',
  });

export const findingSchema = z.object({
  rule: z.string().describe('Rule id, e.g. offsite_contact'),
  ruleTitle: z.string(),
  version: z.number().int().describe('The rule version that matched'),
  start: z.number().int().describe('UTF-16 offset in text where the evidence starts'),
  end: z.number().int().describe('UTF-16 offset in text where the evidence ends (exclusive)'),
  evidence: z.string(),
  points: z.number().describe('Penalty points (扣分) this finding may cost'),
  kind: kindField,
  explanation: z.string(),
  suggestion: z.string().describe('A compliant way to say it'),
});

export const checkResponse = z.object({
  findings: z.array(findingSchema),
  rewrite: z
    .string()
    .nullable()
    .describe(
      'The reply rewritten to break nothing (建议改写): offending clauses replaced by the rules’ suggestions; null when clean',
    ),
});

export const ruleSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: kindField,
  platforms: z.array(z.enum(platforms)),
  points: z.number(),
  deposit: z
    .object({
      amountFen: z.number().int().describe('Deposit (保证金) at stake, in fen'),
      fromOccurrence: z.number().int().describe('From which violation in a year the deposit applies'),
    })
    .nullable(),
  explanation: z.string(),
  wrongExamples: z.array(z.string()),
  rightExamples: z.array(z.string()),
  version: z.number().int(),
  effectiveFrom: z.string().describe('YYYY-MM-DD'),
  scope: z
    .enum(['message', 'conversation'])
    .describe('message: judged on one reply; conversation: on a whole chat (or with its orders)'),
});

export const rulesResponse = z.object({ rules: z.array(ruleSchema) });

export const toFindingDto = (finding: Finding): z.infer<typeof findingSchema> => ({
  rule: finding.rule,
  ruleTitle: finding.title,
  version: finding.version,
  start: finding.start,
  end: finding.end,
  evidence: finding.evidence,
  points: finding.points,
  kind: finding.kind,
  explanation: finding.explanation,
  suggestion: finding.suggestion,
});
