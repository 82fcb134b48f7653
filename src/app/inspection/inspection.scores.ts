import {
  countsAsDeduction,
  isFindingStatus,
  qaScore,
  type ScoreSheetItem,
} from '../../domain/inspection/index.js';
import type { Db } from '../../store/database.js';
import { findingTotalsByAgent } from '../../store/inspection-findings.repository.js';
import { listSamples } from '../../store/inspection-settings.repository.js';
import { listScoreSheets } from '../../store/score-sheets.repository.js';
import { selectAgentOwners } from '../../store/metrics-read.repository.js';
import type { Actor } from '../accounts/index.js';
import { canSee, periodDays, visibleAgents } from './inspection.scope.js';

/** One agent's 质检 result for a period, for scorecards (考核). */
export type AgentScore = {
  agent: string;
  displayName: string | null;
  /** Every finding of the period, whatever its review status. */
  findings: number;
  /** Findings that stand: confirmed, under appeal, or appeal rejected. */
  confirmed: number;
  /** Points of the findings that stand. */
  deductions: number;
  sampled: number;
  /**
   * Mean of the scored samples (抽检), each as a percentage of its sheet's full marks so that
   * sheets of different totals can be averaged; null when none was scored.
   */
  sampleAverage: number | null;
  /** 100 − deductions, floored at 0. */
  qaScore: number;
};

type Tally = {
  findings: number;
  confirmed: number;
  deductions: number;
  sampled: number;
  scoredTotals: number[];
};

const emptyTally = (): Tally => ({ findings: 0, confirmed: 0, deductions: 0, sampled: 0, scoredTotals: [] });

/** Each sheet's full marks; a sheet keeps its items once a sample is scored on it. */
const sheetFullMarks = async (db: Db, organizationId: string): Promise<Map<string, number>> => {
  const sheets = await listScoreSheets({ db, organizationId });
  return new Map(
    sheets.map((sheet) => [
      sheet.id,
      (sheet.items as ScoreSheetItem[]).reduce((sum, item) => sum + item.points, 0),
    ]),
  );
};

/**
 * QA score per agent (sub-account) over `from`–`to`: findings that stand cost their points, a
 * finding whose appeal was upheld costs nothing. Agents see only their own rows.
 */
export const inspectionScores = async ({
  db,
  actor,
  from,
  to,
  shopId,
}: {
  db: Db;
  actor: Actor;
  from: string;
  to: string;
  shopId?: string | undefined;
}): Promise<{ agents: AgentScore[] }> => {
  const visible = await visibleAgents({ db, actor });
  const { fromDay, toDay } = periodDays({ from, to, at: 'query' });
  const tallies = new Map<string, Tally>();
  const tally = (agent: string) => {
    const known = tallies.get(agent);
    if (known) return known;
    const fresh = emptyTally();
    tallies.set(agent, fresh);
    return fresh;
  };
  const owners = await selectAgentOwners({ db, organizationId: actor.organizationId });
  const mine = (agent: string, agentShop: string | null) =>
    visible === null ||
    (agentShop === null
      ? visible.some((key) => key.agent === agent)
      : canSee(visible, { shopId: agentShop, agent }));
  for (const row of await findingTotalsByAgent({
    db,
    organizationId: actor.organizationId,
    shopId,
    fromDay,
    toDay,
  })) {
    if (!mine(row.agent, null)) continue;
    const entry = tally(row.agent);
    entry.findings += row.count;
    if (isFindingStatus(row.status) && countsAsDeduction(row.status)) {
      entry.confirmed += row.count;
      entry.deductions += row.points;
    }
  }
  const fullMarks = await sheetFullMarks(db, actor.organizationId);
  for (const sample of await listSamples({ db, organizationId: actor.organizationId, fromDay, toDay })) {
    if ((shopId !== undefined && sample.shopId !== shopId) || !mine(sample.agent, sample.shopId)) continue;
    const entry = tally(sample.agent);
    entry.sampled++;
    const full = fullMarks.get(sample.sheetId);
    if (sample.total !== null && full) entry.scoredTotals.push((sample.total / full) * 100);
  }
  const names = new Map(owners.map((owner) => [owner.agent, owner.displayName]));
  const agents = [...tallies.entries()].map(([agent, entry]) => ({
    agent,
    displayName: names.get(agent) ?? null,
    findings: entry.findings,
    confirmed: entry.confirmed,
    deductions: Math.round(entry.deductions * 10) / 10,
    sampled: entry.sampled,
    sampleAverage:
      entry.scoredTotals.length === 0
        ? null
        : Math.round(
            (entry.scoredTotals.reduce((sum, total) => sum + total, 0) / entry.scoredTotals.length) * 10,
          ) / 10,
    qaScore: qaScore(entry.deductions),
  }));
  agents.sort((a, b) => a.qaScore - b.qaScore || a.agent.localeCompare(b.agent));
  return { agents };
};
