import { inTransaction, type Trx } from '../../store/database.js';
import {
  agentChattedWith,
  deleteCreditRuling,
  findCreditRuling,
  findOrderForRuling,
  listCreditRulings as listRulingRecords,
  upsertCreditRuling,
} from '../../store/credit-rulings.repository.js';
import { markMetricDaysStale } from '../../store/metric-results.repository.js';
import { listShops } from '../../store/shops.repository.js';
import { recordAudit } from '../accounts/index.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { lookAheadDays, lookBackDays } from './metrics-store.compute.js';
import { metricsStoreErrors } from './metrics-store.errors.js';
import type { MetricsStoreDeps } from './metrics-store.types.js';

// 落实客服改判: a supervisor moves the credit for one order to another agent who served the
// buyer, or to nobody. The results of the days the order can change are recomputed on the next
// read, and a changed number shows up in the 重述记录 like any other restatement.

type OrderRef = { shop: string; order: string };

const resolveOrder = async ({ db, actor }: MetricsStoreDeps, { shop, order }: OrderRef) => {
  const shops = await listShops({ db, organizationId: actor.organizationId });
  const found = shops.find((one) => one.name === shop);
  if (!found) throw metricsStoreErrors.shopNotFound();
  const record = await findOrderForRuling({ db, shopId: found.id, orderId: order });
  if (!record) throw metricsStoreErrors.orderNotFound(shop, order);
  return { shopId: found.id, ...record };
};

/** The result days an order's credit can change: its look-back and attribution reach. */
const markOrderDaysStale = (trx: Trx, order: { shopId: string; day: number }) =>
  markMetricDaysStale({
    db: trx,
    shopId: order.shopId,
    fromDay: order.day - lookAheadDays,
    toDay: order.day + lookBackDays,
  });

/** Credits `order` to `agent` (null: nobody); audited with the previous ruling. */
export const ruleCredit = async (
  deps: MetricsStoreDeps & OrderRef & { agent: string | null; reason: string },
): Promise<void> => {
  const { db, clock, actor, agent, reason } = deps;
  authorize(actor, 'metrics.import');
  const order = await resolveOrder(deps, deps);
  if (agent !== null && !(await agentChattedWith({ db, shopId: order.shopId, buyer: order.buyer, agent })))
    throw metricsStoreErrors.agentDidNotServe(agent);
  await inTransaction(db, async (trx) => {
    const previous = await findCreditRuling({ db: trx, shopId: order.shopId, orderId: deps.order });
    await upsertCreditRuling({
      db: trx,
      organizationId: actor.organizationId,
      ruling: { shopId: order.shopId, orderId: deps.order, agent, reason },
      createdBy: actor.userId,
      at: clock.now(),
    });
    await markOrderDaysStale(trx, order);
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'metrics.credit_ruled',
      target: `${deps.shop}/${deps.order}`,
      details: { agent, reason, previous: previous ?? null },
    });
  });
};

/** Removes a ruling: the credit mode decides again. Audited. */
export const clearCreditRuling = async (deps: MetricsStoreDeps & OrderRef): Promise<void> => {
  const { db, clock, actor } = deps;
  authorize(actor, 'metrics.import');
  const order = await resolveOrder(deps, deps);
  await inTransaction(db, async (trx) => {
    const previous = await findCreditRuling({ db: trx, shopId: order.shopId, orderId: deps.order });
    if (!previous) return;
    await deleteCreditRuling({ db: trx, shopId: order.shopId, orderId: deps.order });
    await markOrderDaysStale(trx, order);
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'metrics.credit_ruling_cleared',
      target: `${deps.shop}/${deps.order}`,
      details: { previous },
    });
  });
};

/** Every ruling of the organisation, newest first. */
export const listCreditRulings = async ({ db, actor }: Omit<MetricsStoreDeps, 'clock'>) => {
  authorize(actor, 'metrics.import');
  const rows = await listRulingRecords({ db, organizationId: actor.organizationId });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
};
