import { sql } from 'kysely';
import type { Db } from '../../store/database.js';
import {
  chainSql,
  dayMs,
  localDayOf,
  num,
  offsetMs,
  type ReferenceSettings,
  ratio,
  run,
  withinHours,
} from './metrics-store.differential.sql.js';

// The per agent-day KPIs of kpi.md as SQL over the units of metrics-store.differential.sql.ts,
// with the thresholds of the default settings: response times capped at 600 s in means with
// 0-second replies left out, slow turns over 60 s, slow receptions of 3 turns over 120 s, PDD's
// 30 s, Douyin's 2 and 3 minutes and Taobao's 3 minutes, all three platforms' hours 08:00-23:00.
// The platform rates are computed for every shop, as the engine publishes them for every shop.

const capMs = sql.lit(600_000);
const slowMs = sql.lit(60_000);
const slowReceptionMs = sql.lit(120_000);
const slowReceptionTurns = sql.lit(3);
const pddWithinMs = sql.lit(30_000);
const dyFirstWithinMs = sql.lit(120_000);
const dyWithinMs = sql.lit(180_000);
const tbWithinMs = sql.lit(180_000);
const pddHours = (ms: string) => withinHours(sql.raw(ms), 8, 23);
const dyHours = (ms: string) => withinHours(sql.raw(ms), 8, 23);
const tbHours = (ms: string) => withinHours(sql.raw(ms), 8, 23);
const epochMs = (column: string) => sql`(extract(epoch FROM ${sql.raw(column)}) * 1000)::bigint`;

const kpiSql = (organizationId: string, settings: ReferenceSettings) => sql`
${chainSql(organizationId, settings)},
receptions_kpi AS (
  SELECT shop_id, agent, day, count(*) AS consulted, count(*) FILTER (WHERE served) AS served,
    count(*) FILTER (WHERE after_sale) AS after_sale,
    count(*) FILTER (WHERE inquiry) AS inquiries,
    count(*) FILTER (WHERE inquiry AND ordered) AS inquiries_ordered,
    count(*) FILTER (WHERE inquiry AND paid) AS inquiries_paid
  FROM counted GROUP BY shop_id, agent, day
),
-- Every turn of a human reception with its wait (null when never answered); the reception's
-- first turn is the one that opened it.
waits AS (
  SELECT d.shop_id, d.buyer, d.agent, d.day, d.turn, d.start, d.reply, d.reply - d.start AS wait,
    d.start = r.rstart AS first, ${localDayOf(sql`d.reply`)} AS reply_day
  FROM dated d JOIN human r ON r.shop_id = d.shop_id AND r.buyer = d.buyer AND r.agent = d.agent
    AND r.day = d.day
),
-- 慢接待: receptions with at least 3 turns answered after 120 s.
slow_receptions AS (
  SELECT shop_id, agent, day, count(*) AS slow_receptions FROM (
    SELECT shop_id, agent, day FROM waits GROUP BY shop_id, buyer, agent, day
    HAVING count(*) FILTER (WHERE wait > ${slowReceptionMs}) >= ${slowReceptionTurns}) slow
  GROUP BY shop_id, agent, day
),
-- Response times over answered turns, 0-second replies left out: means of the waits capped (and
-- uncapped), median and p90 of the waits themselves, since kpi.md caps only "when averaging"
-- (nearest rank over whole seconds, rounded down). Slow turns: answered after
-- 60 s. Douyin's first-reply rate: receptions started in its hours, first turn answered within
-- 2 minutes. Taobao's 3-minute rate: turns started in its hours, those answered on a later day
-- (crossing midnight) left out, unanswered ones missed.
service AS (
  SELECT shop_id, agent, day,
    count(*) FILTER (WHERE wait >= 1000) AS resp_count,
    sum(least(wait, ${capMs})) FILTER (WHERE wait >= 1000) AS resp_sum_capped,
    sum(wait) FILTER (WHERE wait >= 1000) AS resp_sum_uncapped,
    count(*) FILTER (WHERE wait >= 1000 AND first) AS first_count,
    sum(least(wait, ${capMs})) FILTER (WHERE wait >= 1000 AND first) AS first_sum,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY wait / 1000) FILTER (WHERE wait >= 1000) AS median_response_sec,
    percentile_disc(0.9) WITHIN GROUP (ORDER BY wait / 1000) FILTER (WHERE wait >= 1000) AS p90_response_sec,
    count(*) FILTER (WHERE wait > ${slowMs}) AS slow_turns,
    count(*) FILTER (WHERE reply IS NULL) AS unanswered_turns,
    count(*) FILTER (WHERE first AND ${dyHours('start')}) AS dy_sessions,
    count(*) FILTER (WHERE first AND ${dyHours('start')} AND wait <= ${dyFirstWithinMs}) AS dy_first_within,
    count(*) FILTER (WHERE ${tbHours('start')} AND (reply IS NULL OR reply_day = day)) AS tb_turns,
    count(*) FILTER (WHERE ${tbHours('start')} AND reply_day = day AND wait <= ${tbWithinMs}) AS tb_within
  FROM waits GROUP BY shop_id, agent, day
),
-- Every buyer message of a human reception waits for the reply that ends its turn. PDD: messages
-- sent in its hours, answered within 30 s, and the mean wait of the answered ones. Douyin: messages
-- sent in its hours, answered within 3 minutes.
replies AS (
  SELECT w.shop_id, w.agent, w.day,
    count(*) FILTER (WHERE ${pddHours('n.t')}) AS pdd_messages,
    count(*) FILTER (WHERE ${pddHours('n.t')} AND w.reply - n.t <= ${pddWithinMs}) AS pdd_within,
    count(w.reply) FILTER (WHERE ${pddHours('n.t')}) AS pdd_answered,
    sum(w.reply - n.t) FILTER (WHERE ${pddHours('n.t')}) AS pdd_wait_sum,
    count(*) FILTER (WHERE ${dyHours('n.t')}) AS dy_messages,
    count(*) FILTER (WHERE ${dyHours('n.t')} AND w.reply - n.t <= ${dyWithinMs}) AS dy_within
  FROM waits w JOIN numbered n ON n.shop_id = w.shop_id AND n.buyer = w.buyer AND n.agent = w.agent
    AND n.turn = w.turn AND n.sender = 'buyer'
  GROUP BY w.shop_id, w.agent, w.day
),
-- 满意度: ratings on the agent's local day of the rating, 4 and 5 stars good; filtered buyers' out.
rated AS (
  SELECT g.shop_id, g.agent, ${localDayOf(epochMs('g.time'))} AS day, count(*) AS rated,
    count(*) FILTER (WHERE g.stars >= 4) AS rated_good
  FROM ratings g LEFT JOIN filtered f ON f.shop_id = g.shop_id AND f.buyer = g.buyer
  WHERE g.organization_id = ${organizationId} AND f.buyer IS NULL
  GROUP BY 1, 2, 3
),
-- Sales, buyers, items and refunds of the credited orders paid within the credited window.
sales AS (
  SELECT shop_id, agent, day, sum(amount) AS sales, count(DISTINCT buyer) AS buyers, sum(items) AS items,
    sum(refund) AS refund
  FROM credited WHERE paid < wend GROUP BY shop_id, agent, day
),
-- 协助下单: the order's other candidates, on their reception's day. 协助付款: the payment's role
-- when not one of those. 协助跟进: agents replying manually from the order's creation until its
-- payment (while unpaid: the end of its window) when neither, on the day of their first such
-- reply. Each agent counts once per order, with the order's paid amount.
assists AS (
  SELECT c.shop_id, c.order_id, c.agent, 'order' AS kind, ${localDayOf(sql`c.rstart`)} AS day
  FROM candidates c LEFT JOIN roles k ON k.shop_id = c.shop_id AND k.order_id = c.order_id
    AND k.role = 'order' AND k.agent = c.agent
  WHERE c.role = 'order' AND k.agent IS NULL
  UNION ALL
  SELECT p.shop_id, p.order_id, p.agent, 'payment', ${localDayOf(sql`p.rstart`)}
  FROM roles p LEFT JOIN candidates c ON c.shop_id = p.shop_id AND c.order_id = p.order_id
    AND c.role = 'order' AND c.agent = p.agent
  WHERE p.role = 'payment' AND c.agent IS NULL
  UNION ALL
  SELECT o.shop_id, o.order_id, x.agent, 'followUp', ${localDayOf(sql`min(x.t)`)}
  FROM ords o JOIN chat x ON x.shop_id = o.shop_id AND x.buyer = o.buyer AND x.sender = 'agent'
  LEFT JOIN candidates c ON c.shop_id = o.shop_id AND c.order_id = o.order_id AND c.role = 'order'
    AND c.agent = x.agent
  LEFT JOIN roles p ON p.shop_id = o.shop_id AND p.order_id = o.order_id AND p.role = 'payment'
    AND p.agent = x.agent
  WHERE x.t >= o.created AND c.agent IS NULL AND p.agent IS NULL
    AND x.t <= coalesce(o.paid, (${localDayOf(sql`o.created`)} + o.window_days) * ${dayMs} - ${offsetMs})
  GROUP BY o.shop_id, o.order_id, x.agent
),
assist_kpi AS (
  SELECT a.shop_id, a.agent, a.day,
    count(*) FILTER (WHERE kind = 'order') AS assist_order_count,
    coalesce(sum(o.amount) FILTER (WHERE kind = 'order' AND o.paid IS NOT NULL), 0) AS assist_order_amount,
    count(*) FILTER (WHERE kind = 'payment') AS assist_payment_count,
    coalesce(sum(o.amount) FILTER (WHERE kind = 'payment'), 0) AS assist_payment_amount,
    count(*) FILTER (WHERE kind = 'followUp') AS follow_ups,
    coalesce(sum(o.amount) FILTER (WHERE kind = 'followUp' AND o.paid IS NOT NULL), 0) AS follow_up_amount
  FROM assists a JOIN ords o ON o.shop_id = a.shop_id AND o.order_id = a.order_id
  GROUP BY a.shop_id, a.agent, a.day
),
keys AS (
  SELECT shop_id, agent, day FROM receptions_kpi UNION SELECT shop_id, agent, day FROM sales
  UNION SELECT shop_id, agent, day FROM rated UNION SELECT shop_id, agent, day FROM assist_kpi
)
SELECT sh.name AS shop, k.agent, k.day,
  c.consulted, c.served, c.consulted - c.served AS unanswered, c.after_sale, c.inquiries,
  c.inquiries_ordered, c.inquiries_paid, c.inquiries - c.inquiries_paid AS lost_inquiries,
  v.slow_turns, v.unanswered_turns, z.slow_receptions, v.median_response_sec, v.p90_response_sec,
  x.buyers, a.assist_order_count, a.assist_payment_count, a.follow_ups,
  x.sales, x.refund, x.items, a.assist_order_amount, a.assist_payment_amount, a.follow_up_amount,
  v.resp_count, v.resp_sum_capped, v.resp_sum_uncapped, v.first_count, v.first_sum,
  p.pdd_messages, p.pdd_within, p.pdd_answered, p.pdd_wait_sum, v.dy_sessions, v.dy_first_within,
  p.dy_messages, p.dy_within, v.tb_turns, v.tb_within, g.rated, g.rated_good,
  c.served::float8 / nullif(c.consulted, 0) AS reply_rate,
  c.inquiries_paid::float8 / nullif(c.inquiries, 0) AS conversion,
  v.resp_sum_capped::float8 / 1000 / nullif(v.resp_count, 0) AS avg_response_sec,
  v.resp_sum_uncapped::float8 / 1000 / nullif(v.resp_count, 0) AS avg_response_uncapped_sec,
  v.first_sum::float8 / 1000 / nullif(v.first_count, 0) AS first_response_sec,
  p.pdd_within::float8 / nullif(p.pdd_messages, 0) AS pdd_reply30s_rate,
  p.pdd_wait_sum::float8 / 1000 / nullif(p.pdd_answered, 0) AS pdd_avg_response_sec,
  v.dy_first_within::float8 / nullif(v.dy_sessions, 0) AS dy_first_reply2m_rate,
  p.dy_within::float8 / nullif(p.dy_messages, 0) AS dy_reply3m_rate,
  v.tb_within::float8 / nullif(v.tb_turns, 0) AS tb_reply3m_rate,
  g.rated_good::float8 / nullif(g.rated, 0) AS satisfaction,
  x.refund::float8 / nullif(x.sales, 0) AS refund_rate,
  x.sales::float8 / 100 / nullif(x.buyers, 0) AS aov,
  x.items::float8 / nullif(x.buyers, 0) AS items_per_buyer
FROM keys k JOIN shops sh ON sh.id = k.shop_id
LEFT JOIN receptions_kpi c ON c.shop_id = k.shop_id AND c.agent = k.agent AND c.day = k.day
LEFT JOIN service v ON v.shop_id = k.shop_id AND v.agent = k.agent AND v.day = k.day
LEFT JOIN slow_receptions z ON z.shop_id = k.shop_id AND z.agent = k.agent AND z.day = k.day
LEFT JOIN replies p ON p.shop_id = k.shop_id AND p.agent = k.agent AND p.day = k.day
LEFT JOIN rated g ON g.shop_id = k.shop_id AND g.agent = k.agent AND g.day = k.day
LEFT JOIN sales x ON x.shop_id = k.shop_id AND x.agent = k.agent AND x.day = k.day
LEFT JOIN assist_kpi a ON a.shop_id = k.shop_id AND a.agent = k.agent AND a.day = k.day
`;

/** Whole numbers the engine publishes per agent-day (money in 分); the quantiles are null when no turn was answered. */
export const publishedCounts = [
  'consulted',
  'served',
  'unanswered',
  'afterSale',
  'inquiries',
  'inquiriesOrdered',
  'inquiriesPaid',
  'lostInquiries',
  'slowTurns',
  'unansweredTurns',
  'slowReceptions',
  'medianResponseSec',
  'p90ResponseSec',
  'buyers',
  'assistOrderCount',
  'assistPaymentCount',
  'followUps',
  'sales',
  'refund',
  'assistOrderAmount',
  'assistPaymentAmount',
  'followUpAmount',
] as const;
/** The numerators and denominators behind every rate and mean (kpi.md: publish both), ms and 分. */
export const rateParts = [
  'items',
  'respCount',
  'respSumCapped',
  'respSumUncapped',
  'firstCount',
  'firstSum',
  'pddMessages',
  'pddWithin',
  'pddAnswered',
  'pddWaitSum',
  'dySessions',
  'dyFirstWithin',
  'dyMessages',
  'dyWithin',
  'tbTurns',
  'tbWithin',
  'rated',
  'ratedGood',
] as const;
/** Rates (fractions), means (seconds, 元) and ratios, unrounded. */
export const ratios = [
  'replyRate',
  'conversion',
  'avgResponseSec',
  'avgResponseUncappedSec',
  'firstResponseSec',
  'pddReply30sRate',
  'pddAvgResponseSec',
  'dyFirstReply2mRate',
  'dyReply3mRate',
  'tbReply3mRate',
  'satisfaction',
  'refundRate',
  'aov',
  'itemsPerBuyer',
] as const;

export type PublishedCount = (typeof publishedCounts)[number];
export type RatePart = (typeof rateParts)[number];
export type Ratio = (typeof ratios)[number];

/** One shop, agent and local day (days since 1970). */
export type ReferenceRow = {
  shop: string;
  agent: string;
  day: number;
  counts: Record<PublishedCount | RatePart, number | null>;
  ratios: Record<Ratio, number | null>;
};

/** Null when no turn was answered. */
export const nullableCounts: ReadonlySet<string> = new Set(['medianResponseSec', 'p90ResponseSec']);

export const referenceKpis = async (
  db: Db,
  organizationId: string,
  settings: ReferenceSettings,
): Promise<ReferenceRow[]> => {
  const rows = await run(db, kpiSql(organizationId, settings));
  return rows.map((row) => ({
    shop: String(row.shop),
    agent: String(row.agent),
    day: num(row.day),
    counts: Object.fromEntries(
      [...publishedCounts, ...rateParts].map((field) => [
        field,
        nullableCounts.has(field) ? ratio(row[field]) : num(row[field]),
      ]),
    ) as ReferenceRow['counts'],
    ratios: Object.fromEntries(ratios.map((field) => [field, ratio(row[field])])) as ReferenceRow['ratios'],
  }));
};
