import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dayToText,
  explain,
  type ExplainRef,
  localDay,
  type MetricsRow,
  type ResponseBucket,
  type RollUpBy,
  responseDistribution,
  rollUpEntries,
  type SettingsPresets,
  type ShopValues,
  textToDay,
} from '../../domain/metrics/index.js';
import { writeMetricsXlsx } from '../../io/metrics/index.js';
import type { AgentOwner } from '../../store/metrics-read.repository.js';
import { recordAudit } from '../accounts/index.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { listRestatements } from '../../store/metric-results.repository.js';
import { selectConversations } from '../../store/metrics-read.repository.js';
import { computeStored, metricsScope, periodOf } from './metrics-store.compute.js';
import { type RestatedMetric, rollUpJudges, storedEntries } from './metrics-store.results.js';
import { metricsStoreErrors } from './metrics-store.errors.js';
import { loadShopOverrides, overridesOn } from './metrics-store.overrides.js';
import { type RowParts, rowPartsOf } from './metrics-store.parts.js';
import type { MetricsStoreDeps } from './metrics-store.types.js';

// Shops are in China: "today" for default periods is the Asia/Shanghai day.
const chinaOffsetMs = 8 * 3_600_000;

/** A row with the user and team behind its sub-account, when one is assigned, and its parts. */
export type StoredMetricsRow = MetricsRow & {
  userId: string | null;
  displayName: string | null;
  teamId: string | null;
  parts: RowParts;
};

export type MetricsForInput = {
  presets: SettingsPresets;
  from?: string;
  to?: string;
  by: RollUpBy;
  shopIds?: string[];
  teamId?: string;
  /** One sub-account, e.g. `旗舰店:小美`. */
  agent?: string;
};

export type StoredMetrics = {
  from: string;
  to: string;
  rows: StoredMetricsRow[];
  shop: ShopValues;
  provisionalDays: string[];
  /** Every response time of the rows' agent-days, bucketed (响应时长分布). */
  responseDistribution: ResponseBucket[];
};

const withOwner = (
  row: MetricsRow,
  owners: Map<string, AgentOwner>,
  partsOf: (row: MetricsRow) => RowParts,
): StoredMetricsRow => {
  const owner = row.agent === undefined ? undefined : owners.get(row.agent);
  return {
    ...row,
    userId: owner?.userId ?? null,
    displayName: owner?.displayName ?? null,
    teamId: owner?.teamId ?? null,
    parts: partsOf(row),
  };
};

/**
 * The KPIs of a period from the stored records, rolled up by agent, agent-day, team or shop.
 * Agents see only the rows of their own sub-accounts (and only by agent or agent-day).
 */
export const metricsFor = async ({
  db,
  clock,
  actor,
  presets,
  ...input
}: MetricsStoreDeps & MetricsForInput): Promise<StoredMetrics> => {
  const now = clock.now().getTime();
  const today = localDay(now, chinaOffsetMs);
  const { fromDay, toDay } = periodOf({ ...input, today });
  const scope = await metricsScope({ db, actor, shopIds: input.shopIds });
  const { visible } = scope;
  if (visible && (input.by === 'team' || input.by === 'shop')) throw metricsStoreErrors.agentForbidden();
  const stored = await storedEntries({ db, clock, actor, presets, shops: scope.shops, fromDay, toDay });
  const agentDays = visible ? stored.agentDays.filter((entry) => visible.has(entry.agent)) : stored.agentDays;
  const owners = new Map(scope.owners.map((owner) => [owner.agent, owner]));
  const versions = await loadShopOverrides({
    db,
    organizationId: actor.organizationId,
    shopIds: scope.shops.map((shop) => shop.id),
  });
  const overrides = overridesOn(versions, dayToText(today));
  const judge = rollUpJudges({ presets, shops: scope.shops, owners, now, today, overrides });
  const report = rollUpEntries({ agentDays, shopDays: stored.shopDays, by: input.by, ...judge });
  const partsOf = rowPartsOf({ agentDays, by: input.by, teamOf: judge.teamOf });
  const keepAgent = (agent: string | undefined) =>
    (input.agent === undefined || agent === input.agent) &&
    (input.teamId === undefined || (agent !== undefined && owners.get(agent)?.teamId === input.teamId));
  const keep = (row: MetricsRow) => keepAgent(row.agent);
  const provisionalDays = [
    ...new Set(
      agentDays.filter((entry) => judge.isProvisional(entry.shop, entry.day)).map((entry) => entry.day),
    ),
  ]
    .sort((a, b) => a - b)
    .map(dayToText);
  return {
    from: dayToText(fromDay),
    to: dayToText(toDay),
    rows: report.rows.filter(keep).map((row) => withOwner(row, owners, partsOf)),
    // Shop-wide values (silent sales) are for managers only.
    shop: visible ? { ...report.shop, silentSales: 0, silentBuyers: 0, silentAov: null } : report.shop,
    provisionalDays,
    responseDistribution: responseDistribution(
      agentDays.filter((entry) => keepAgent(entry.agent)).map((entry) => entry.parts),
    ),
  };
};

/** The latest restated numbers (重述记录): a day's KPI changed after it had been reported. */
export const listMetricRestatements = async ({
  db,
  actor,
  from,
  to,
  limit,
}: Omit<MetricsStoreDeps, 'clock'> & { from?: string; to?: string; limit: number }) => {
  authorize(actor, 'metrics.read');
  const day = (text: string | undefined) => {
    if (text === undefined) return undefined;
    const parsed = textToDay(text);
    if (parsed === null) throw metricsStoreErrors.badPeriod('日期格式应为 YYYY-MM-DD');
    return parsed;
  };
  const rows = await listRestatements({
    db,
    organizationId: actor.organizationId,
    fromDay: day(from),
    toDay: day(to),
    limit,
  });
  return rows.map((row) => ({
    ...row,
    day: dayToText(row.day),
    // Only restatementsOf writes this column, from restatedMetrics.
    metric: row.metric as RestatedMetric,
    reportedAt: row.reportedAt.toISOString(),
    restatedAt: row.restatedAt.toISOString(),
  }));
};

export type ExplainedBuyer = {
  buyer: string;
  shop: string;
  day: string;
  hit: boolean;
  order: string | null;
  messages: { time: string; sender: string; agent: string; kind: string; text: string }[];
};

// A drill-down lists at most this many buyers; the count says how many there were.
const maxBuyers = 200;

// Numbers of the shop as a whole (静默销售, the filtered chats): no agent stands behind them, so a
// team or agent filter does not narrow them, and agents never see them.
const shopLevelMetrics = new Set([
  'silentSales',
  'silentBuyers',
  'silentAov',
  'advertisers',
  'filteredAccounts',
  'filteredStaff',
  'filteredOwn',
]);

/**
 * The buyers behind a metric on a day (or a period) — of one agent, or of every agent in the
 * dashboard's scope (a shop, a team) — each with their messages of that day and the next (replies
 * cross midnight), so a supervisor can see why a number is what it is.
 */
export const explainMetric = async ({
  db,
  actor,
  presets,
  metric,
  agent,
  shopId,
  teamId,
  ...period
}: Omit<MetricsStoreDeps, 'clock'> & {
  presets: SettingsPresets;
  metric: string;
  agent?: string;
  shopId?: string;
  teamId?: string;
  day?: string;
  from?: string;
  to?: string;
}) => {
  const fromDay = textToDay(period.day ?? period.from ?? '');
  const toDay = textToDay(period.day ?? period.to ?? '');
  if (fromDay === null || toDay === null || fromDay > toDay || toDay - fromDay > 92)
    throw metricsStoreErrors.badPeriod('请给出日期 day，或 from/to（YYYY-MM-DD，最多 92 天）');
  const stored = await computeStored({
    db,
    actor,
    presets,
    fromDay,
    toDay,
    keepOrderIds: true,
    shopIds: shopId ? [shopId] : undefined,
  });
  const { visible } = stored;
  if (visible && (agent === undefined ? shopLevelMetrics.has(metric) : !visible.has(agent)))
    throw metricsStoreErrors.agentForbidden();
  let result: ReturnType<typeof explain>;
  try {
    result = explain({
      computation: stored.computation,
      metric,
      ...(agent === undefined ? {} : { agent }),
      from: fromDay,
      to: toDay,
    });
  } catch {
    throw metricsStoreErrors.unknownMetric(metric);
  }
  const teamOf = new Map(stored.owners.map((owner) => [owner.agent, owner.teamId]));
  const inScope = (ref: ExplainRef) =>
    ref.agent === undefined
      ? shopLevelMetrics.has(metric)
      : (!visible || visible.has(ref.agent)) && (teamId === undefined || teamOf.get(ref.agent) === teamId);
  const scoped = result.refs.filter(inScope);
  const refs = scoped.slice(0, maxBuyers);
  const buyers: ExplainedBuyer[] = [];
  for (const shop of stored.shops) {
    for (const ref of refs.filter((one) => one.shop === shop.name)) {
      const messages = await selectConversations({
        db,
        shopId: shop.id,
        buyers: [ref.buyer],
        day: textToDay(ref.day) ?? fromDay,
      });
      buyers.push({
        buyer: ref.buyer,
        shop: ref.shop,
        day: ref.day,
        hit: ref.hit,
        order: ref.order ?? null,
        messages: messages.map(({ buyer: _buyer, time, ...rest }) => ({ ...rest, time: time.toISOString() })),
      });
    }
  }
  return {
    metric,
    agent: agent ?? null,
    from: dayToText(fromDay),
    to: dayToText(toDay),
    total: scoped.length,
    buyers,
  };
};

/** The same rows as `metricsFor`, as an Excel workbook; every export is audited. */
export const exportMetricsXlsx = async (
  deps: MetricsStoreDeps & MetricsForInput,
): Promise<{ bytes: Buffer; rows: number }> => {
  const result = await metricsFor(deps);
  const folder = await mkdtemp(join(tmpdir(), 'kefu-metrics-export-'));
  try {
    const file = join(folder, 'metrics.xlsx');
    await writeMetricsXlsx(file, { rows: result.rows, shop: result.shop, shops: [] }, []);
    const bytes = await readFile(file);
    await recordAudit({
      db: deps.db,
      clock: deps.clock,
      actor: deps.actor,
      action: 'metrics.exported',
      details: { from: result.from, to: result.to, by: deps.by, rows: result.rows.length },
    });
    return { bytes, rows: result.rows.length };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};
