import type { FindingStatus } from '../../../src/domain/inspection/index.js';
import type { CustomRule, RuleKind } from '../../../src/domain/rules/index.js';
import { request } from './client.js';

export type { CustomRule, FindingStatus };

/** A bulk inspection (批量质检) of the stored chats of a period; polled while `running`. */
export type InspectionRun = {
  id: string;
  shopId: string | null;
  from: string;
  to: string;
  status: 'running' | 'done' | 'failed';
  messagesTotal: number;
  messagesChecked: number;
  findingsCount: number;
  error: string | null;
  createdBy: string | null;
  startedAt: string;
  finishedAt: string | null;
};

/** One stored finding: a rule broken in one agent message, and where it stands in review. */
export type StoredFinding = {
  id: string;
  shopId: string;
  shopName: string;
  day: string;
  conversation: string;
  buyer: string;
  agent: string;
  messageTime: string;
  ruleId: string;
  ruleTitle: string;
  ruleVersion: number;
  kind: RuleKind;
  points: number;
  /** UTF-16 offsets of the evidence in the message; `end` is exclusive. */
  start: number;
  end: number;
  evidence: string;
  orderId: string | null;
  status: FindingStatus;
  dismissReason: string | null;
  reviewNote: string | null;
  appealText: string | null;
  decisionNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  appealedAt: string | null;
  decidedAt: string | null;
};

export type FindingsFilter = {
  status?: FindingStatus | undefined;
  ruleId?: string | undefined;
  agent?: string | undefined;
  shopId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
};

export type FindingsPage = {
  findings: StoredFinding[];
  total: number;
  byRule: { ruleId: string; count: number }[];
  byAgent: { agent: string; count: number; points: number }[];
};

export type ConversationMessage = {
  time: string;
  sender: string;
  agent: string;
  kind: string;
  text: string;
  findings: { id: string; start: number; end: number; ruleId: string; status: string }[];
};

export type InspectionConversation = {
  shopId: string;
  shopName: string;
  conversation: string;
  messages: ConversationMessage[];
};

export type AgentScore = {
  agent: string;
  displayName: string | null;
  findings: number;
  confirmed: number;
  deductions: number;
  sampled: number;
  sampleAverage: number | null;
  qaScore: number;
};

export type ScoreSheetItem = { label: string; points: number; description?: string };
export type ScoreSheet = {
  id: string;
  title: string;
  items: ScoreSheetItem[];
  version: number;
  maxTotal: number;
  /** Samples drawn with the sheet; once `scored` is above 0 its items' count and points are fixed. */
  samples: number;
  scored: number;
  updatedAt: string;
  /** Set while archived: no new 抽检 draws with it. */
  archivedAt: string | null;
};
export type ScoreSheetInput = Pick<ScoreSheet, 'title' | 'items'>;
/** A saved version of a sheet, as samples scored on it were scored. */
export type ScoreSheetVersion = {
  version: number;
  title: string;
  items: ScoreSheetItem[];
  maxTotal: number;
  savedAt: string;
  savedBy: string | null;
  scored: number;
};

/** A conversation drawn for 抽检; `scores` is null until a reviewer scores it. */
export type Sample = {
  id: string;
  sheetId: string;
  shopId: string;
  shopName: string;
  day: string;
  conversation: string;
  buyer: string;
  agent: string;
  sheetVersion: number | null;
  scores: number[] | null;
  total: number | null;
  comment: string | null;
  scoredBy: string | null;
  scoredAt: string | null;
};

export type ShopSettingsVersion = {
  effectiveFrom: string;
  rules: Record<string, { enabled?: boolean; points?: number }>;
  custom: CustomRule[];
  createdBy: string | null;
  createdAt: string;
};

export type ShopSettingsInput = Pick<ShopSettingsVersion, 'effectiveFrom' | 'rules' | 'custom'>;

const base = '/api/inspection';

const toQuery = (values: Record<string, string | number | undefined>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value === undefined ? undefined : String(value)]),
  );

export const startRun = (input: { from: string; to: string; shopId?: string }) =>
  request<InspectionRun>(`${base}/runs`, { method: 'POST', body: input });

export const listRuns = () => request<{ runs: InspectionRun[] }>(`${base}/runs`);

export const getRun = (id: string) => request<InspectionRun>(`${base}/runs/${encodeURIComponent(id)}`);

export const listFindings = (filter: FindingsFilter) =>
  request<FindingsPage>(`${base}/findings`, { query: toQuery(filter) });

export const getConversation = (shopId: string, conversation: string) =>
  request<InspectionConversation>(
    `${base}/conversations/${encodeURIComponent(shopId)}/${encodeURIComponent(conversation)}`,
  );

const findingAction = (id: string, action: string, body: unknown) =>
  request<StoredFinding>(`${base}/findings/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });

export const confirmFinding = (id: string, note?: string) =>
  findingAction(id, 'confirm', note ? { note } : {});
export const dismissFinding = (id: string, reason: string) => findingAction(id, 'dismiss', { reason });
export const appealFinding = (id: string, text: string) => findingAction(id, 'appeal', { text });
export const decideAppeal = (id: string, upheld: boolean, note: string) =>
  findingAction(id, 'decide', { upheld, note });

export const getScores = (query: { from: string; to: string; shopId?: string | undefined }) =>
  request<{ agents: AgentScore[] }>(`${base}/scores`, { query: toQuery(query) });

export const listScoreSheets = () => request<{ sheets: ScoreSheet[] }>(`${base}/score-sheets`);

export const createScoreSheet = (input: ScoreSheetInput) =>
  request<ScoreSheet>(`${base}/score-sheets`, { method: 'POST', body: input });

export const updateScoreSheet = (id: string, input: ScoreSheetInput) =>
  request<ScoreSheet>(`${base}/score-sheets/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export const listScoreSheetVersions = (id: string) =>
  request<{ versions: ScoreSheetVersion[] }>(`${base}/score-sheets/${encodeURIComponent(id)}/versions`);

export const setScoreSheetArchived = (id: string, archived: boolean) =>
  request<ScoreSheet>(`${base}/score-sheets/${encodeURIComponent(id)}/archived`, {
    method: 'PUT',
    body: { archived },
  });

export const deleteScoreSheet = (id: string) =>
  request<null>(`${base}/score-sheets/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const listSamples = (query: { from: string; to: string }) =>
  request<{ samples: Sample[] }>(`${base}/samples`, { query });

export const drawSamples = (input: {
  sheetId: string;
  from: string;
  to: string;
  perAgent: number;
  shopId?: string | undefined;
}) => request<{ seed: number; samples: Sample[] }>(`${base}/samples/draw`, { method: 'POST', body: input });

export const scoreSample = (id: string, input: { scores: number[]; comment?: string }) =>
  request<Sample>(`${base}/samples/${encodeURIComponent(id)}/score`, { method: 'POST', body: input });

export const getShopSettings = (shopId: string) =>
  request<{ shopId: string; versions: ShopSettingsVersion[] }>(
    `${base}/settings/${encodeURIComponent(shopId)}`,
  );

export const saveShopSettings = (shopId: string, input: ShopSettingsInput) =>
  request<ShopSettingsVersion>(`${base}/settings/${encodeURIComponent(shopId)}`, {
    method: 'PUT',
    body: input,
  });

/** 标注样本: a reply labelled by hand; `engine` is what the rule library finds on it today. */
export type LabelledExample = {
  id: string;
  /** The shop whose rules judge it (its own rules may be named); null: the built-in library. */
  shopId: string | null;
  shopName: string | null;
  agent: string;
  buyer: string | null;
  rules: string[];
  note: string;
  /** 'finding' when a reviewer saved a finding as an example. */
  source: 'manual' | 'finding';
  createdAt: string;
  createdBy: string | null;
  engine: string[];
  agrees: boolean;
  /** The title of each rule in `rules` and `engine`. */
  titles: Record<string, string>;
};
export type ExampleInput = {
  shopId?: string | null;
  agent: string;
  buyer?: string | null;
  rules: string[];
  note?: string;
};
export type NewExampleInput = ExampleInput & { source?: 'manual' | 'finding' };
export type ExamplesQuery = {
  shopId?: string;
  ruleId?: string;
  compliant?: 'true';
  text?: string;
  limit: number;
  offset: number;
};
/** A rule a label may name; `custom`: one of the shop's own rules. */
export type LabellingRule = { id: string; title: string; custom: boolean };

export const listLabellingRules = (shopId: string | undefined) =>
  request<{ rules: LabellingRule[] }>(`${base}/examples/rules`, { query: toQuery({ shopId }) });

export const listExamples = (query: ExamplesQuery) =>
  request<{ examples: LabelledExample[]; total: number }>(`${base}/examples`, { query: toQuery(query) });

export const addExample = (input: NewExampleInput) =>
  request<{ ids: string[] }>(`${base}/examples`, { method: 'POST', body: input });

export const updateExample = (id: string, input: ExampleInput) =>
  request<null>(`${base}/examples/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export const removeExample = (id: string) =>
  request<null>(`${base}/examples/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** Counts and ratios (0–1) of one rule, or of all (micro). */
export type EvaluationScores = {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
};
/** 样本评测: the rule library a shop uses, scored on its 标注样本 and the organisation-wide ones. */
export type ExamplesEvaluation = {
  shopId: string | null;
  examples: number;
  compliant: number;
  falseAlarms: number;
  /** 误报率: compliant examples on which the engine finds a rule, 0–1. */
  falseAlarmRate: number;
  micro: EvaluationScores;
  /** `support`: examples labelled with the rule (样本数); `custom`: one of the shop's own rules. */
  rules: (EvaluationScores & { rule: string; support: number; custom: boolean })[];
  /** Labels naming rules the library does not have (switched off, not on the platform). */
  unscored: { rule: string; count: number }[];
  disagreements: {
    id: string;
    shopId: string | null;
    agent: string;
    buyer: string | null;
    rules: string[];
    engine: string[];
    missed: string[];
    extra: string[];
  }[];
  conflicts: { id: string; firstId: string; rules: string[]; firstRules: string[] }[];
  titles: Record<string, string>;
};

export const evaluateExamples = (shopId: string | undefined) =>
  request<ExamplesEvaluation>(`${base}/examples/evaluation`, { query: toQuery({ shopId }) });
