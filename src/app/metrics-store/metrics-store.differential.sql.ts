import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../store/database.js';

// kpi.md's units written directly as SQL over the stored tables, as an independent reference for
// the engine (test only): the filters, turns, receptions, credit roles (落实) and inquiries (询单)
// that every per agent-day KPI is counted over. It reads the default settings of
// data/settings/metrics.presets.json: Asia/Shanghai, 15-day look-back, attribution until the end
// of the next day (3 natural days on PDD, Douyin and JD), credit to the last agent who replied
// manually before the order (下单判定). The KPIs themselves are in metrics-store.differential.kpis.sql.ts.

export type ReferenceSettings = { adPattern: string; staffPattern: string };

// Literals, not parameters: PostgreSQL matches GROUP BY expressions textually.
export const offsetMs = sql.lit(8 * 3_600_000);
export const dayMs = sql.lit(86_400_000);
export const lookBackMs = sql.lit(15 * 86_400_000);

/** The shop-local day (days since 1970) of an epoch-millisecond column. */
export const localDayOf = (ms: RawBuilder<unknown>) => sql`((${ms} + ${offsetMs}) / ${dayMs})`;

/** Whether an epoch-millisecond column falls within local hours [from, to). */
export const withinHours = (ms: RawBuilder<unknown>, from: number, to: number) =>
  sql`((${ms} + ${offsetMs}) % ${dayMs} >= ${sql.lit(from * 3_600_000)} AND (${ms} + ${offsetMs}) % ${dayMs} < ${sql.lit(to * 3_600_000)})`;

// Attribution (and so the end of a reception's window) in natural days counting its own day.
const windowDays = sql`CASE WHEN s.platform IN ('pdd', 'douyin', 'jd') THEN 3 ELSE 2 END`;

export const chainSql = (organizationId: string, { adPattern, staffPattern }: ReferenceSettings) => sql`
WITH ms AS (
  SELECT m.shop_id, m.buyer, m.agent, m.sender, m.kind, m.text, ${windowDays} AS window_days,
    (extract(epoch FROM m.time) * 1000)::bigint AS t
  FROM messages m JOIN shops s ON s.id = m.shop_id
  WHERE m.organization_id = ${organizationId}
),
-- 广告 and the other filters: such buyers are left out of everything and counted apart.
advertisers AS (
  SELECT DISTINCT shop_id, buyer FROM ms WHERE sender = 'buyer' AND text ~* ${adPattern}
),
filtered AS (
  SELECT shop_id, buyer FROM advertisers
  UNION SELECT DISTINCT shop_id, buyer FROM ms WHERE buyer ~* ${staffPattern}
  UNION SELECT b.shop_id, b.buyer FROM (SELECT DISTINCT shop_id, buyer FROM ms) b
    JOIN (SELECT DISTINCT shop_id, agent FROM ms) a ON a.shop_id = b.shop_id AND a.agent = b.buyer
),
kept AS (
  SELECT ms.* FROM ms LEFT JOIN filtered f ON f.shop_id = ms.shop_id AND f.buyer = ms.buyer
  WHERE f.buyer IS NULL
),
-- Buyer messages and manual replies (人工, 智能辅助) make turns; automatic replies never stop a
-- clock, they only take the number of the turn they fall in.
chat AS (
  SELECT *, sender = 'buyer' AND lag(sender) OVER (PARTITION BY shop_id, buyer, agent
    ORDER BY t, sender <> 'buyer') IS DISTINCT FROM 'buyer' AS opens
  FROM kept WHERE sender = 'buyer' OR (sender = 'agent' AND kind IN ('human', 'assist'))
),
numbered AS (
  SELECT *, sum(CASE WHEN opens THEN 1 ELSE 0 END) OVER (PARTITION BY shop_id, buyer, agent
    ORDER BY t, sender <> 'buyer', opens DESC ROWS UNBOUNDED PRECEDING) AS turn
  FROM (SELECT *, kind = 'auto' AS auto FROM chat
    UNION ALL SELECT *, false, true FROM kept WHERE sender = 'agent' AND kind = 'auto') everything
),
-- A turn: a run of buyer messages to one agent, answered by the first manual reply after it.
turns AS (
  SELECT shop_id, buyer, agent, turn, max(window_days) AS window_days,
    min(t) FILTER (WHERE sender = 'buyer') AS start, min(t) FILTER (WHERE sender = 'agent' AND NOT auto) AS reply
  FROM numbered WHERE turn > 0 GROUP BY shop_id, buyer, agent, turn
),
dated AS (SELECT *, ${localDayOf(sql`start`)} AS day FROM turns),
-- Manual messages that answer no turn still serve the buyer on their own day.
outreach AS (
  SELECT n.shop_id, n.buyer, n.agent, ${localDayOf(sql`n.t`)} AS day, min(n.t) AS first
  FROM numbered n LEFT JOIN turns u ON u.shop_id = n.shop_id AND u.buyer = n.buyer AND u.agent = n.agent
    AND u.turn = n.turn
  WHERE n.sender = 'agent' AND NOT n.auto AND (u.reply IS NULL OR n.t > u.reply)
  GROUP BY n.shop_id, n.buyer, n.agent, ${localDayOf(sql`n.t`)}
),
-- An automatic reply belongs to the turn it falls in, else to the reception of its own day.
autos AS (
  SELECT DISTINCT n.shop_id, n.buyer, n.agent,
    CASE WHEN u.reply IS NULL OR u.reply > n.t THEN u.day ELSE ${localDayOf(sql`n.t`)} END AS day
  FROM numbered n JOIN dated u ON u.shop_id = n.shop_id AND u.buyer = n.buyer AND u.agent = n.agent
    AND u.turn = n.turn
  WHERE n.auto
),
-- A reception (接待): one buyer with one agent on the local day its turns started. Receptions
-- handled only by automatic replies stay out of both sides of every human ratio.
receptions AS (
  SELECT d.shop_id, d.buyer, d.agent, d.day, min(d.start) AS rstart,
    (d.day + max(d.window_days)) * ${dayMs} - ${offsetMs} AS wend,
    count(d.reply) > 0 OR max(o.first) IS NOT NULL AS served,
    least(min(d.reply), max(o.first)) AS first_manual
  FROM dated d LEFT JOIN outreach o ON o.shop_id = d.shop_id AND o.buyer = d.buyer AND o.agent = d.agent
    AND o.day = d.day
  GROUP BY d.shop_id, d.buyer, d.agent, d.day
),
human AS (
  SELECT r.* FROM receptions r LEFT JOIN autos a ON a.shop_id = r.shop_id AND a.buyer = r.buyer
    AND a.agent = r.agent AND a.day = r.day
  WHERE r.served OR a.day IS NULL
),
ords AS (
  SELECT o.shop_id, o.order_id, o.buyer, o.amount, o.items, o.refund, ${windowDays} AS window_days,
    (extract(epoch FROM o.created) * 1000)::bigint AS created,
    (extract(epoch FROM o.paid) * 1000)::bigint AS paid
  FROM orders o JOIN shops s ON s.id = o.shop_id
  LEFT JOIN filtered f ON f.shop_id = o.shop_id AND f.buyer = o.buyer
  WHERE o.organization_id = ${organizationId} AND f.buyer IS NULL
),
-- An order gives two roles: the order (下单, at creation) and the payment (付款, when paid).
moments AS (
  SELECT shop_id, order_id, buyer, 'order' AS role, created AS at FROM ords
  UNION ALL SELECT shop_id, order_id, buyer, 'payment', paid FROM ords WHERE paid IS NOT NULL
),
-- The agents whose reception served the buyer before the moment and whose window holds it, each
-- with its latest such reception.
candidates AS (
  SELECT m.shop_id, m.order_id, m.role, m.buyer, r.agent, max(r.rstart) AS rstart
  FROM moments m JOIN human r ON r.shop_id = m.shop_id AND r.buyer = m.buyer
  WHERE r.first_manual < m.at AND r.rstart <= m.at AND m.at < r.wend
  GROUP BY m.shop_id, m.order_id, m.role, m.buyer, r.agent
),
-- 落实客服: of those, the one with the last manual reply before the moment.
roles AS (
  SELECT DISTINCT ON (c.shop_id, c.order_id, c.role) c.shop_id, c.order_id, c.role, c.buyer, c.agent,
    c.rstart
  FROM candidates c
  JOIN moments m ON m.shop_id = c.shop_id AND m.order_id = c.order_id AND m.role = c.role
  JOIN chat x ON x.shop_id = c.shop_id AND x.buyer = c.buyer AND x.agent = c.agent AND x.sender = 'agent'
    AND x.t < m.at
  GROUP BY c.shop_id, c.order_id, c.role, c.buyer, c.agent, c.rstart
  ORDER BY c.shop_id, c.order_id, c.role, max(x.t) DESC
),
-- 下单判定: the order's role is credited, on the day of that agent's reception.
credited AS (
  SELECT o.*, k.agent, r.day, r.wend FROM ords o
  JOIN roles k ON k.shop_id = o.shop_id AND k.order_id = o.order_id AND k.role = 'order'
  JOIN human r ON r.shop_id = o.shop_id AND r.buyer = o.buyer AND r.agent = k.agent AND r.rstart = k.rstart
),
-- 协助下单: the other candidates; their reception stays out of their inquiries unless it converted.
assisted AS (
  SELECT DISTINCT c.shop_id, c.buyer, c.agent, c.rstart FROM candidates c
  LEFT JOIN roles k ON k.shop_id = c.shop_id AND k.order_id = c.order_id AND k.role = 'order'
    AND k.agent = c.agent
  WHERE c.role = 'order' AND k.agent IS NULL
),
-- 询单: no order created and paid in the look-back window, unless one follows in the window.
history AS (
  SELECT r.shop_id, r.buyer, r.agent, r.day,
    bool_or(o.created >= r.rstart - ${lookBackMs} AND o.created < r.rstart AND o.paid <= r.rstart) AS after_sale,
    bool_or(o.created >= r.rstart AND o.created < r.wend) AS ordered_after
  FROM human r JOIN ords o ON o.shop_id = r.shop_id AND o.buyer = r.buyer
  GROUP BY r.shop_id, r.buyer, r.agent, r.day
),
converted AS (
  SELECT r.shop_id, r.buyer, r.agent, r.day,
    bool_or(c.created >= r.rstart AND c.created < r.wend) AS ordered,
    bool_or(c.paid >= r.rstart AND c.paid < r.wend) AS paid
  FROM human r JOIN credited c ON c.shop_id = r.shop_id AND c.buyer = r.buyer AND c.agent = r.agent
  GROUP BY r.shop_id, r.buyer, r.agent, r.day
),
counted AS (
  SELECT r.*, coalesce(v.ordered, false) AS ordered, coalesce(v.paid, false) AS paid,
    h.after_sale IS true AND h.ordered_after IS NOT true AS after_sale,
    (h.after_sale IS NOT true OR h.ordered_after IS true)
      AND NOT (a.agent IS NOT NULL AND v.ordered IS NOT true AND v.paid IS NOT true) AS inquiry
  FROM human r
  LEFT JOIN history h ON h.shop_id = r.shop_id AND h.buyer = r.buyer AND h.agent = r.agent AND h.day = r.day
  LEFT JOIN converted v ON v.shop_id = r.shop_id AND v.buyer = r.buyer AND v.agent = r.agent AND v.day = r.day
  LEFT JOIN assisted a ON a.shop_id = r.shop_id AND a.buyer = r.buyer AND a.agent = r.agent
    AND a.rstart = r.rstart
)`;

/**
 * The planner has no statistics on CTEs and guesses tiny row counts, which makes nested loops over
 * materialised CTEs quadratic; hash joins are what these queries need.
 */
export const run = (db: Db, query: RawBuilder<unknown>) =>
  db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    return (await query.execute(trx)).rows as Record<string, unknown>[];
  });

export const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** A ratio computed in SQL, or null without a denominator. */
export const ratio = (value: unknown) => (value === null || value === undefined ? null : Number(value));
