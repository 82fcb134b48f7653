import type { AgentParts } from './metrics.aggregate.js';
import {
  type AssessmentCheck,
  check,
  neededAsNew,
  neededAtFixedTotal,
  type PlatformAssessment,
} from './metrics.assessment.js';
import type { TicketRecord } from './metrics.records.js';
import type { JdTargets, MetricsSettings } from './metrics.settings.js';
import { dayToText, serviceMsBetween, toClockRange } from './metrics.time.js';

type TicketCounts = {
  reviewed: number;
  reviewedInTime: number;
  handled: number;
  handledInTime: number;
  awaiting: number;
  sampled: number;
  samplePassed: number;
};

/** Counts tickets whose wait, in service hours only (09:00-21:00 by default), is within the limit. */
const countTickets = (tickets: TicketRecord[], settings: MetricsSettings): TicketCounts => {
  const offset = settings.timeZoneOffsetMinutes * 60_000;
  const hours = toClockRange(settings.hours.jdTickets);
  const limit = settings.jd.withinSec * 1000;
  const counts: TicketCounts = {
    reviewed: 0,
    reviewedInTime: 0,
    handled: 0,
    handledInTime: 0,
    awaiting: 0,
    sampled: 0,
    samplePassed: 0,
  };
  for (const ticket of tickets) {
    if (ticket.reviewed !== null) {
      counts.reviewed++;
      if (serviceMsBetween(ticket.applied, ticket.reviewed, offset, hours) <= limit) counts.reviewedInTime++;
      if (ticket.awaitingCustomer) counts.awaiting++;
    }
    if (ticket.ready !== null && ticket.resolved !== null) {
      counts.handled++;
      if (serviceMsBetween(ticket.ready, ticket.resolved, offset, hours) <= limit) counts.handledInTime++;
    }
    if (ticket.sampled) {
      counts.sampled++;
      if (ticket.samplePassed) counts.samplePassed++;
    }
  }
  return counts;
};

/** Percentage points a rate is below its target (0 when at or above, or when nothing was rated). */
const pointsBelow = (numerator: number, denominator: number, target: number) =>
  denominator === 0 ? 0 : Math.max(0, (target - numerator / denominator) * 100);

type JdPoints = { satisfaction: number; review: number; handle: number; spec: number; awaiting: number };

/** The five parts of JD's monthly after-sale score, as its rules deduct them. */
const jdPoints = (parts: AgentParts, t: TicketCounts, jd: JdTargets): JdPoints => ({
  satisfaction:
    parts.rated > 50
      ? Math.max(0, 50 - 2 * pointsBelow(parts.ratedGood, parts.rated, jd.satisfactionTarget))
      : Math.max(0, 50 - parts.ratedBad),
  review: Math.max(0, 20 - pointsBelow(t.reviewedInTime, t.reviewed, jd.reviewTarget)),
  handle: Math.max(0, 10 - 0.5 * pointsBelow(t.handledInTime, t.handled, jd.handleTarget)),
  spec:
    t.sampled >= 20
      ? Math.max(0, 20 - pointsBelow(t.samplePassed, t.sampled, jd.specTarget))
      : Math.max(0, 20 - (t.sampled - t.samplePassed)),
  awaiting: t.reviewed > 0 && t.awaiting / t.reviewed > jd.awaitingTarget ? -5 : 0,
});

const satisfactionCheck = (parts: AgentParts, jd: JdTargets, points: number): AssessmentCheck => {
  const rated = { numerator: parts.ratedGood, denominator: parts.rated };
  if (parts.rated > 50) {
    const needed = neededAsNew(parts.ratedGood, parts.rated, jd.satisfactionTarget);
    return check({
      name: 'satisfaction',
      label: `售后满意度（${points} / 50 分）`,
      ...rated,
      target: jd.satisfactionTarget,
      needed,
      unit: '个满意评价',
    });
  }
  const label = `售后满意度（${points} / 50 分，评价不足 50 条按差评扣分）`;
  const bad = parts.ratedBad;
  return {
    ...check({ name: 'satisfaction', label, ...rated, target: 0, needed: 0, unit: '' }),
    passed: bad === 0,
    needed: bad,
    toPass: bad === 0 ? null : `${bad} 个不满意评价各扣 1 分`,
  };
};

const jdChecks = (parts: AgentParts, t: TicketCounts, jd: JdTargets, points: JdPoints): AssessmentCheck[] => {
  const excess = Math.max(0, t.awaiting - Math.floor(jd.awaitingTarget * t.reviewed));
  const awaiting = check({
    name: 'awaiting',
    label: `待客户反馈率（${points.awaiting} 分）`,
    numerator: t.awaiting,
    denominator: t.reviewed,
    target: jd.awaitingTarget,
    needed: 0,
    unit: '',
    atMost: true,
  });
  return [
    satisfactionCheck(parts, jd, points.satisfaction),
    check({
      name: 'review20',
      label: `服务单审核20分钟达标率（${points.review} / 20 分）`,
      numerator: t.reviewedInTime,
      denominator: t.reviewed,
      target: jd.reviewTarget,
      needed: neededAtFixedTotal(t.reviewedInTime, t.reviewed, jd.reviewTarget),
      unit: '张服务单在 20 分钟内审核',
    }),
    check({
      name: 'handle20',
      label: `服务单处理20分钟达标率（${points.handle} / 10 分）`,
      numerator: t.handledInTime,
      denominator: t.handled,
      target: jd.handleTarget,
      needed: neededAtFixedTotal(t.handledInTime, t.handled, jd.handleTarget),
      unit: '张服务单在 20 分钟内给出处理结果',
    }),
    check({
      name: 'spec',
      label: `服务规范达标率（${points.spec} / 20 分）`,
      numerator: t.samplePassed,
      denominator: t.sampled,
      target: jd.specTarget,
      needed: neededAtFixedTotal(t.samplePassed, t.sampled, jd.specTarget),
      unit: '个抽检样本达标',
    }),
    // A lower rate is better here, so pass/fail comes from the points, not from value ≥ target.
    {
      ...awaiting,
      passed: points.awaiting === 0,
      needed: points.awaiting === 0 ? 0 : excess,
      toPass: points.awaiting === 0 ? null : `需减少 ${excess} 张待客户反馈服务单`,
    },
  ];
};

/** 京东售后服务分 (100 points a month) from ratings and service tickets, with its tier. */
export const assessJd = ({
  parts,
  tickets,
  settings,
  shop,
  from,
  to,
}: {
  parts: AgentParts;
  tickets: TicketRecord[];
  settings: MetricsSettings;
  shop: string;
  from: number;
  to: number;
}): PlatformAssessment => {
  const jd = settings.jd;
  const counts = countTickets(tickets, settings);
  const points = jdPoints(parts, counts, jd);
  const score =
    Math.round((points.satisfaction + points.review + points.handle + points.spec + points.awaiting) * 100) /
    100;
  const tier = jd.tiers.find((candidate) => score >= candidate.min) ??
    jd.tiers.at(-1) ?? { name: '', passed: false, penalty: 0 };
  return {
    shop,
    platform: 'jd',
    from: dayToText(from),
    to: dayToText(to),
    checks: jdChecks(parts, counts, jd, points),
    passed: tier.passed,
    score,
    tier: { name: tier.name, passed: tier.passed, penalty: tier.penalty },
  };
};
