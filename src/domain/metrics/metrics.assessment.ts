import type { Platform } from '../shared/index.js';
import { type AgentParts, addAgentParts, emptyAgentParts } from './metrics.aggregate.js';
import { keyDay, keyId, type MetricsComputation } from './metrics.engine.js';
import type { TicketRecord } from './metrics.records.js';
import type { MetricsSettings, PddSettings } from './metrics.settings.js';
import { dayMs, dayToText, localDay } from './metrics.time.js';

/** What an indicator's value (and target) is in: a fraction, seconds, 元 or items per buyer. */
export type AssessmentUnit = 'rate' | 'seconds' | 'yuan' | 'items';

/** One assessed indicator: its value, the parts it came from, and what it would take to pass. */
export type AssessmentCheck = {
  name: string;
  label: string;
  value: number | null;
  target: number;
  numerator: number;
  denominator: number;
  /** Every platform line is a rate; a shop's own line may be seconds, 元 or items. */
  unit: AssessmentUnit;
  /** A value at or below the target passes (a mean response time); otherwise at or above. */
  atMost: boolean;
  /** A line the shop set itself (店铺目标: policy), not a platform's rule. */
  shopTarget: boolean;
  passed: boolean;
  /**
   * How far the value is from the target (0 when passed), in the check's terms: successes to add
   * for a rate, seconds to cut per answered message, 元 or items to add at the same buyers; null
   * when nothing can reach it: a 100 % target the cycle has already missed once.
   */
  needed: number | null;
  toPass: string | null;
};

/**
 * An indicator the platform reports without a published pass line (PDD's 平均人工响应时长,
 * 询单转化率, 客单价, 客件数) and the shop set no target for: shown as a value with its parts.
 */
export type AssessmentMeasure = {
  name: string;
  label: string;
  value: number | null;
  numerator: number;
  denominator: number;
  unit: AssessmentUnit;
};

export type PlatformAssessment = {
  shop: string;
  platform: Platform;
  from: string;
  to: string;
  checks: AssessmentCheck[];
  /** PDD only: the other indicators of its 客服 assessment without a shop target, as values. */
  measures?: AssessmentMeasure[];
  /** The platform's verdict: shop targets (店铺目标) are judged beside it and never change it. */
  passed: boolean;
  /** JD only: the 100-point score and its tier. */
  score?: number;
  tier?: { name: string; passed: boolean; penalty: number };
};

/** Successes to add, with the denominator fixed, so that numerator / denominator ≥ target. */
export const neededAtFixedTotal = (numerator: number, denominator: number, target: number): number =>
  Math.max(0, Math.ceil(target * denominator - numerator - 1e-9));

/** New successes (each also adding to the denominator) so that the rate reaches target. */
export const neededAsNew = (numerator: number, denominator: number, target: number): number =>
  target >= 1
    ? numerator === denominator
      ? 0
      : Number.POSITIVE_INFINITY
    : Math.max(0, Math.ceil((target * denominator - numerator) / (1 - target) - 1e-9));

type CheckInput = {
  name: string;
  label: string;
  numerator: number;
  denominator: number;
  target: number;
  /** Successes still needed when the target is missed. */
  needed: number;
  /** What one success is, for the "还需 N …" sentence. */
  unit: string;
  /** The whole sentence instead, when "还需 N unit" does not say it. */
  toPass?: string;
  measuredIn?: AssessmentUnit;
  atMost?: boolean;
  shopTarget?: boolean;
};

/**
 * One indicator against its target, a rate unless `measuredIn` says otherwise (an indicator
 * without a denominator passes: nothing to judge).
 */
export const check = ({
  name,
  label,
  numerator,
  denominator,
  target,
  needed,
  unit,
  toPass,
  measuredIn = 'rate',
  atMost = false,
  shopTarget = false,
}: CheckInput): AssessmentCheck => {
  const value = denominator === 0 ? null : numerator / denominator;
  const passed = value === null || (atMost ? value <= target + 1e-12 : value >= target - 1e-12);
  return {
    name,
    label,
    value,
    target,
    numerator,
    denominator,
    unit: measuredIn,
    atMost,
    shopTarget,
    passed,
    needed: passed ? 0 : Number.isFinite(needed) ? needed : null,
    toPass: passed
      ? null
      : Number.isFinite(needed)
        ? (toPass ?? `还需 ${needed} ${unit}`)
        : '目标为 100%，本周期已无法达标',
  };
};

/** Sums one shop's agent-day parts over [from, to]. */
export const shopPartsBetween = (
  computation: MetricsComputation,
  shop: number,
  from: number,
  to: number,
): AgentParts => {
  const { data } = computation;
  const total = emptyAgentParts(data.settingsOf(shop).response.capSec);
  for (const [key, parts] of computation.agentDays) {
    const day = keyDay(key);
    if (day < from || day > to || data.agents.scopeOf(keyId(key)) !== shop) continue;
    addAgentParts(total, parts);
  }
  return total;
};

/** What a platform assessment reads: one shop's summed parts over the assessed days. */
export type AssessmentInput = {
  parts: AgentParts;
  settings: MetricsSettings;
  shop: string;
  from: number;
  to: number;
};

const measure = (
  name: string,
  label: string,
  unit: AssessmentMeasure['unit'],
  numerator: number,
  denominator: number,
): AssessmentMeasure => ({
  name,
  label,
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
  unit,
});

type PddIndicator = {
  measure: AssessmentMeasure;
  target: number | null;
  judge: (target: number) => AssessmentCheck;
};

/** A shop's own line for one of PDD's other indicators, built from that indicator's measure. */
const shopCheck = (
  { name, label, unit, numerator, denominator }: AssessmentMeasure,
  target: number,
  rest: { needed: number; unit: string; toPass?: string; atMost?: boolean },
): AssessmentCheck =>
  check({ name, label, numerator, denominator, target, measuredIn: unit, shopTarget: true, ...rest });

/**
 * PDD's other indicators (kpi.md): mean manual wait over answered buyer messages 08:00-23:00,
 * paid (成团) inquiries over inquiries, sales and items over buying buyers. Parts hold money in 分
 * and waits in ms; measures give 元 and seconds. Each with a shop target (店铺目标) is judged: what
 * it would take is counted with the denominator fixed (the same answered messages, inquiries or
 * buying buyers).
 */
const pddIndicators = (parts: AgentParts, pdd: PddSettings): PddIndicator[] => {
  const wait = measure(
    'pddAvgResponseSec',
    '平均人工响应时长',
    'seconds',
    parts.pddWaitSum / 1000,
    parts.pddAnswered,
  );
  const conversion = measure('conversion', '询单转化率', 'rate', parts.inquiriesPaid, parts.inquiries);
  const aov = measure('aov', '客单价', 'yuan', parts.sales / 100, parts.buyers);
  const items = measure('itemsPerBuyer', '客件数', 'items', parts.items, parts.buyers);
  return [
    {
      measure: wait,
      target: pdd.avgResponseSecTarget,
      judge: (target) => {
        // Tenths of a second, rounded up: cutting that much from every answered wait suffices.
        const cut = Math.max(0, Math.ceil(((wait.value ?? 0) - target) * 10 - 1e-9) / 10);
        return shopCheck(wait, target, {
          needed: cut,
          unit: '秒',
          toPass: `还需每条人工回复平均快 ${cut} 秒`,
          atMost: true,
        });
      },
    },
    {
      measure: conversion,
      target: pdd.conversionTarget,
      judge: (target) =>
        shopCheck(conversion, target, {
          needed: neededAtFixedTotal(parts.inquiriesPaid, parts.inquiries, target),
          unit: '位询单买家付款',
        }),
    },
    {
      measure: aov,
      target: pdd.aovTarget,
      // Counted in 分 so that the sales still needed come out in whole 分.
      judge: (target) =>
        shopCheck(aov, target, {
          needed: neededAtFixedTotal(parts.sales, parts.buyers, target * 100) / 100,
          unit: '元销售额（买家数不变）',
        }),
    },
    {
      measure: items,
      target: pdd.itemsPerBuyerTarget,
      judge: (target) =>
        shopCheck(items, target, {
          needed: neededAtFixedTotal(parts.items, parts.buyers, target),
          unit: '件（买家数不变）',
        }),
    },
  ];
};

/**
 * 拼多多: 30秒应答率 over buyer messages 08:00-23:00 judged against its target. The other
 * indicators have no published pass line: each the shop set a target for is a check marked as a
 * shop target (店铺目标), the rest come as measures.
 */
export const assessPdd = ({ parts, settings, shop, from, to }: AssessmentInput): PlatformAssessment => {
  const target = settings.pdd.reply30sTarget;
  const reply = check({
    name: 'pddReply30sRate',
    label: '30秒应答率',
    numerator: parts.pddWithin,
    denominator: parts.pddMessages,
    target,
    needed: neededAtFixedTotal(parts.pddWithin, parts.pddMessages, target),
    unit: `条买家消息在 ${settings.pdd.replyWithinSec} 秒内人工回复`,
  });
  const indicators = pddIndicators(parts, settings.pdd);
  return {
    shop,
    platform: 'pdd',
    from: dayToText(from),
    to: dayToText(to),
    checks: [reply, ...indicators.flatMap((item) => (item.target === null ? [] : [item.judge(item.target)]))],
    measures: indicators.filter((item) => item.target === null).map((item) => item.measure),
    passed: reply.passed,
  };
};

/**
 * The Douyin half-month cycle assessed on `day`: on the 1st-15th it is the 16th-end of last
 * month (assessed on the 1st), from the 16th on it is the 1st-15th of this month.
 */
export const douyinCycle = (day: number): { from: number; to: number } => {
  const date = new Date(day * dayMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (date.getUTCDate() >= 16) {
    const first = Date.UTC(year, month, 1) / dayMs;
    return { from: first, to: first + 14 };
  }
  return { from: Date.UTC(year, month - 1, 16) / dayMs, to: Date.UTC(year, month, 1) / dayMs - 1 };
};

/** 抖店: 2分钟首次回复率, 3分钟平均回复率 and 满意度 against their thresholds. */
export const assessDouyin = ({ parts, settings, shop, from, to }: AssessmentInput): PlatformAssessment => {
  const dy = settings.douyin;
  const checks = [
    check({
      name: 'dyFirstReply2mRate',
      label: '2分钟首次回复率',
      numerator: parts.dyFirstWithin,
      denominator: parts.dySessions,
      target: dy.firstReplyTarget,
      needed: neededAtFixedTotal(parts.dyFirstWithin, parts.dySessions, dy.firstReplyTarget),
      unit: `个人工会话在 ${dy.firstReplyWithinSec / 60} 分钟内首次回复`,
    }),
    check({
      name: 'dyReply3mRate',
      label: '3分钟平均回复率',
      numerator: parts.dyWithin,
      denominator: parts.dyMessages,
      target: dy.replyTarget,
      needed: neededAtFixedTotal(parts.dyWithin, parts.dyMessages, dy.replyTarget),
      unit: `条买家消息在 ${dy.replyWithinSec / 60} 分钟内回复`,
    }),
    check({
      name: 'satisfaction',
      label: '满意度',
      numerator: parts.ratedGood,
      denominator: parts.rated,
      target: dy.satisfactionTarget,
      needed: neededAsNew(parts.ratedGood, parts.rated, dy.satisfactionTarget),
      unit: '个满意评价（4-5 星）',
    }),
  ];
  return {
    shop,
    platform: 'douyin',
    from: dayToText(from),
    to: dayToText(to),
    checks,
    passed: checks.every((item) => item.passed),
  };
};

/** The tickets applied for within the local days [from, to] of a shop in `settings`' time zone. */
export const ticketsAppliedIn = <T extends TicketRecord>(
  tickets: T[],
  settings: MetricsSettings,
  from: number,
  to: number,
): T[] => {
  const offset = settings.timeZoneOffsetMinutes * 60_000;
  return tickets.filter((ticket) => {
    const day = localDay(ticket.applied, offset);
    return day >= from && day <= to;
  });
};

/** JD tickets of a shop applied within [from, to] (local days). */
export const ticketsBetween = (
  computation: MetricsComputation,
  shop: number,
  from: number,
  to: number,
): TicketRecord[] =>
  ticketsAppliedIn(
    computation.data.tickets.filter((ticket) => ticket.shopId === shop),
    computation.data.settingsOf(shop),
    from,
    to,
  );
