import type { Platform } from '../shared/index.js';
import { type AgentParts, addAgentParts, emptyAgentParts } from './metrics.aggregate.js';
import { assessDouyin, assessPdd, type PlatformAssessment, ticketsAppliedIn } from './metrics.assessment.js';
import { assessJd } from './metrics.jd.js';
import { halfMonthOf, monthOf } from './metrics.platforms.js';
import type { TicketRecord } from './metrics.records.js';
import type { MetricsSettings } from './metrics.settings.js';
import { dayToText } from './metrics.time.js';

// Platform assessments of one shop from per agent-day parts (the materialised results the
// dashboard reads) instead of a whole engine run: every part an assessment needs is additive.

export type AssessmentPeriod = { from: number; to: number };

/** A platform assessment over its days, and the platform cycle those days belong to. */
export type PeriodAssessment = PlatformAssessment & {
  /** The whole cycle (Douyin half-month, JD month; PDD: the period asked for). */
  cycle: { from: string; to: string };
  /** False while the cycle runs past the last day with results: the verdict may still change. */
  complete: boolean;
};

/**
 * The cycles a platform assesses that overlap [from, to]: PDD the period itself, Douyin each
 * half-month (1st-15th, 16th-end), JD each month; none for platforms without an assessment.
 */
export const assessmentCycles = (platform: Platform, from: number, to: number): AssessmentPeriod[] => {
  const periodOf = platform === 'douyin' ? halfMonthOf : platform === 'jd' ? monthOf : null;
  if (platform === 'pdd') return [{ from, to }];
  if (!periodOf) return [];
  const cycles: AssessmentPeriod[] = [];
  for (let day = from; day <= to; ) {
    const cycle = periodOf(day);
    cycles.push(cycle);
    day = cycle.to + 1;
  }
  return cycles;
};

export type StoredAssessmentInput = {
  shop: string;
  platform: Platform;
  /** The shop's agent-day parts covering the cycles (already narrowed to what the reader may see). */
  agentDays: { day: number; parts: AgentParts }[];
  /** The shop's JD service tickets around the cycles. */
  tickets: TicketRecord[];
  /** The shop's settings in force on a day (targets, hours, JD tiers). */
  settingsOn: (day: number) => MetricsSettings;
  from: number;
  to: number;
  /** The last day results may exist for (yesterday): cycles are cut there and marked incomplete. */
  lastDay: number;
};

/**
 * One shop's assessments for the cycles overlapping [from, to], each judged by the settings in
 * force on its last assessed day (the targets the platform applies when it assesses).
 */
export const assessStoredShop = (input: StoredAssessmentInput): PeriodAssessment[] => {
  const { shop, platform, agentDays, tickets, settingsOn, lastDay } = input;
  const end = Math.max(input.to, lastDay);
  return assessmentCycles(platform, input.from, input.to).map((cycle) => {
    const from = cycle.from;
    const to = Math.max(from, Math.min(cycle.to, end));
    const settings = settingsOn(to);
    const parts = emptyAgentParts(settings.response.capSec);
    for (const entry of agentDays)
      if (entry.day >= from && entry.day <= to) addAgentParts(parts, entry.parts);
    const base = { parts, settings, shop, from, to };
    const assessment =
      platform === 'pdd'
        ? assessPdd(base)
        : platform === 'douyin'
          ? assessDouyin(base)
          : assessJd({ ...base, tickets: ticketsAppliedIn(tickets, settings, from, to) });
    return {
      ...assessment,
      cycle: { from: dayToText(cycle.from), to: dayToText(cycle.to) },
      complete: cycle.to <= lastDay,
    };
  });
};
