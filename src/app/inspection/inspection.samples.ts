import { drawSample, type ScoreSheetItem, scoreSample, seedOf } from '../../domain/inspection/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import {
  findSample,
  findSamples,
  insertSamples,
  listSamples,
  type SampleRecord,
  scoreSampleRow,
  selectSampleCandidates,
} from '../../store/inspection-settings.repository.js';
import { findScoreSheet } from '../../store/score-sheets.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { type Actor, type Clock, recordAudit } from '../accounts/index.js';
import { conversationKey } from './inspection.conversation-key.js';
import { inspectionErrors } from './inspection.errors.js';
import { dayText, inspectionShops, periodDays } from './inspection.scope.js';

// 抽检: a reviewer draws N conversations per agent at random (seeded, so the same draw can be
// repeated and checked) and scores each against a 质检评分表 (inspection.sheets.ts).

export type SampleView = {
  id: string;
  sheetId: string;
  shopId: string;
  shopName: string;
  day: string;
  conversation: string;
  buyer: string;
  agent: string;
  sheetVersion: number | null;
  scores: number[] | null;
  total: number | null;
  comment: string | null;
  scoredBy: string | null;
  scoredAt: string | null;
};

const toSampleView = (row: SampleRecord): SampleView => ({
  id: row.id,
  sheetId: row.sheetId,
  shopId: row.shopId,
  shopName: row.shopName,
  day: dayText(row.day),
  conversation: row.conversation,
  buyer: row.buyer,
  agent: row.agent,
  sheetVersion: row.sheetVersion,
  scores: (row.scores as number[] | null) ?? null,
  total: row.total,
  comment: row.comment,
  scoredBy: row.scoredBy,
  scoredAt: row.scoredAt?.toISOString() ?? null,
});

/**
 * Draws up to `perAgent` conversations per agent from `from`–`to` for scoring with `sheetId`.
 * The seed defaults to one derived from the period and shop, so drawing again returns the same
 * conversations; conversations already drawn for the sheet are returned as they are.
 */
export const drawSamples = async ({
  db,
  clock,
  actor,
  sheetId,
  from,
  to,
  perAgent,
  shopId,
  seed,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  sheetId: string;
  from: string;
  to: string;
  perAgent: number;
  shopId?: string | undefined;
  seed?: number | undefined;
}): Promise<{ seed: number; samples: SampleView[] }> => {
  authorize(actor, 'inspection.review');
  const { fromDay, toDay } = periodDays({ from, to });
  const sheet = await findScoreSheet({ db, organizationId: actor.organizationId, id: sheetId });
  if (!sheet) throw inspectionErrors.invalid([{ path: 'body.sheetId', message: '评分表不存在' }]);
  if (sheet.archivedAt)
    throw inspectionErrors.invalid([
      { path: 'body.sheetId', message: `评分表「${sheet.title}」已归档，不能再抽检` },
    ]);
  const shops = await inspectionShops({ db, actor, shopId });
  const candidates = (
    await selectSampleCandidates({ db, shopIds: shops.map((shop) => shop.id), fromDay, toDay })
  ).map((row) => {
    const day = Number(row.day);
    // The key the run gives findings and the conversation view reads (`buyer#YYYY-MM-DD` without an id).
    const conversation = conversationKey({ conversation: row.conversation, buyer: row.buyer, day });
    return { ...row, day, conversation, key: `${row.shopId}/${conversation}/${row.agent}` };
  });
  const used = seed ?? seedOf(`${from}|${to}|${shopId ?? ''}|${sheetId}`);
  // A conversation served by two agents is a candidate of each; it is scored once, for the first drawn.
  const picked = new Map<string, (typeof candidates)[number]>();
  for (const one of drawSample({ candidates, perAgent, seed: used })) {
    const key = `${one.shopId}/${one.conversation}`;
    if (!picked.has(key)) picked.set(key, one);
  }
  const chosen = [...picked.values()];
  await insertSamples({
    db,
    samples: chosen.map((one) => ({
      organizationId: actor.organizationId,
      sheetId,
      shopId: one.shopId,
      day: one.day,
      conversation: one.conversation,
      buyer: one.buyer,
      agent: one.agent,
      createdBy: actor.userId,
      createdAt: clock.now(),
    })),
  });
  await recordAudit({
    db,
    clock,
    actor,
    action: 'inspection.samples_drawn',
    target: sheetId,
    details: { from, to, perAgent, shopId: shopId ?? null, seed: used, count: chosen.length },
  });
  const stored = await findSamples({ db, organizationId: actor.organizationId, sheetId, keys: chosen });
  return { seed: used, samples: stored.map(toSampleView) };
};

/** Scores a sample: one score per sheet item, each within the item's points. */
export const scoreInspectionSample = async ({
  db,
  clock,
  actor,
  id,
  scores,
  comment,
}: {
  db: Db;
  clock: Clock;
  actor: Actor;
  id: string;
  scores: number[];
  comment?: string | undefined;
}): Promise<SampleView> => {
  authorize(actor, 'inspection.review');
  const organizationId = actor.organizationId;
  const sample = await inTransaction(db, async (trx) => {
    const found = await findSample({ db: trx, organizationId, id });
    if (!found) throw inspectionErrors.sampleNotFound();
    // Locked until the scores are stored: a revision of the sheet at the same moment waits, and
    // one that came first is what the scores are checked against.
    const sheet = await findScoreSheet({ db: trx, organizationId, id: found.sheetId, lock: true });
    if (!sheet) throw inspectionErrors.sheetNotFound();
    const { total, issues } = scoreSample({ items: sheet.items as ScoreSheetItem[], scores });
    if (issues.length > 0)
      throw inspectionErrors.invalid(
        issues.map((issue) => ({ path: `body.${issue.at?.field ?? 'scores'}`, message: issue.message })),
      );
    await scoreSampleRow({
      db: trx,
      id,
      score: {
        sheetVersion: sheet.version,
        scores,
        total,
        comment: comment ?? null,
        scoredBy: actor.userId,
        scoredAt: clock.now(),
      },
    });
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'inspection.sample_scored',
      target: id,
      details: { total, agent: found.agent },
    });
    return found;
  });
  const scored = await findSample({ db, organizationId: actor.organizationId, id });
  return toSampleView(scored ?? sample);
};

/** The samples drawn for conversations of `from`–`to`, scored or not. */
export const listInspectionSamples = async ({
  db,
  actor,
  from,
  to,
}: {
  db: Db;
  actor: Actor;
  from: string;
  to: string;
}) => {
  authorize(actor, 'inspection.read');
  const { fromDay, toDay } = periodDays({ from, to, at: 'query' });
  return {
    samples: (await listSamples({ db, organizationId: actor.organizationId, fromDay, toDay })).map(
      toSampleView,
    ),
  };
};
