import {
  assessmentCycles,
  assessStoredShop,
  dayToText,
  localDay,
  type PeriodAssessment,
  resolveSettings,
  type SettingsPresets,
} from '../../domain/metrics/index.js';
import type { Platform } from '../../domain/shared/index.js';
import { selectTickets } from '../../store/metrics-read.repository.js';
import { metricsScope, periodOf } from './metrics-store.compute.js';
import { metricsStoreErrors } from './metrics-store.errors.js';
import { loadShopOverrides, overridesOn } from './metrics-store.overrides.js';
import { storedEntries } from './metrics-store.results.js';
import type { MetricsStoreDeps } from './metrics-store.types.js';

// Shops are in China: "today" for default periods is the Asia/Shanghai day, as on the dashboard.
const chinaOffsetMs = 8 * 3_600_000;

export type AssessmentsInput = { presets: SettingsPresets; shopId: string; from?: string; to?: string };

/** 平台考核 of one shop: each platform cycle overlapping the period, with pass/fail per check. */
export type ShopAssessments = {
  shop: { id: string; name: string; platform: Platform };
  from: string;
  to: string;
  /** `own`: an agent sees the checks over their own sub-accounts' receptions and tickets only. */
  scope: 'shop' | 'own';
  /** False when the cycles hold no results and no tickets: nothing was imported for them. */
  hasData: boolean;
  /** Empty for platforms without an assessment (Taobao, Tmall). */
  assessments: PeriodAssessment[];
};

/**
 * The platform assessments of one shop from the materialised agent-day results the dashboard
 * reads (days missing or stale are computed first) and, for JD, the stored service tickets.
 * Douyin and JD cycles reach beyond the period asked for; they are read whole up to yesterday.
 */
export const assessmentsFor = async ({
  db,
  clock,
  actor,
  presets,
  shopId,
  ...period
}: MetricsStoreDeps & AssessmentsInput): Promise<ShopAssessments> => {
  const today = localDay(clock.now().getTime(), chinaOffsetMs);
  const { fromDay, toDay } = periodOf({ ...period, today });
  const { shops, visible } = await metricsScope({ db, actor, shopIds: [shopId] });
  const shop = shops[0];
  if (!shop) throw metricsStoreErrors.shopNotFound();
  const readTo = Math.max(toDay, today - 1);
  const cycles = assessmentCycles(shop.platform, fromDay, toDay);
  const result = {
    shop,
    from: dayToText(fromDay),
    to: dayToText(toDay),
    scope: visible ? ('own' as const) : ('shop' as const),
  };
  if (cycles.length === 0) return { ...result, hasData: false, assessments: [] };
  const spanFrom = Math.min(...cycles.map((cycle) => cycle.from));
  const spanTo = Math.max(...cycles.map((cycle) => Math.min(cycle.to, readTo)));
  const range = { db, clock, actor, presets, shops: [shop], fromDay: spanFrom, toDay: spanTo };
  const stored = await storedEntries(range);
  const agentDays = stored.agentDays.filter((entry) => !visible || visible.has(entry.agent));
  // Tickets are kept by the local day they were applied; a day's margin either side lets the
  // engine's own time-zone cut decide.
  const tickets =
    shop.platform === 'jd'
      ? (await selectTickets({ db, shops: [shop], fromDay: spanFrom - 1, toDay: spanTo + 1 })).filter(
          (ticket) => !visible || visible.has(ticket.agent),
        )
      : [];
  const versions = await loadShopOverrides({ db, organizationId: actor.organizationId, shopIds: [shop.id] });
  const settingsOn = (day: number) => {
    const on = dayToText(day);
    const override = overridesOn(versions, on).get(shop.id);
    return resolveSettings({ presets, platform: shop.platform, on, override });
  };
  const assessments = assessStoredShop({
    shop: shop.name,
    platform: shop.platform,
    agentDays,
    tickets,
    settingsOn,
    from: fromDay,
    to: toDay,
    lastDay: today - 1,
  });
  return { ...result, hasData: agentDays.length > 0 || tickets.length > 0, assessments };
};
