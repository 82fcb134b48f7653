import type { RuleKind, RuleVersion } from '../rules/index.js';
import type { Issue, RulePoints } from '../shared/index.js';

/** One suspected violation (质检结果) in one message; offsets are in the ORIGINAL text. */
export type Finding = {
  rule: string;
  version: number;
  kind: RuleKind;
  title: string;
  start: number;
  end: number;
  /** The original substring that matched. */
  evidence: string;
  points: RulePoints;
  explanation: string;
  /** A compliant way to say it. */
  suggestion: string;
};

export type CheckInput = { text: string; buyerText?: string };

export type ConversationMessage = {
  speaker: 'agent' | 'buyer';
  text: string;
  /** Auto replies and welcome messages never count as the human's reply. */
  replyKind?: 'human' | 'auto' | 'welcome' | 'assist';
};

export type ConversationFinding = Finding & { messageIndex: number };

/** A library compiled once for one day and one shop; check many messages with it. */
export type Checker = {
  /** Live check of one agent message (message-level rules only). */
  /** The result is shared for clean messages (most of them): read it, never change it. */
  check: (input: CheckInput) => { readonly findings: readonly Finding[] };
  /** Bulk inspection of a whole conversation: every message rule plus conversation rules. */
  checkConversation: (input: { messages: ConversationMessage[] }) => { findings: ConversationFinding[] };
  /** The rule versions in force that this checker applies. */
  rules: RuleVersion[];
  /** Problems found while compiling (bad specs, unknown overrides); the rest still works. */
  issues: Issue[];
  /** Keywords in the one-pass automaton (for benchmarks and diagnostics). */
  keywordCount: number;
  /** Live counters: messages checked, and how many the fast scan passed on to the full check. */
  counters: { checks: number; fullChecks: number };
};
