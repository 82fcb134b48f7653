import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { exportLearningLoop } from './inspection.export.js';
import { getInspectionConversation, listInspectionFindings } from './inspection.findings.js';
import { appealFinding, confirmFinding, decideAppeal, dismissFinding } from './inspection.review.js';
import { startInspectionRun } from './inspection.run.js';
import { drawSamples, scoreInspectionSample } from './inspection.samples.js';
import { inspectionScores } from './inspection.scores.js';
import { saveScoreSheet } from './inspection.sheets.js';
import { createInspectionFixture, type InspectionFixture, storeChat } from './inspection.test-utils.js';

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };
const page = { limit: 50, offset: 0 };

describe('review, scores, sampling and export', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;
  let ids: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    const { db } = database;
    await db.deleteFrom('organizations').execute();
    fixture = await createInspectionFixture(db);
    // A: offsite contact (6 points) and a promise; B: no greeting (1 point).
    await storeChat(db, fixture, {
      conversation: 'ca',
      buyer: 'ba',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-02 10:00', from: 'buyer', text: '有微信吗' },
        { at: '2026-03-02 10:01', from: 'agent', text: '亲，您好，加我微信 kefu_xiaomei 发您图' },
      ],
    });
    await storeChat(db, fixture, {
      conversation: 'cb',
      buyer: 'bb',
      agent: '旗舰店:B',
      lines: [
        { at: '2026-03-03 10:00', from: 'buyer', text: '在吗' },
        { at: '2026-03-03 10:01', from: 'agent', text: 'L 码。' },
      ],
    });
    await (
      await startInspectionRun({ db, clock, actor: fixture.supervisor, from: '2026-03-01', to: '2026-03-05' })
    ).done;
    const rows = await db.selectFrom('findings').select(['id', 'ruleId']).execute();
    ids = Object.fromEntries(rows.map((row) => [row.ruleId, row.id]));
  });

  const deps = () => ({ db: database.db, clock });

  test('agents list only their own findings; supervisors list all with counts by rule and agent', async () => {
    const all = await listInspectionFindings({ ...deps(), actor: fixture.supervisor, query: page });
    expect(all.total).toBe(2);
    expect(all.byAgent).toEqual([
      { agent: '旗舰店:A', count: 1, points: 6 },
      { agent: '旗舰店:B', count: 1, points: 1 },
    ]);
    const mine = await listInspectionFindings({ ...deps(), actor: fixture.agentB, query: page });
    expect(mine.findings.map((one) => one.ruleId)).toEqual(['no_greeting']);
    expect(mine.findings[0]).toMatchObject({
      shopName: '旗舰店',
      day: '2026-03-03',
      status: 'open',
      ruleTitle: '缺少问候',
    });
    const filtered = await listInspectionFindings({
      ...deps(),
      actor: fixture.supervisor,
      query: { ...page, ruleId: 'offsite_contact', from: '2026-03-02', to: '2026-03-02' },
    });
    expect(filtered.findings.map((one) => one.agent)).toEqual(['旗舰店:A']);
  });

  test("the conversation view marks findings on their message; an agent cannot open another agent's chat", async () => {
    const view = await getInspectionConversation({
      ...deps(),
      actor: fixture.agentA,
      shopId: fixture.shopId,
      conversation: 'ca',
    });
    expect(view.messages.map((message) => message.findings.map((one) => one.ruleId))).toEqual([
      [],
      ['offsite_contact'],
    ]);
    await expect(
      getInspectionConversation({
        ...deps(),
        actor: fixture.agentA,
        shopId: fixture.shopId,
        conversation: 'cb',
      }),
    ).rejects.toMatchObject({ code: 'inspection.not_found' });
  });

  test('confirm → appeal by its agent → decide; every step audited; wrong states are conflicts', async () => {
    const id = ids.offsite_contact ?? '';
    await expect(
      appealFinding({ ...deps(), actor: fixture.agentA, id, text: '没说过' }),
    ).rejects.toMatchObject({
      code: 'inspection.conflict',
    });
    await confirmFinding({ ...deps(), actor: fixture.supervisor, id, note: '属实' });
    await expect(
      dismissFinding({ ...deps(), actor: fixture.supervisor, id, reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'inspection.conflict',
    });
    await expect(
      appealFinding({ ...deps(), actor: fixture.agentB, id, text: '不是我' }),
    ).rejects.toMatchObject({
      code: 'inspection.not_found',
    });
    const appealed = await appealFinding({ ...deps(), actor: fixture.agentA, id, text: '买家先要的微信' });
    expect(appealed).toMatchObject({ status: 'appealed', appealText: '买家先要的微信' });
    await expect(confirmFinding({ ...deps(), actor: fixture.agentA, id })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const decided = await decideAppeal({
      ...deps(),
      actor: fixture.supervisor,
      id,
      upheld: true,
      note: '买家主动索要，已核实',
    });
    expect(decided).toMatchObject({ status: 'appeal_upheld', decisionNote: '买家主动索要，已核实' });
    const audit = await database.db
      .selectFrom('auditLog')
      .select('action')
      .where('target', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'inspection.finding_confirmed',
      'inspection.finding_appealed',
      'inspection.finding_appeal_upheld',
    ]);
  });

  test('QA score is 100 minus findings that stand; an upheld appeal costs nothing; agents see their own row', async () => {
    await confirmFinding({ ...deps(), actor: fixture.supervisor, id: ids.offsite_contact ?? '' });
    await confirmFinding({ ...deps(), actor: fixture.supervisor, id: ids.no_greeting ?? '' });
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const scores = await inspectionScores({ ...deps(), actor: fixture.supervisor, ...period });
    expect(scores.agents.map((row) => [row.agent, row.confirmed, row.deductions, row.qaScore])).toEqual([
      ['旗舰店:A', 1, 6, 94],
      ['旗舰店:B', 1, 1, 99],
    ]);
    await appealFinding({
      ...deps(),
      actor: fixture.agentB,
      id: ids.no_greeting ?? '',
      text: '首句是自动回复',
    });
    await decideAppeal({
      ...deps(),
      actor: fixture.supervisor,
      id: ids.no_greeting ?? '',
      upheld: true,
      note: '成立',
    });
    const own = await inspectionScores({ ...deps(), actor: fixture.agentB, ...period });
    expect(own.agents).toEqual([
      expect.objectContaining({
        agent: '旗舰店:B',
        displayName: 'agent-b',
        findings: 1,
        confirmed: 0,
        qaScore: 100,
      }),
    ]);
  });

  test('sampling is reproducible, scored against the sheet, and counted in the agent score', async () => {
    const sheet = await saveScoreSheet({
      ...deps(),
      actor: fixture.supervisor,
      title: '质检评分表',
      items: [
        { label: '问候', points: 10 },
        { label: '解答', points: 40 },
      ],
    });
    const draw = () =>
      drawSamples({
        ...deps(),
        actor: fixture.supervisor,
        sheetId: sheet.id,
        from: '2026-03-01',
        to: '2026-03-05',
        perAgent: 1,
      });
    const first = await draw();
    expect(first.samples.map((one) => one.conversation).sort()).toEqual(['ca', 'cb']);
    expect((await draw()).samples.map((one) => one.id)).toEqual(first.samples.map((one) => one.id));
    const sample = first.samples.find((one) => one.agent === '旗舰店:A');
    await expect(
      scoreInspectionSample({ ...deps(), actor: fixture.supervisor, id: sample?.id ?? '', scores: [11, 40] }),
    ).rejects.toMatchObject({ code: 'validation.failed', details: [{ path: 'body.scores[0]' }] });
    const scored = await scoreInspectionSample({
      ...deps(),
      actor: fixture.supervisor,
      id: sample?.id ?? '',
      scores: [8, 40],
      comment: '不错',
    });
    expect(scored).toMatchObject({ total: 48, sheetVersion: 1, comment: '不错' });
    const scores = await inspectionScores({
      ...deps(),
      actor: fixture.supervisor,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(scores.agents.find((row) => row.agent === '旗舰店:A')).toMatchObject({
      sampled: 1,
      // 48 of the sheet's 50 points, as a percentage.
      sampleAverage: 96,
    });
  });

  test('the export turns reviewed word findings into eval lines; no_greeting and pending ones are left out', async () => {
    await confirmFinding({
      ...deps(),
      actor: fixture.supervisor,
      id: ids.offsite_contact ?? '',
      note: '给出微信号',
    });
    await dismissFinding({ ...deps(), actor: fixture.supervisor, id: ids.no_greeting ?? '', reason: '误报' });
    const lines: string[] = [];
    for await (const line of exportLearningLoop({ ...deps(), actor: fixture.supervisor })) lines.push(line);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        id: `insp-${ids.offsite_contact}`,
        buyer: '有微信吗',
        agent: '亲，您好，加我微信 kefu_xiaomei 发您图',
        rules: ['offsite_contact'],
        note: '给出微信号',
      },
    ]);
    expect(Object.keys(JSON.parse(lines[0] ?? '{}'))).toEqual(['id', 'buyer', 'agent', 'rules', 'note']);
  });

  test('a dismissed word finding exports as compliant (rules: [])', async () => {
    await dismissFinding({
      ...deps(),
      actor: fixture.supervisor,
      id: ids.offsite_contact ?? '',
      reason: '店铺官方客服号',
    });
    const lines: string[] = [];
    for await (const line of exportLearningLoop({ ...deps(), actor: fixture.supervisor })) lines.push(line);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ rules: [], note: '店铺官方客服号' });
  });
});
