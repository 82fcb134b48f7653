import { DuckDBInstance } from '@duckdb/node-api';

// The baseline: the same per agent-day KPIs as plain DuckDB SQL over the same CSV files, reading
// kpi.md literally (turns by window functions, pre-sale by look-back, credit to the agent who
// served before the order). Valid for the benchmark data, where each buyer talks to one agent.

const kpiSql = (dir: string) => `
WITH m AS (
  SELECT shop, platform, buyer, agent, sender = 'buyer' AS is_buyer, epoch_ms(time) AS t
  FROM read_csv('${dir}/messages.csv', header = true, columns = {
    'shop': 'VARCHAR', 'platform': 'VARCHAR', 'buyer': 'VARCHAR', 'agent': 'VARCHAR', 'sender': 'VARCHAR',
    'time': 'TIMESTAMP', 'text': 'VARCHAR', 'kind': 'VARCHAR'})
  WHERE sender = 'buyer' OR (sender = 'agent' AND kind IN ('human', 'assist'))
),
seq AS (
  SELECT *, lag(is_buyer) OVER (PARTITION BY shop, buyer, agent ORDER BY t) AS prev_buyer FROM m
),
numbered AS (
  SELECT *, sum(CASE WHEN is_buyer AND prev_buyer IS DISTINCT FROM true THEN 1 ELSE 0 END)
    OVER (PARTITION BY shop, buyer, agent ORDER BY t ROWS UNBOUNDED PRECEDING) AS turn
  FROM seq
),
turns AS (
  SELECT shop, platform, buyer, agent, turn, min(t) FILTER (WHERE is_buyer) AS start, min(t) FILTER (WHERE NOT is_buyer) AS reply
  FROM numbered WHERE turn > 0 GROUP BY ALL
),
rec AS (
  SELECT shop, buyer, agent, start // 86400000 AS day, min(start) AS rstart,
    (start // 86400000 + CASE WHEN platform IN ('pdd', 'douyin', 'jd') THEN 3 ELSE 2 END) * 86400000 AS wend,
    count(reply) AS answered, min(reply) AS first_manual,
    sum(CASE WHEN reply - start >= 1000 THEN least(reply - start, 600000) END) AS resp_sum,
    count(CASE WHEN reply - start >= 1000 THEN 1 END) AS resp_n
  FROM turns GROUP BY shop, buyer, agent, start // 86400000, platform
),
o AS (
  SELECT shop, "order", buyer, epoch_ms(created) AS created, epoch_ms(paid) AS paid, round(amount * 100) AS amount
  FROM read_csv('${dir}/orders.csv', header = true, columns = {
    'shop': 'VARCHAR', 'order': 'VARCHAR', 'buyer': 'VARCHAR', 'created': 'TIMESTAMP', 'paid': 'TIMESTAMP',
    'amount': 'DOUBLE', 'items': 'INTEGER', 'status': 'VARCHAR', 'refund': 'DOUBLE'})
),
credit AS (
  SELECT o.shop, o."order", o.buyer, o.created, o.paid, o.amount, arg_max(r.agent, r.rstart) AS agent,
    arg_max(r.day, r.rstart) AS day, arg_max(r.wend, r.rstart) AS wend
  FROM o JOIN rec r ON r.shop = o.shop AND r.buyer = o.buyer
  WHERE r.first_manual < o.created AND r.rstart <= o.created AND o.created < r.wend
  GROUP BY ALL
),
orders_around AS (
  SELECT r.shop, r.buyer, r.agent, r.day,
    bool_or(o.created >= r.rstart - 15 * 86400000 AND o.created < r.rstart AND o.paid <= r.rstart) AS after_sale,
    bool_or(o.created >= r.rstart AND o.created < r.wend) AS ordered_after
  FROM rec r JOIN o ON o.shop = r.shop AND o.buyer = r.buyer
  GROUP BY ALL
),
converted AS (
  SELECT DISTINCT r.shop, r.buyer, r.agent, r.day
  FROM rec r JOIN credit c ON c.shop = r.shop AND c.buyer = r.buyer AND c.agent = r.agent
  WHERE c.paid >= r.rstart AND c.paid < r.wend AND c.created < r.wend
),
flags AS (
  SELECT r.*, (a.after_sale IS NOT true OR a.ordered_after IS true) AS inquiry, v.buyer IS NOT NULL AS paid
  FROM rec r
  LEFT JOIN orders_around a ON a.shop = r.shop AND a.buyer = r.buyer AND a.agent = r.agent AND a.day = r.day
  LEFT JOIN converted v ON v.shop = r.shop AND v.buyer = r.buyer AND v.agent = r.agent AND v.day = r.day
),
sales AS (
  SELECT shop, agent, day, sum(amount) AS sales FROM credit WHERE paid < wend GROUP BY ALL
)
SELECT f.shop, f.agent, f.day, count(*) AS consulted, count(*) FILTER (WHERE answered > 0) AS served,
  sum(resp_sum) / nullif(sum(resp_n), 0) / 1000 AS avg_response,
  count(*) FILTER (WHERE inquiry) AS inquiries, count(*) FILTER (WHERE inquiry AND paid) AS inquiries_paid,
  coalesce(any_value(s.sales), 0) / 100 AS sales
FROM flags f LEFT JOIN sales s ON s.shop = f.shop AND s.agent = f.agent AND s.day = f.day
GROUP BY f.shop, f.agent, f.day
`;

export type BaselineRow = {
  shop: string;
  agent: string;
  day: number;
  consulted: number;
  served: number;
  avg_response: number | null;
  inquiries: number;
  inquiries_paid: number;
  sales: number;
};

/** Runs the baseline SQL; returns one row per shop, agent and local day (days since 1970). */
export const duckdbKpis = async (dir: string): Promise<BaselineRow[]> => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(kpiSql(dir));
  const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
  connection.closeSync();
  instance.closeSync();
  return rows.map((row) => ({
    shop: String(row.shop),
    agent: String(row.agent),
    day: Number(row.day),
    consulted: Number(row.consulted),
    served: Number(row.served),
    avg_response: row.avg_response === null ? null : Number(row.avg_response),
    inquiries: Number(row.inquiries),
    inquiries_paid: Number(row.inquiries_paid),
    sales: Number(row.sales),
  }));
};
