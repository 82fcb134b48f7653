import { hasPermission } from '../../domain/accounts/index.js';
import { dayToText, textToDay } from '../../domain/metrics/index.js';
import { isPlatform, type Platform } from '../../domain/shared/index.js';
import type { Db } from '../../store/database.js';
import type { AgentKey } from '../../store/inspection-findings.repository.js';
import { selectAgentOwners } from '../../store/metrics-read.repository.js';
import { listShops } from '../../store/shops.repository.js';
import { type Actor, accountsErrors } from '../accounts/index.js';
import { inspectionErrors } from './inspection.errors.js';

/** A shop as inspection needs it. */
export type InspectionShop = { id: string; name: string; platform: Platform; timeZone: string };

// A run or a report covers at most a year: the same bound the KPI dashboard uses.
const maxPeriodDays = 366;

/** A period `from`–`to` (YYYY-MM-DD, both included) as shop-local day numbers. */
export const periodDays = ({
  from,
  to,
  at = 'body',
}: {
  from: string;
  to: string;
  at?: 'body' | 'query';
}): { fromDay: number; toDay: number } => {
  const fromDay = textToDay(from);
  const toDay = textToDay(to);
  if (fromDay === null) throw inspectionErrors.badPeriod(`${at}.from`, `开始日期「${from}」不是 YYYY-MM-DD`);
  if (toDay === null) throw inspectionErrors.badPeriod(`${at}.to`, `结束日期「${to}」不是 YYYY-MM-DD`);
  if (fromDay > toDay) throw inspectionErrors.badPeriod(`${at}.to`, '结束日期早于开始日期');
  if (toDay - fromDay >= maxPeriodDays)
    throw inspectionErrors.badPeriod(`${at}.to`, `一次最多 ${maxPeriodDays} 天`);
  return { fromDay, toDay };
};

export const dayText = dayToText;

/** The organisation's shops, or the one asked for (unknown ids name the field). */
export const inspectionShops = async ({
  db,
  actor,
  shopId,
  path = 'body.shopId',
}: {
  db: Db;
  actor: Actor;
  shopId?: string | undefined;
  path?: string;
}): Promise<InspectionShop[]> => {
  const shops = (await listShops({ db, organizationId: actor.organizationId }))
    .filter((shop) => shopId === undefined || shop.id === shopId)
    .flatMap((shop) =>
      isPlatform(shop.platform)
        ? [{ id: shop.id, name: shop.name, platform: shop.platform, timeZone: shop.timeZone }]
        : [],
    );
  if (shopId !== undefined && shops.length === 0) throw inspectionErrors.shopNotFound(path);
  return shops;
};

/**
 * Whose findings the actor may see: everyone's (inspection.read) or, for an agent, only those of
 * the sub-accounts linked to their user. `null` means no restriction.
 */
export const visibleAgents = async ({ db, actor }: { db: Db; actor: Actor }): Promise<AgentKey[] | null> => {
  if (hasPermission(actor.role, 'inspection.read')) return null;
  if (!hasPermission(actor.role, 'inspection.appeal') || actor.userId === null)
    throw accountsErrors.forbidden();
  const owners = await selectAgentOwners({ db, organizationId: actor.organizationId });
  return owners
    .filter((owner) => owner.userId === actor.userId)
    .map((owner) => ({ shopId: owner.shopId, agent: owner.agent }));
};

export const canSee = (visible: AgentKey[] | null, key: AgentKey): boolean =>
  visible === null || visible.some((one) => one.shopId === key.shopId && one.agent === key.agent);
