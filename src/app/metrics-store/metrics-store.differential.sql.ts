import { sql } from 'kysely';
import type { Db } from '../../store/database.js';

// The per agent-day KPIs of kpi.md written directly as SQL over the stored tables, as an
// independent reference for the engine (test only). It reads the default settings of
// data/settings/metrics.presets.json: Asia/Shanghai, 15-day look-back, attribution until the end
// of the next day (3 natural days on PDD, Douyin and JD), credit to the last agent who replied
// manually before the order (下单判定), response times capped at 600 s with 0-second replies left
// out, PDD 30-second rate over buyer messages sent 08:00-23:00.

export type ReferenceSettings = { adPattern: string; staffPattern: string };

// Literals, not parameters: PostgreSQL matches GROUP BY expressions textually.
const offsetMs = sql.lit(8 * 3_600_000);
const dayMs = sql.lit(86_400_000);
const lookBackMs = sql.lit(15 * 86_400_000);
const capMs = sql.lit(600_000);

const chainSql = (organizationId: string, { adPattern, staffPattern }: ReferenceSettings) => sql`
WITH ms AS (
  SELECT m.shop_id, s.name AS shop, s.platform, m.buyer, m.agent, m.sender, m.kind, m.text,
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
  SELECT ms.*, CASE WHEN platform IN ('pdd', 'douyin', 'jd') THEN 3 ELSE 2 END AS window_days
  FROM ms LEFT JOIN filtered f ON f.shop_id = ms.shop_id AND f.buyer = ms.buyer WHERE f.buyer IS NULL
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
  SELECT shop_id, shop, buyer, agent, turn, max(window_days) AS window_days,
    min(t) FILTER (WHERE sender = 'buyer') AS start, min(t) FILTER (WHERE sender = 'agent' AND NOT auto) AS reply
  FROM numbered WHERE turn > 0 GROUP BY shop_id, shop, buyer, agent, turn
),
dated AS (SELECT *, (start + ${offsetMs}) / ${dayMs} AS day FROM turns),
-- Manual messages that answer no turn still serve the buyer on their own day.
outreach AS (
  SELECT n.shop_id, n.buyer, n.agent, (n.t + ${offsetMs}) / ${dayMs} AS day, min(n.t) AS first
  FROM numbered n LEFT JOIN turns u ON u.shop_id = n.shop_id AND u.buyer = n.buyer AND u.agent = n.agent
    AND u.turn = n.turn
  WHERE n.sender = 'agent' AND NOT n.auto AND (u.reply IS NULL OR n.t > u.reply)
  GROUP BY n.shop_id, n.buyer, n.agent, (n.t + ${offsetMs}) / ${dayMs}
),
-- An automatic reply belongs to the turn it falls in, else to the reception of its own day.
autos AS (
  SELECT DISTINCT n.shop_id, n.buyer, n.agent,
    CASE WHEN u.reply IS NULL OR u.reply > n.t THEN u.day ELSE (n.t + ${offsetMs}) / ${dayMs} END AS day
  FROM numbered n JOIN dated u ON u.shop_id = n.shop_id AND u.buyer = n.buyer AND u.agent = n.agent
    AND u.turn = n.turn
  WHERE n.auto
),
-- A reception (接待): one buyer with one agent on the local day its turns started. Receptions
-- handled only by automatic replies stay out of both sides of every human ratio.
receptions AS (
  SELECT d.shop_id, d.shop, d.buyer, d.agent, d.day, min(d.start) AS rstart,
    (d.day + max(d.window_days)) * ${dayMs} - ${offsetMs} AS wend,
    count(d.reply) > 0 OR max(o.first) IS NOT NULL AS served,
    least(min(d.reply), max(o.first)) AS first_manual
  FROM dated d LEFT JOIN outreach o ON o.shop_id = d.shop_id AND o.buyer = d.buyer AND o.agent = d.agent
    AND o.day = d.day
  GROUP BY d.shop_id, d.shop, d.buyer, d.agent, d.day
),
human AS (
  SELECT r.* FROM receptions r LEFT JOIN autos a ON a.shop_id = r.shop_id AND a.buyer = r.buyer
    AND a.agent = r.agent AND a.day = r.day
  WHERE r.served OR a.day IS NULL
),
ords AS (
  SELECT o.shop_id, o.order_id, o.buyer, o.amount, o.items,
    (extract(epoch FROM o.created) * 1000)::bigint AS created,
    (extract(epoch FROM o.paid) * 1000)::bigint AS paid
  FROM orders o LEFT JOIN filtered f ON f.shop_id = o.shop_id AND f.buyer = o.buyer
  WHERE o.organization_id = ${organizationId} AND f.buyer IS NULL
),
last_replies AS (
  SELECT o.shop_id, o.order_id, c.agent, max(c.t) AS last_reply
  FROM ords o JOIN chat c ON c.shop_id = o.shop_id AND c.buyer = o.buyer
  WHERE c.sender = 'agent' AND c.t < o.created GROUP BY o.shop_id, o.order_id, c.agent
),
-- 落实客服: among the agents whose reception served the buyer before the order and whose window
-- holds it, the one with the last manual reply before the order was created.
candidates AS (
  SELECT o.order_id, o.shop_id, r.agent, max(r.rstart) AS rstart
  FROM ords o JOIN human r ON r.shop_id = o.shop_id AND r.buyer = o.buyer
  WHERE r.first_manual < o.created AND r.rstart <= o.created AND o.created < r.wend
  GROUP BY o.order_id, o.shop_id, r.agent
),
credits AS (
  SELECT DISTINCT ON (c.shop_id, c.order_id) c.shop_id, c.order_id, c.agent, c.rstart
  FROM candidates c JOIN last_replies l ON l.shop_id = c.shop_id AND l.order_id = c.order_id
    AND l.agent = c.agent
  ORDER BY c.shop_id, c.order_id, l.last_reply DESC
),
credited AS (
  SELECT o.*, c.agent, r.day, r.wend FROM ords o
  JOIN credits c ON c.shop_id = o.shop_id AND c.order_id = o.order_id
  JOIN human r ON r.shop_id = o.shop_id AND r.buyer = o.buyer AND r.agent = c.agent AND r.rstart = c.rstart
),
-- 协助下单: the other candidates; their reception stays out of their inquiries unless it converted.
assisted AS (
  SELECT DISTINCT c.shop_id, c.agent, c.rstart FROM candidates c
  LEFT JOIN credits k ON k.shop_id = c.shop_id AND k.order_id = c.order_id AND k.agent = c.agent
  WHERE k.agent IS NULL
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
    (h.after_sale IS NOT true OR h.ordered_after IS true)
      AND NOT (a.agent IS NOT NULL AND v.ordered IS NOT true AND v.paid IS NOT true) AS inquiry
  FROM human r
  LEFT JOIN history h ON h.shop_id = r.shop_id AND h.buyer = r.buyer AND h.agent = r.agent AND h.day = r.day
  LEFT JOIN converted v ON v.shop_id = r.shop_id AND v.buyer = r.buyer AND v.agent = r.agent AND v.day = r.day
  LEFT JOIN assisted a ON a.shop_id = r.shop_id AND a.agent = r.agent AND a.rstart = r.rstart
),
receptions_kpi AS (
  SELECT shop_id, agent, day, count(*) AS consulted, count(*) FILTER (WHERE served) AS served,
    count(*) FILTER (WHERE inquiry) AS inquiries,
    count(*) FILTER (WHERE inquiry AND ordered) AS inquiries_ordered,
    count(*) FILTER (WHERE inquiry AND paid) AS inquiries_paid
  FROM counted GROUP BY shop_id, agent, day
),
waits AS (
  SELECT d.shop_id, d.agent, d.day, count(*) AS resp_count, sum(least(d.reply - d.start, ${capMs})) AS resp_sum,
    count(*) FILTER (WHERE d.start = r.rstart) AS first_count,
    sum(least(d.reply - d.start, ${capMs})) FILTER (WHERE d.start = r.rstart) AS first_sum
  FROM dated d JOIN human r ON r.shop_id = d.shop_id AND r.buyer = d.buyer AND r.agent = d.agent
    AND r.day = d.day
  WHERE d.reply - d.start >= 1000
  GROUP BY d.shop_id, d.agent, d.day
),
-- PDD 30秒应答率: every buyer message sent 08:00-23:00, answered manually within 30 s.
pdd AS (
  SELECT d.shop_id, d.agent, d.day, count(*) AS messages,
    count(*) FILTER (WHERE d.reply - n.t <= 30000) AS within
  FROM numbered n
  JOIN dated d ON d.shop_id = n.shop_id AND d.buyer = n.buyer AND d.agent = n.agent AND d.turn = n.turn
  JOIN human r ON r.shop_id = d.shop_id AND r.buyer = d.buyer AND r.agent = d.agent AND r.day = d.day
  WHERE n.sender = 'buyer' AND (n.t + ${offsetMs}) % ${dayMs} >= 8 * 3600000
    AND (n.t + ${offsetMs}) % ${dayMs} < 23 * 3600000
  GROUP BY d.shop_id, d.agent, d.day
),
sales AS (
  SELECT shop_id, agent, day, sum(amount) AS sales, count(DISTINCT buyer) AS buyers
  FROM credited WHERE paid < wend GROUP BY shop_id, agent, day
)`;

const agentDaySql = (organizationId: string, settings: ReferenceSettings) => sql`
${chainSql(organizationId, settings)},
keys AS (
  SELECT shop_id, agent, day FROM receptions_kpi UNION SELECT shop_id, agent, day FROM sales
)
SELECT s.name AS shop, k.agent, k.day, c.consulted, c.served, c.inquiries, c.inquiries_ordered,
  c.inquiries_paid, w.resp_count, w.resp_sum, w.first_count, w.first_sum,
  p.messages AS pdd_messages, p.within AS pdd_within, x.sales, x.buyers
FROM keys k JOIN shops s ON s.id = k.shop_id
LEFT JOIN receptions_kpi c ON c.shop_id = k.shop_id AND c.agent = k.agent AND c.day = k.day
LEFT JOIN waits w ON w.shop_id = k.shop_id AND w.agent = k.agent AND w.day = k.day
LEFT JOIN pdd p ON p.shop_id = k.shop_id AND p.agent = k.agent AND p.day = k.day
LEFT JOIN sales x ON x.shop_id = k.shop_id AND x.agent = k.agent AND x.day = k.day
`;

// 静默销售: paid orders credited to no one, of buyers who wrote nothing from the look-back window
// before the order until its payment; 广告 buyers counted once per shop and day they wrote.
const shopSql = (organizationId: string, settings: ReferenceSettings, fromDay: number, toDay: number) => sql`
${chainSql(organizationId, settings)},
silent AS (
  SELECT o.shop_id, (o.paid + ${offsetMs}) / ${dayMs} AS day, o.buyer, o.amount
  FROM ords o
  LEFT JOIN credited c ON c.shop_id = o.shop_id AND c.order_id = o.order_id AND c.paid < c.wend
  LEFT JOIN (SELECT DISTINCT o2.shop_id, o2.order_id FROM ords o2 JOIN kept k ON k.shop_id = o2.shop_id
      AND k.buyer = o2.buyer AND k.sender = 'buyer' AND k.t >= o2.created - ${lookBackMs} AND k.t <= o2.paid)
    asked ON asked.shop_id = o.shop_id AND asked.order_id = o.order_id
  WHERE o.paid IS NOT NULL AND c.order_id IS NULL AND asked.order_id IS NULL
)
SELECT
  (SELECT coalesce(sum(amount), 0) FROM silent WHERE day BETWEEN ${fromDay} AND ${toDay}) AS silent_sales,
  (SELECT count(*) FROM (SELECT DISTINCT shop_id, day, buyer FROM silent WHERE day BETWEEN ${fromDay}
    AND ${toDay}) b) AS silent_buyers,
  (SELECT count(*) FROM (SELECT DISTINCT m.shop_id, (m.t + ${offsetMs}) / ${dayMs} AS day, m.buyer FROM ms m
    JOIN advertisers a ON a.shop_id = m.shop_id AND a.buyer = m.buyer WHERE m.sender = 'buyer') d
    WHERE day BETWEEN ${fromDay} AND ${toDay}) AS advertisers
`;

/** Shop-level values over a period, money in 分. */
export type ReferenceShop = { silentSales: number; silentBuyers: number; advertisers: number };

/** Summable parts per shop, agent and local day (days since 1970); money in 分, times in ms. */
export type ReferenceRow = {
  shop: string;
  agent: string;
  day: number;
  consulted: number;
  served: number;
  inquiries: number;
  inquiriesOrdered: number;
  inquiriesPaid: number;
  respCount: number;
  respSum: number;
  firstCount: number;
  firstSum: number;
  pddMessages: number;
  pddWithin: number;
  sales: number;
  buyers: number;
};

/**
 * The planner has no statistics on CTEs and guesses tiny row counts, which makes nested loops over
 * materialised CTEs quadratic; hash joins are what these queries need.
 */
const run = (db: Db, query: ReturnType<typeof sql>) =>
  db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    return (await query.execute(trx)).rows as Record<string, unknown>[];
  });

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

export const referenceKpis = async (
  db: Db,
  organizationId: string,
  settings: ReferenceSettings,
): Promise<ReferenceRow[]> => {
  const rows = await run(db, agentDaySql(organizationId, settings));
  return rows.map((row) => ({
    shop: String(row.shop),
    agent: String(row.agent),
    day: num(row.day),
    consulted: num(row.consulted),
    served: num(row.served),
    inquiries: num(row.inquiries),
    inquiriesOrdered: num(row.inquiriesOrdered),
    inquiriesPaid: num(row.inquiriesPaid),
    respCount: num(row.respCount),
    respSum: num(row.respSum),
    firstCount: num(row.firstCount),
    firstSum: num(row.firstSum),
    pddMessages: num(row.pddMessages),
    pddWithin: num(row.pddWithin),
    sales: num(row.sales),
    buyers: num(row.buyers),
  }));
};

export const referenceShop = async (
  db: Db,
  organizationId: string,
  settings: ReferenceSettings,
  { fromDay, toDay }: { fromDay: number; toDay: number },
): Promise<ReferenceShop> => {
  const [row = {}] = await run(db, shopSql(organizationId, settings, fromDay, toDay));
  return {
    silentSales: num(row.silentSales),
    silentBuyers: num(row.silentBuyers),
    advertisers: num(row.advertisers),
  };
};
