import { z } from 'zod';
import { findingStatuses } from '../../domain/inspection/index.js';
import { ruleKinds } from '../../domain/rules/index.js';
import { idField } from '../accounts/accounts.schemas.js';

// Schemas of the 质检 workbench API (bulk runs, findings, review, scores, settings, 抽检).

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const note = (max: number) => z.string().trim().min(1).max(max);
const ruleId = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, '规则 id 只能用小写字母、数字和下划线');

export const idParams = z.strictObject({ id: idField });

export const runBody = z.strictObject({
  from: day.describe('First shop-local day (YYYY-MM-DD)'),
  to: day.describe('Last shop-local day, included'),
  shopId: idField.optional().describe('One shop; all shops when absent'),
});

export const runSchema = z.object({
  id: z.string(),
  shopId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  messagesTotal: z.number().int().describe('Messages of the period when the run started (for progress)'),
  messagesChecked: z.number().int(),
  findingsCount: z.number().int(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const runsResponse = z.object({ runs: z.array(runSchema) });

export const findingsQuery = z.strictObject({
  status: z.enum(findingStatuses).optional(),
  ruleId: z.string().max(64).optional(),
  agent: z.string().max(200).optional().describe('Sub-account, e.g. 旗舰店:小美'),
  shopId: idField.optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const findingSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  shopName: z.string(),
  day: z.string(),
  conversation: z.string().describe('Conversation id, or buyer#YYYY-MM-DD when the export had none'),
  buyer: z.string(),
  agent: z.string(),
  messageTime: z.string(),
  ruleId: z.string(),
  ruleTitle: z.string(),
  ruleVersion: z.number().int(),
  kind: z.enum(ruleKinds),
  points: z.number(),
  start: z.number().int().describe('UTF-16 offset of the evidence in the message'),
  end: z.number().int(),
  evidence: z.string().describe('The words matched; for order facts, the promise, the order and the fact'),
  orderId: z.string().nullable().describe('The order an order-fact finding is about'),
  status: z.enum(findingStatuses),
  dismissReason: z.string().nullable(),
  reviewNote: z.string().nullable(),
  appealText: z.string().nullable(),
  decisionNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  appealedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const findingsResponse = z.object({
  findings: z.array(findingSchema),
  total: z.number().int(),
  byRule: z.array(z.object({ ruleId: z.string(), count: z.number().int() })),
  byAgent: z.array(z.object({ agent: z.string(), count: z.number().int(), points: z.number() })),
});

export const conversationParams = z.strictObject({
  shopId: idField,
  conversation: z.string().min(1).max(400),
});

export const conversationResponse = z.object({
  shopId: z.string(),
  shopName: z.string(),
  conversation: z.string(),
  messages: z.array(
    z.object({
      time: z.string(),
      sender: z.string().describe('buyer, agent or system'),
      agent: z.string(),
      kind: z.string().describe('human, assist, auto or welcome'),
      text: z.string(),
      findings: z.array(
        z.object({
          id: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          ruleId: z.string(),
          status: z.string(),
        }),
      ),
    }),
  ),
});

export const confirmBody = z.strictObject({ note: note(500).optional() });
export const dismissBody = z.strictObject({ reason: note(500).describe('Why it is a false alarm') });
export const appealBody = z.strictObject({ text: note(2000).describe('The agent’s statement (申诉理由)') });
export const decideBody = z.strictObject({ upheld: z.boolean(), note: note(1000) });

export const scoresQuery = z.strictObject({ from: day, to: day, shopId: idField.optional() });

export const scoresResponse = z.object({
  agents: z.array(
    z.object({
      agent: z.string(),
      displayName: z.string().nullable(),
      findings: z.number().int(),
      confirmed: z.number().int(),
      deductions: z.number(),
      sampled: z.number().int(),
      sampleAverage: z.number().nullable(),
      qaScore: z.number(),
    }),
  ),
});

// Messages in Chinese: the score-sheet editor shows them under the field the path names.
const sheetItem = z.strictObject({
  label: z.string().trim().min(1, '评分项名称不能为空').max(100, '评分项名称不能超过 100 个字'),
  points: z
    .number()
    .positive('分值须大于 0')
    .max(100, '单项满分不能超过 100 分')
    .describe('Full marks of the item'),
  description: z.string().max(500, '评分标准不能超过 500 个字').optional().describe('What earns the points'),
});

export const sheetBody = z.strictObject({
  title: z.string().trim().min(1, '请填写评分表名称').max(100, '评分表名称不能超过 100 个字'),
  items: z.array(sheetItem).min(1, '评分表至少要有一项').max(50, '评分表最多 50 项'),
});

export const sheetSchema = z.object({
  id: z.string(),
  title: z.string(),
  items: z.array(z.object({ label: z.string(), points: z.number(), description: z.string().optional() })),
  version: z.number().int(),
  maxTotal: z.number(),
  samples: z.number().int().describe('Samples drawn with this sheet'),
  scored: z.number().int().describe('Of those, scored; once above 0 the items’ count and points are fixed'),
  updatedAt: z.string(),
  archivedAt: z.string().nullable().describe('Set while archived: no new draws with the sheet'),
});

export const sheetsResponse = z.object({ sheets: z.array(sheetSchema) });

export const sheetHistoryResponse = z.object({
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      items: sheetSchema.shape.items,
      maxTotal: z.number(),
      savedAt: z.string(),
      savedBy: z.string().nullable(),
      scored: z.number().int().describe('Samples scored on this version'),
    }),
  ),
});

export const archiveBody = z.strictObject({ archived: z.boolean() });

export const drawBody = z.strictObject({
  sheetId: idField,
  from: day,
  to: day,
  perAgent: z.number().int().min(1).max(50),
  shopId: idField.optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(4_294_967_295)
    .optional()
    .describe('Same seed, same draw; derived from the period when absent'),
});

export const sampleSchema = z.object({
  id: z.string(),
  sheetId: z.string(),
  shopId: z.string(),
  shopName: z.string(),
  day: z.string(),
  conversation: z.string(),
  buyer: z.string(),
  agent: z.string(),
  sheetVersion: z.number().int().nullable(),
  scores: z.array(z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  scoredBy: z.string().nullable(),
  scoredAt: z.string().nullable(),
});

export const drawResponse = z.object({ seed: z.number().int(), samples: z.array(sampleSchema) });
export const samplesQuery = z.strictObject({ from: day, to: day });
export const samplesResponse = z.object({ samples: z.array(sampleSchema) });

export const scoreBody = z.strictObject({
  scores: z.array(z.number().min(0)).min(1).max(50).describe('One score per sheet item, in order'),
  comment: z.string().max(2000).optional(),
});

export const shopParams = z.strictObject({ shopId: idField });

const ruleChange = z.strictObject({
  enabled: z.boolean().optional(),
  points: z.number().min(0).max(48).optional(),
});

const customRule = z.strictObject({
  id: ruleId,
  title: z.string().trim().min(1).max(100),
  points: z.number().min(0).max(48).optional(),
  kind: z.enum(ruleKinds).optional(),
  words: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  patterns: z.array(z.string().min(1).max(300)).max(50).optional(),
  explanation: z.string().max(500).optional(),
  suggestion: z.string().max(500).optional(),
  enabled: z.boolean().optional(),
});

export const settingsBody = z.strictObject({
  effectiveFrom: day.describe('Shop-local day from which these settings apply'),
  rules: z.record(ruleId, ruleChange).default({}),
  custom: z.array(customRule).max(100).default([]),
});

const settingsVersion = z.object({
  effectiveFrom: z.string(),
  rules: z.record(z.string(), z.object({ enabled: z.boolean().optional(), points: z.number().optional() })),
  custom: z.array(customRule),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const settingsResponse = z.object({ shopId: z.string(), versions: z.array(settingsVersion) });
export const settingsVersionResponse = settingsVersion;

// 标注样本: messages in Chinese, shown under the form field the path names.
export const examplesQuery = z.strictObject({
  shopId: idField.optional().describe('Only the examples of this shop'),
  ruleId: z.string().max(64).optional(),
  compliant: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: only examples labelled compliant'),
  text: z.string().max(200).optional().describe('Text the reply or the buyer message contains'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const exampleBody = z.strictObject({
  shopId: idField
    .nullable()
    .optional()
    .describe('The shop whose rules judge it (its own rules may be named); none: the built-in library'),
  agent: z.string().trim().min(1, '请填写客服回复').max(2000, '客服回复不能超过 2000 个字'),
  buyer: z.string().max(2000, '买家消息不能超过 2000 个字').nullable().optional(),
  rules: z.array(z.string().max(64)).max(20).describe('Rule ids the reply breaks; [] = compliant'),
  note: z.string().max(500, '备注不能超过 500 个字').optional(),
});

export const newExampleBody = exampleBody.extend({
  source: z
    .enum(['manual', 'finding'])
    .default('manual')
    .describe("'finding' when a reviewer saves a finding's message as an example"),
});

export const exampleSchema = z.object({
  id: z.string(),
  shopId: z.string().nullable(),
  shopName: z.string().nullable(),
  agent: z.string(),
  buyer: z.string().nullable(),
  rules: z.array(z.string()),
  note: z.string(),
  source: z.enum(['manual', 'finding']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  engine: z.array(z.string()).describe('Rules the engine finds on it today'),
  agrees: z.boolean().describe('Whether the engine finds exactly the labelled rules'),
  titles: z.record(z.string(), z.string()).describe('Title of each rule in rules and engine'),
});

export const examplesResponse = z.object({ examples: z.array(exampleSchema), total: z.number().int() });
export const exampleCreated = z.object({ ids: z.array(z.string()) });

export const labellingRulesQuery = z.strictObject({
  shopId: idField.optional().describe("The shop's rules (its own included); the built-in ones when absent"),
});

export const labellingRulesResponse = z.object({
  rules: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      custom: z.boolean().describe("One of the shop's own rules (店铺自定义规则)"),
    }),
  ),
});
