import { type Checker, compileLibrary, type OrderFacts } from '../../domain/compliance/index.js';
import { rulesInForce } from '../../domain/rules/index.js';
import { wallClockOffset } from '../../io/records/index.js';
import type { Db } from '../../store/database.js';
import {
  type ChatCursor,
  type ChatRow,
  countMessages,
  countRunFindings,
  deleteUnfoundOpenFindings,
  findRun,
  insertRun,
  listRuns,
  type NewFinding,
  type RunRecord,
  selectBuyerOrders,
  selectChatBatch,
  updateRun,
  upsertFindings,
} from '../../store/inspection.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import {
  builtInRuleLibrary,
  loadSettingsVersions,
  type RuleLibrary,
  type ShopSettingsVersion,
  settingsInForce,
} from '../compliance/index.js';
import { conversationKey } from './inspection.conversation-key.js';
import { inspectionErrors } from './inspection.errors.js';
import { type DayChecker, judgeConversation } from './inspection.judge.js';
import { dayText, type InspectionShop, inspectionShops, periodDays } from './inspection.scope.js';

// Bulk inspection (批量质检) of the stored chats of a period. The run row is created at once and the
// work continues in the background; progress is written after every batch so the UI can poll it.
// Chats are streamed per shop in batches ordered by conversation, so memory holds one batch (plus a
// conversation that straddles two) whatever the period.

export type RunView = {
  id: string;
  shopId: string | null;
  from: string;
  to: string;
  status: 'running' | 'done' | 'failed';
  messagesTotal: number;
  messagesChecked: number;
  findingsCount: number;
  error: string | null;
  createdBy: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export const toRunView = (run: RunRecord): RunView => ({
  id: run.id,
  shopId: run.shopId,
  from: dayText(run.fromDay),
  to: dayText(run.toDay),
  status: run.status as RunView['status'],
  messagesTotal: run.messagesTotal,
  messagesChecked: run.messagesChecked,
  findingsCount: run.findingsCount,
  error: run.error,
  createdBy: run.createdBy,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
});

const dayMs = 86_400_000;
const defaultBatchSize = 5_000;
// A run that has shown no end after this long belongs to a process that stopped.
const abandonedAfterMs = 2 * 3_600_000;

/**
 * The checker of a shop's day. Compiling is the expensive part, so the run keeps one compiled
 * checker per distinct (platform, shop settings, rule versions), shared by every day and shop
 * that has the same: usually one per platform for a whole period.
 */
const checkerSource = ({
  library,
  shop,
  versions,
  compiled,
}: {
  library: RuleLibrary;
  shop: InspectionShop;
  versions: ShopSettingsVersion[];
  compiled: Map<string, Checker>;
}) => {
  const byDay = new Map<number, { key: string; checker: Checker }>();
  const forDay: DayChecker = (day) => {
    const known = byDay.get(day);
    if (known) return known;
    const at = dayText(day);
    const settings = settingsInForce(versions, at);
    const inForce = rulesInForce({ rules: library.rules, at }).result;
    const key = `${shop.platform}|${settings?.key ?? ''}|${inForce.map((rule) => `${rule.id}@${rule.version}`).join(',')}`;
    let checker = compiled.get(key);
    if (!checker) {
      checker = compileLibrary({
        rules: library.rules,
        at,
        platform: shop.platform,
        ...(settings ? { overrides: settings.overrides } : {}),
      });
      compiled.set(key, checker);
    }
    const entry = { key, checker };
    byDay.set(day, entry);
    return entry;
  };
  return forDay;
};

/** A conversation's rows; exports without conversation ids are split per buyer and day. */
const groupKey = (row: ChatRow) =>
  row.conversation === '' ? `\u0000${row.buyer}\u0000${row.day}` : `${row.conversation}\u0000${row.buyer}`;

const splitConversations = (rows: ChatRow[]): ChatRow[][] => {
  const groups: ChatRow[][] = [];
  let key = '';
  for (const row of rows) {
    const next = groupKey(row);
    if (groups.length === 0 || next !== key) groups.push([]);
    key = next;
    groups[groups.length - 1]?.push(row);
  }
  return groups;
};

const toOrderFacts = (row: Awaited<ReturnType<typeof selectBuyerOrders>>[number]): OrderFacts => ({
  order: row.orderId,
  created: row.created.getTime(),
  paid: row.paid?.getTime() ?? null,
  amount: Number(row.amount),
  shipped: row.shipped?.getTime() ?? null,
  postage: row.postage === null ? null : Number(row.postage),
  closedBy: row.closedBy,
});

type ShopRun = {
  db: Db;
  run: RunRecord;
  shop: InspectionShop;
  forDay: DayChecker;
  batchSize: number;
  onBatch: (checked: number, found: number) => Promise<void>;
};

const ordersOfGroups = async (db: Db, shopId: string, groups: ChatRow[][]) => {
  const rows = groups.flat();
  if (rows.length === 0) return new Map<string, OrderFacts[]>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    first = Math.min(first, row.time.getTime());
    last = Math.max(last, row.time.getTime());
  }
  const orders = await selectBuyerOrders({
    db,
    shopId,
    buyers: [...new Set(rows.map((row) => row.buyer))],
    // Order facts look up to 3 days before and after a reply; a day more for safety.
    from: new Date(first - 4 * dayMs),
    to: new Date(last + 4 * dayMs),
  });
  const byBuyer = new Map<string, OrderFacts[]>();
  for (const order of orders)
    byBuyer.set(order.buyer, [...(byBuyer.get(order.buyer) ?? []), toOrderFacts(order)]);
  return byBuyer;
};

const judgeGroups = async ({ db, run, shop, forDay }: ShopRun, groups: ChatRow[][]) => {
  const orders = await ordersOfGroups(db, shop.id, groups);
  const offset = wallClockOffset(shop.timeZone);
  const inRange = (day: number) => day >= run.fromDay && day <= run.toDay;
  const findings: NewFinding[] = [];
  let checked = 0;
  for (const rows of groups) {
    const first = rows[0] as ChatRow;
    checked += rows.filter((row) => inRange(row.day)).length;
    findings.push(
      ...judgeConversation({
        input: {
          organizationId: run.organizationId,
          runId: run.id,
          shopId: shop.id,
          conversation: conversationKey(first),
          rows,
          orders: orders.get(first.buyer) ?? [],
        },
        checkerFor: forDay,
        inRange,
        offsetMs: offset,
      }),
    );
  }
  await upsertFindings({ db, findings });
  return { checked, found: findings.length };
};

const inspectShop = async (shopRun: ShopRun) => {
  const { db, run, shop, batchSize } = shopRun;
  let after: ChatCursor | null = null;
  let pending: ChatRow[] = [];
  for (;;) {
    // The day before the period is read as context only (a conversation begun the evening before).
    const batch = await selectChatBatch({
      db,
      shopId: shop.id,
      fromDay: run.fromDay - 1,
      toDay: run.toDay,
      after,
      limit: batchSize,
    });
    const last = batch.length < batchSize;
    const groups = splitConversations([...pending, ...batch]);
    // The last conversation of a full batch may go on in the next one.
    pending = last ? [] : (groups.pop() ?? []);
    const { checked, found } = await judgeGroups(shopRun, groups);
    await shopRun.onBatch(checked, found);
    if (last) return;
    after = batch[batch.length - 1] as ChatRow;
  }
};

const execute = async ({
  db,
  clock,
  run,
  shops,
  library,
  batchSize,
}: {
  db: Db;
  clock: Clock;
  run: RunRecord;
  shops: InspectionShop[];
  library: RuleLibrary;
  batchSize: number;
}): Promise<RunRecord> => {
  try {
    const settings = await loadSettingsVersions({
      db,
      organizationId: run.organizationId,
      shopIds: shops.map((shop) => shop.id),
    });
    let messagesChecked = 0;
    let stored = 0;
    const onBatch = async (checked: number, found: number) => {
      messagesChecked += checked;
      stored += found;
      await updateRun({ db, id: run.id, changes: { messagesChecked, findingsCount: stored } });
    };
    const compiled = new Map<string, Checker>();
    for (const shop of shops) {
      const forDay = checkerSource({ library, shop, versions: settings.get(shop.id) ?? [], compiled });
      await inspectShop({ db, run, shop, forDay, batchSize, onBatch });
    }
    const scope = { shopIds: shops.map((shop) => shop.id), fromDay: run.fromDay, toDay: run.toDay };
    await deleteUnfoundOpenFindings({ db, organizationId: run.organizationId, runId: run.id, ...scope });
    const findingsCount = await countRunFindings({ db, runId: run.id });
    return await updateRun({
      db,
      id: run.id,
      changes: { status: 'done', messagesChecked, findingsCount, finishedAt: clock.now() },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return updateRun({
      db,
      id: run.id,
      changes: { status: 'failed', error: message.slice(0, 500), finishedAt: clock.now() },
    });
  }
};

const refuseOverlap = async (db: Db, actor: Actor, clock: Clock) => {
  for (const other of await listRuns({ db, organizationId: actor.organizationId, limit: 20 })) {
    if (other.status !== 'running') continue;
    if (clock.now().getTime() - other.startedAt.getTime() < abandonedAfterMs)
      throw inspectionErrors.runBusy();
    await updateRun({
      db,
      id: other.id,
      changes: { status: 'failed', error: '任务中断（服务重启），请重新运行', finishedAt: clock.now() },
    });
  }
};

/**
 * Starts a bulk inspection of `from`–`to` (shop-local days, both included) over one shop or all.
 * Returns the run at once (`run`) and the promise of the finished run (`done`): the server answers
 * with the first and lets the second finish in the background; the CLI and tests await it.
 */
export const startInspectionRun = async ({
  db,
  clock,
  actor,
  from,
  to,
  shopId,
  library = builtInRuleLibrary(),
  batchSize = defaultBatchSize,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  from: string;
  to: string;
  shopId?: string | undefined;
  library?: RuleLibrary;
  batchSize?: number;
}): Promise<{ run: RunView; done: Promise<RunView> }> => {
  authorize(actor, 'inspection.review');
  const { fromDay, toDay } = periodDays({ from, to });
  const shops = await inspectionShops({ db, actor, shopId });
  await refuseOverlap(db, actor, clock);
  const shopIds = shops.map((shop) => shop.id);
  const run = await insertRun({
    db,
    run: {
      organizationId: actor.organizationId,
      shopId: shopId ?? null,
      fromDay,
      toDay,
      messagesTotal: await countMessages({ db, shopIds, fromDay, toDay }),
      createdBy: actor.userId,
      startedAt: clock.now(),
    },
  });
  await recordAudit({
    db,
    clock,
    actor,
    action: 'inspection.run_started',
    target: run.id,
    details: { from, to, shopId: shopId ?? null },
  });
  const done = execute({ db, clock, run, shops, library, batchSize }).then(toRunView);
  return { run: toRunView(run), done };
};

export const getInspectionRun = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  authorize(actor, 'inspection.read');
  const run = await findRun({ db, organizationId: actor.organizationId, id });
  if (!run) throw inspectionErrors.runNotFound();
  return toRunView(run);
};

export const listInspectionRuns = async ({
  db,
  actor,
  limit = 20,
}: {
  db: Db;
  actor: Actor;
  limit?: number;
}) => {
  authorize(actor, 'inspection.read');
  return (await listRuns({ db, organizationId: actor.organizationId, limit })).map(toRunView);
};
