import type { ScoreSheetItem } from '../../domain/inspection/index.js';
import type { Db } from '../../store/database.js';
import {
  findScoreSheet,
  listScoreSheetVersions,
  scoredByVersion,
  setScoreSheetArchived,
} from '../../store/score-sheets.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import { inspectionErrors } from './inspection.errors.js';
import { type ScoreSheetView, toSheetView, usageOf } from './inspection.sheets.js';

// A 质检评分表's past versions (what each sample was scored against) and archiving: a sheet that
// was used cannot be deleted, but it can leave the list of sheets to draw with.

export type ScoreSheetVersionView = {
  version: number;
  title: string;
  items: ScoreSheetItem[];
  maxTotal: number;
  savedAt: string;
  /** The login that saved it; null for the demo seed, the CLI or a deleted user. */
  savedBy: string | null;
  /** Samples scored on this version. */
  scored: number;
};

/** Every saved version of a sheet, newest first. */
export const scoreSheetHistory = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<{ versions: ScoreSheetVersionView[] }> => {
  authorize(actor, 'inspection.read');
  if (!(await findScoreSheet({ db, organizationId: actor.organizationId, id })))
    throw inspectionErrors.sheetNotFound();
  const scored = await scoredByVersion({ db, sheetId: id });
  const versions = (await listScoreSheetVersions({ db, sheetId: id })).map((row) => {
    const items = row.items as ScoreSheetItem[];
    return {
      version: row.version,
      title: row.title,
      items,
      maxTotal: Math.round(items.reduce((sum, item) => sum + item.points, 0) * 100) / 100,
      savedAt: row.savedAt.toISOString(),
      savedBy: row.savedBy ?? null,
      scored: scored.get(row.version) ?? 0,
    };
  });
  return { versions };
};

/** Archives a sheet (no new 抽检 draws with it) or brings it back; audited. */
export const archiveScoreSheet = async ({
  db,
  clock,
  actor,
  id,
  archived,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  id: string;
  archived: boolean;
}): Promise<ScoreSheetView> => {
  authorize(actor, 'inspection.review');
  const organizationId = actor.organizationId;
  const saved = await setScoreSheetArchived({ db, organizationId, id, at: archived ? clock.now() : null });
  if (!saved) throw inspectionErrors.sheetNotFound();
  await recordAudit({
    db,
    clock,
    actor,
    action: archived ? 'inspection.sheet_archived' : 'inspection.sheet_restored',
    target: id,
    details: { title: saved.title, version: saved.version },
  });
  return toSheetView(saved, await usageOf({ db, organizationId, id }));
};
