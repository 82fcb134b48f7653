import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { archiveScoreSheet, scoreSheetHistory } from './inspection.sheet-history.js';
import { drawSamples, scoreInspectionSample } from './inspection.samples.js';
import { listInspectionSheets, saveScoreSheet } from './inspection.sheets.js';
import { createInspectionFixture, type InspectionFixture, storeChat } from './inspection.test-utils.js';

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };

describe('质检评分表 versions and archiving', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createInspectionFixture(database.db);
    await storeChat(database.db, fixture, {
      conversation: 'c1',
      buyer: 'b1',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-02 09:00', from: 'buyer', text: '在吗' },
        { at: '2026-03-02 09:01', from: 'agent', text: '亲，您好，在的' },
      ],
    });
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock });
  const period = { from: '2026-03-01', to: '2026-03-05' };

  test('every saved version is kept with what was scored on it; an archived sheet draws no samples', async () => {
    const actor = fixture.supervisor;
    const created = await saveScoreSheet({
      ...deps(),
      actor,
      title: '日常抽检',
      items: [{ label: '态度', points: 100 }],
    });
    const { samples } = await drawSamples({ ...deps(), actor, sheetId: created.id, ...period, perAgent: 1 });
    expect(samples).toHaveLength(1);
    await scoreInspectionSample({ ...deps(), actor, id: samples[0]?.id ?? '', scores: [90] });
    await saveScoreSheet({
      ...deps(),
      actor,
      id: created.id,
      title: '日常抽检（新）',
      items: [{ label: '服务态度与用语', points: 100 }],
    });
    const { versions } = await scoreSheetHistory({ ...deps(), actor, id: created.id });
    expect(versions.map((one) => [one.version, one.title, one.items[0]?.label, one.scored])).toEqual([
      [2, '日常抽检（新）', '服务态度与用语', 0],
      [1, '日常抽检', '态度', 1],
    ]);
    expect(versions[1]?.savedBy).toBe(actor.login);

    const archived = await archiveScoreSheet({ ...deps(), actor, id: created.id, archived: true });
    expect(archived.archivedAt).toBe(clock.now().toISOString());
    expect((await listInspectionSheets({ ...deps(), actor })).sheets[0]?.archivedAt).not.toBeNull();
    await expect(
      drawSamples({ ...deps(), actor, sheetId: created.id, ...period, perAgent: 1 }),
    ).rejects.toMatchObject({
      details: [{ path: 'body.sheetId', message: '评分表「日常抽检（新）」已归档，不能再抽检' }],
    });
    await archiveScoreSheet({ ...deps(), actor, id: created.id, archived: false });
    await expect(
      drawSamples({ ...deps(), actor, sheetId: created.id, ...period, perAgent: 1 }),
    ).resolves.toMatchObject({ samples: [{ agent: '旗舰店:A' }] });
    const actions = await database.db.selectFrom('auditLog').select('action').execute();
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(['inspection.sheet_archived', 'inspection.sheet_restored']),
    );
  });

  test('agents may not archive sheets; an unknown sheet has no history', async () => {
    const actor = fixture.supervisor;
    const sheet = await saveScoreSheet({
      ...deps(),
      actor,
      title: '表',
      items: [{ label: '项', points: 10 }],
    });
    await expect(
      archiveScoreSheet({ ...deps(), actor: fixture.agentA, id: sheet.id, archived: true }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      scoreSheetHistory({ ...deps(), actor, id: '00000000-0000-0000-0000-000000000000' }),
    ).rejects.toMatchObject({ code: 'inspection.not_found' });
  });
});
