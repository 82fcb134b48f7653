import { sql } from 'kysely';
import type { Db } from '../../store/database.js';
import {
  chainSql,
  localDayOf,
  lookBackMs,
  num,
  type ReferenceSettings,
  run,
} from './metrics-store.differential.sql.js';

// 静默销售 per shop and local day of payment: paid orders credited to no one, of buyers who wrote
// nothing from the look-back window before the order until its payment; their buyers counted once
// per shop-day. 广告 buyers counted once per shop and day they wrote.
const shopSql = (organizationId: string, settings: ReferenceSettings) => sql`
${chainSql(organizationId, settings)},
silent AS (
  SELECT o.shop_id, ${localDayOf(sql`o.paid`)} AS day, o.buyer, o.amount
  FROM ords o
  LEFT JOIN credited c ON c.shop_id = o.shop_id AND c.order_id = o.order_id AND c.paid < c.wend
  LEFT JOIN (SELECT DISTINCT o2.shop_id, o2.order_id FROM ords o2 JOIN kept k ON k.shop_id = o2.shop_id
      AND k.buyer = o2.buyer AND k.sender = 'buyer' AND k.t >= o2.created - ${lookBackMs} AND k.t <= o2.paid)
    asked ON asked.shop_id = o.shop_id AND asked.order_id = o.order_id
  WHERE o.paid IS NOT NULL AND c.order_id IS NULL AND asked.order_id IS NULL
),
silent_kpi AS (
  SELECT shop_id, day, sum(amount) AS silent_sales, count(*) AS silent_orders,
    count(DISTINCT buyer) AS silent_buyers
  FROM silent GROUP BY shop_id, day
),
ad_kpi AS (
  SELECT shop_id, day, count(*) AS advertisers FROM (
    SELECT DISTINCT m.shop_id, ${localDayOf(sql`m.t`)} AS day, m.buyer FROM ms m
    JOIN advertisers a ON a.shop_id = m.shop_id AND a.buyer = m.buyer WHERE m.sender = 'buyer') d
  GROUP BY shop_id, day
),
keys AS (SELECT shop_id, day FROM silent_kpi UNION SELECT shop_id, day FROM ad_kpi)
SELECT sh.name AS shop, k.day, s.silent_sales, s.silent_orders, s.silent_buyers, a.advertisers
FROM keys k JOIN shops sh ON sh.id = k.shop_id
LEFT JOIN silent_kpi s ON s.shop_id = k.shop_id AND s.day = k.day
LEFT JOIN ad_kpi a ON a.shop_id = k.shop_id AND a.day = k.day
`;

export const shopFields = ['silentSales', 'silentOrders', 'silentBuyers', 'advertisers'] as const;

/** Shop-level values of one shop and local day; money in 分. */
export type ReferenceShopDay = { shop: string; day: number } & Record<(typeof shopFields)[number], number>;

export const referenceShopDays = async (
  db: Db,
  organizationId: string,
  settings: ReferenceSettings,
): Promise<ReferenceShopDay[]> =>
  (await run(db, shopSql(organizationId, settings))).map((row) => ({
    shop: String(row.shop),
    day: num(row.day),
    silentSales: num(row.silentSales),
    silentOrders: num(row.silentOrders),
    silentBuyers: num(row.silentBuyers),
    advertisers: num(row.advertisers),
  }));
