import { z } from 'zod';
import { idField } from '../accounts/accounts.schemas.js';

// 样本评测: the shop's rule library scored on its 标注样本 (GET /api/inspection/examples/evaluation).

export const evaluationQuery = z.strictObject({
  shopId: idField
    .optional()
    .describe(
      'The shop whose library (platform, settings, own rules) is scored on its examples and the organisation-wide ones; absent: the built-in library on the organisation-wide examples',
    ),
});

const scores = {
  tp: z.number().int(),
  fp: z.number().int(),
  fn: z.number().int(),
  precision: z.number().describe('0–1; 0 when the engine never found the rule'),
  recall: z.number().describe('0–1; 0 when no example is labelled with the rule'),
  f1: z.number(),
};

const ruleIds = z.array(z.string());

export const evaluationResponse = z.object({
  shopId: z.string().nullable(),
  examples: z.number().int().describe('Distinct texts scored (a text labelled twice counts once)'),
  compliant: z.number().int().describe('Examples labelled compliant'),
  falseAlarms: z.number().int().describe('Compliant examples on which the engine finds a rule'),
  falseAlarmRate: z.number().describe('falseAlarms / compliant (误报率), 0–1'),
  micro: z.object(scores).describe('Over every scored rule (micro-F1)'),
  rules: z.array(
    z.object({
      rule: z.string(),
      ...scores,
      support: z.number().int().describe('Examples labelled with the rule (样本数)'),
      custom: z.boolean().describe("One of the shop's own rules (店铺自定义规则)"),
    }),
  ),
  unscored: z
    .array(z.object({ rule: z.string(), count: z.number().int() }))
    .describe('Labels naming rules the library does not have (switched off, not on the platform)'),
  disagreements: z.array(
    z.object({
      id: z.string(),
      shopId: z.string().nullable(),
      agent: z.string(),
      buyer: z.string().nullable(),
      rules: ruleIds.describe('The label'),
      engine: ruleIds.describe('What the engine finds'),
      missed: ruleIds.describe('Labelled, not found'),
      extra: ruleIds.describe('Found, not labelled'),
    }),
  ),
  conflicts: z
    .array(z.object({ id: z.string(), firstId: z.string(), rules: ruleIds, firstRules: ruleIds }))
    .describe("A text labelled differently again; the first label counts (the shop's own first)"),
  titles: z.record(z.string(), z.string()).describe('The title of every rule named'),
});
