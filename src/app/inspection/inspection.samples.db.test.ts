import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { importRecords } from '../metrics-store/metrics-store.import.js';
import { getInspectionConversation, listInspectionFindings } from './inspection.findings.js';
import { startInspectionRun } from './inspection.run.js';
import { drawSamples, scoreInspectionSample } from './inspection.samples.js';
import { saveScoreSheet } from './inspection.sheets.js';
import { createInspectionFixture, type InspectionFixture, storeChat } from './inspection.test-utils.js';

// 抽检 over an export without a conversation column: each buyer's chats of one local day are one
// conversation, keyed `buyer#YYYY-MM-DD` alike by the run's findings, the draw and the conversation view.

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };

const exportWithoutIds = [
  '店铺,平台,买家,客服,发送方,时间,内容',
  '旗舰店,tmall,bc,旗舰店:A,买家,2026-03-02 09:00:00,在吗 有微信吗',
  '旗舰店,tmall,bc,旗舰店:A,客服,2026-03-02 09:01:00,亲 您好 加我微信 kefu01 发您实拍',
  '旗舰店,tmall,bc,旗舰店:A,买家,2026-03-03 20:00:00,发货了吗',
  '旗舰店,tmall,bc,旗舰店:A,客服,2026-03-03 20:01:00,亲 您好 已经发出了',
  '旗舰店,tmall,bd,旗舰店:B,买家,2026-03-03 10:00:00,有优惠吗',
  '旗舰店,tmall,bd,旗舰店:B,客服,2026-03-03 10:02:00,亲 您好 现在下单立减二十元',
].join('\n');

describe('抽检 of chats exported without a conversation id', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    const { db } = database;
    await db.deleteFrom('organizations').execute();
    fixture = await createInspectionFixture(db);
    const imported = await importRecords({
      db,
      clock,
      actor: fixture.supervisor,
      kind: 'messages',
      file: 'messages.csv',
      source: (async function* () {
        yield new TextEncoder().encode(exportWithoutIds);
      })(),
      mode: 'reject',
    });
    expect(imported).toMatchObject({ status: 'done', rowsInserted: 6 });
  });

  const deps = () => ({ db: database.db, clock });
  const run = async () =>
    (await startInspectionRun({ ...deps(), actor: fixture.supervisor, from: '2026-03-01', to: '2026-03-05' }))
      .done;
  const sheet = () =>
    saveScoreSheet({
      ...deps(),
      actor: fixture.supervisor,
      title: '评分表',
      items: [{ label: '服务', points: 100 }],
    });
  const draw = async (sheetId: string) =>
    drawSamples({
      ...deps(),
      actor: fixture.supervisor,
      sheetId,
      from: '2026-03-01',
      to: '2026-03-05',
      perAgent: 5,
    });

  test('samples are drawn per buyer and day, open with their findings in context, and are scored', async () => {
    await run();
    const findings = await listInspectionFindings({
      ...deps(),
      actor: fixture.supervisor,
      query: { limit: 50, offset: 0, ruleId: 'offsite_contact' },
    });
    expect(findings.findings.map((one) => one.conversation)).toEqual(['bc#2026-03-02']);
    const { samples } = await draw((await sheet()).id);
    expect(samples.map((one) => `${one.agent} ${one.conversation} ${one.day}`).sort()).toEqual([
      '旗舰店:A bc#2026-03-02 2026-03-02',
      '旗舰店:A bc#2026-03-03 2026-03-03',
      '旗舰店:B bd#2026-03-03 2026-03-03',
    ]);
    const sample = samples.find((one) => one.conversation === 'bc#2026-03-02');
    const view = await getInspectionConversation({
      ...deps(),
      actor: fixture.supervisor,
      shopId: fixture.shopId,
      conversation: sample?.conversation ?? '',
    });
    expect(view.messages.map((message) => [message.text, message.findings.map((one) => one.ruleId)])).toEqual(
      [
        ['在吗 有微信吗', []],
        ['亲 您好 加我微信 kefu01 发您实拍', ['offsite_contact']],
      ],
    );
    // The agent who served it may open it too; the other agent may not.
    await expect(
      getInspectionConversation({
        ...deps(),
        actor: fixture.agentA,
        shopId: fixture.shopId,
        conversation: 'bc#2026-03-02',
      }),
    ).resolves.toMatchObject({ conversation: 'bc#2026-03-02' });
    await expect(
      getInspectionConversation({
        ...deps(),
        actor: fixture.agentB,
        shopId: fixture.shopId,
        conversation: 'bc#2026-03-02',
      }),
    ).rejects.toMatchObject({ code: 'inspection.not_found' });
    const scored = await scoreInspectionSample({
      ...deps(),
      actor: fixture.supervisor,
      id: sample?.id ?? '',
      scores: [70],
      comment: '引导站外联系',
    });
    expect(scored).toMatchObject({ conversation: 'bc#2026-03-02', total: 70, comment: '引导站外联系' });
  });

  test('an exported id shaped like a derived key stays a conversation of its own', async () => {
    const { db } = database;
    await storeChat(db, fixture, {
      conversation: 'bc#2026-03-02',
      buyer: 'bx',
      agent: '旗舰店:B',
      lines: [
        { at: '2026-03-02 11:00', from: 'buyer', text: '我是另一位买家' },
        { at: '2026-03-02 11:01', from: 'agent', text: '亲 您好 请问有什么可以帮您' },
      ],
    });
    await run();
    const { samples } = await draw((await sheet()).id);
    expect(samples.map((one) => `${one.buyer} ${one.conversation}`).sort()).toEqual([
      'bc bc#2026-03-02',
      'bc bc#2026-03-03',
      'bd bd#2026-03-03',
      'bx bc#2026-03-02#',
    ]);
    const texts = async (conversation: string) =>
      (
        await getInspectionConversation({
          ...deps(),
          actor: fixture.supervisor,
          shopId: fixture.shopId,
          conversation,
        })
      ).messages.map((message) => message.text);
    expect(await texts('bc#2026-03-02')).toEqual(['在吗 有微信吗', '亲 您好 加我微信 kefu01 发您实拍']);
    expect(await texts('bc#2026-03-02#')).toEqual(['我是另一位买家', '亲 您好 请问有什么可以帮您']);
    await expect(texts('bc#2026-02-30')).rejects.toMatchObject({ code: 'inspection.not_found' });
  });
});
