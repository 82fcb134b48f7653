import { type ScoreSheetItem, validateSheetItems } from '../../domain/inspection/index.js';
import { type Db, inTransaction, type Trx } from '../../store/database.js';
import {
  deleteUnusedScoreSheet,
  findScoreSheet,
  insertScoreSheet,
  listScoreSheets,
  reviseScoreSheet,
  type ScoreSheetRecord,
  scoreSheetUsage,
} from '../../store/score-sheets.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import { inspectionErrors } from './inspection.errors.js';

// 质检评分表: the sheets a reviewer scores sampled conversations (抽检) against. A sample's scores are
// one number per item, each within the item's points, so once a sample is scored the items' count
// and points are fixed; names and criteria may still be reworded, and a copy starts a new sheet.

export type ScoreSheetView = {
  id: string;
  title: string;
  items: ScoreSheetItem[];
  version: number;
  maxTotal: number;
  /** Samples drawn with the sheet, and how many of them are scored. */
  samples: number;
  scored: number;
  updatedAt: string;
  /** When it was archived: no new 抽检 draws with it; its samples and scores stay. */
  archivedAt: string | null;
};

type Usage = { samples: number; scored: number };
const unused: Usage = { samples: 0, scored: 0 };

export const toSheetView = (row: ScoreSheetRecord, usage: Usage): ScoreSheetView => {
  const items = row.items as ScoreSheetItem[];
  return {
    id: row.id,
    title: row.title,
    items,
    version: row.version,
    // Points like 0.1 + 0.2 would otherwise show float noise.
    maxTotal: Math.round(items.reduce((sum, item) => sum + item.points, 0) * 100) / 100,
    samples: usage.samples,
    scored: usage.scored,
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
};

export const usageOf = async ({
  db,
  organizationId,
  id,
}: {
  db: Db | Trx;
  organizationId: string;
  id: string;
}) => (await scoreSheetUsage({ db, organizationId, sheetId: id }))[0] ?? unused;

const checkItems = (items: ScoreSheetItem[]) => {
  const issues = validateSheetItems(items);
  if (issues.length > 0)
    throw inspectionErrors.invalid(
      issues.map((issue) => ({ path: `body.${issue.at?.field ?? 'items'}`, message: issue.message })),
    );
};

/** Whether scores given on `before` still fit `after`: as many items, each with the same points. */
const sameShape = (before: ScoreSheetItem[], after: ScoreSheetItem[]) =>
  before.length === after.length && before.every((item, index) => item.points === after[index]?.points);

/** Every sheet of the organisation, oldest first, with how much 抽检 uses it. */
export const listInspectionSheets = async ({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<{ sheets: ScoreSheetView[] }> => {
  authorize(actor, 'inspection.read');
  const organizationId = actor.organizationId;
  const usage = new Map(
    (await scoreSheetUsage({ db, organizationId })).map((row) => [row.sheetId, row] as const),
  );
  const rows = await listScoreSheets({ db, organizationId });
  return { sheets: rows.map((row) => toSheetView(row, usage.get(row.id) ?? unused)) };
};

const auditSaved = ({
  db,
  clock,
  actor,
  saved,
}: {
  db: Db | Trx;
  clock: Clock;
  actor: Actor;
  saved: ScoreSheetRecord;
}) =>
  recordAudit({
    db,
    clock,
    actor,
    action: 'inspection.sheet_saved',
    target: saved.id,
    details: { title: saved.title, version: saved.version },
  });

/**
 * Creates a sheet, or with `id` saves a new version of it. A sheet with scored samples keeps its
 * items' count and points (the stored scores follow them); it is refused with the reason.
 */
export const saveScoreSheet = async ({
  db,
  clock,
  actor,
  id,
  title,
  items,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  id?: string | undefined;
  title: string;
  items: ScoreSheetItem[];
}): Promise<ScoreSheetView> => {
  authorize(actor, 'inspection.review');
  checkItems(items);
  const organizationId = actor.organizationId;
  const sheet = { organizationId, title, items, createdBy: actor.userId, at: clock.now() };
  if (id === undefined)
    return inTransaction(db, async (trx) => {
      const saved = await insertScoreSheet({ db: trx, sheet });
      await auditSaved({ db: trx, clock, actor, saved });
      return toSheetView(saved, unused);
    });
  // The sheet's row stays locked while its usage is checked and it is revised, so a sample scored
  // at the same moment waits and is then checked against the new items.
  return inTransaction(db, async (trx) => {
    const current = await findScoreSheet({ db: trx, organizationId, id, lock: true });
    if (!current) throw inspectionErrors.sheetNotFound();
    const usage = await usageOf({ db: trx, organizationId, id });
    if (usage.scored > 0 && !sameShape(current.items as ScoreSheetItem[], items))
      throw inspectionErrors.sheetScored(usage.scored);
    const saved = await reviseScoreSheet({ db: trx, id, title, items, savedBy: actor.userId, at: sheet.at });
    await auditSaved({ db: trx, clock, actor, saved });
    return toSheetView(saved, usage);
  });
};

/** Deletes a sheet no sample was drawn with (a draft, a mistake); a sheet in use is refused. */
export const deleteScoreSheet = async ({
  db,
  clock,
  actor,
  id,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  id: string;
}): Promise<void> => {
  authorize(actor, 'inspection.review');
  const organizationId = actor.organizationId;
  const sheet = await findScoreSheet({ db, organizationId, id });
  if (!sheet) throw inspectionErrors.sheetNotFound();
  if (!(await deleteUnusedScoreSheet({ db, organizationId, id })))
    throw inspectionErrors.sheetInUse((await usageOf({ db, organizationId, id })).samples);
  await recordAudit({
    db,
    clock,
    actor,
    action: 'inspection.sheet_deleted',
    target: id,
    details: { title: sheet.title, version: sheet.version },
  });
};
