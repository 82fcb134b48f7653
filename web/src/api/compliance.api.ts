import { request } from './client.js';
import type { Platform } from './types.js';

/** The longest reply the server checks (UTF-16 code units); mirrors checkTextMaxLength on the server. */
export const checkTextMaxLength = 20_000;

export type RuleKind = 'general' | 'serious' | 'service';

export type Finding = {
  rule: string;
  ruleTitle: string;
  version: number;
  /** UTF-16 offsets into the checked text; `end` is exclusive. */
  start: number;
  end: number;
  evidence: string;
  points: number;
  kind: RuleKind;
  explanation: string;
  suggestion: string;
};

export type CheckInput = { text: string; buyerText?: string; shopId?: string };

/** What the check found, and the reply rewritten to break nothing (建议改写; null when clean). */
export type CheckOutcome = { findings: Finding[]; rewrite: string | null };

export type Rule = {
  id: string;
  title: string;
  kind: RuleKind;
  platforms: Platform[];
  points: number;
  deposit: { amountFen: number; fromOccurrence: number } | null;
  explanation: string;
  wrongExamples: string[];
  rightExamples: string[];
  version: number;
  effectiveFrom: string;
  /** message: one reply can show it; conversation: only a whole chat (or its orders) can. */
  scope: 'message' | 'conversation';
};

export const checkReply = (input: CheckInput) =>
  request<CheckOutcome>('/api/check', { method: 'POST', body: input });

export const listRules = () => request<{ rules: Rule[] }>('/api/rules');
