import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { listShops } from '../../store/shops.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { AppError, type Actor } from '../accounts/index.js';
import { seedDemo } from '../demo/demo.seed.js';
import { importRecords } from './metrics-store.import.js';
import { listMappingPresets, previewImport, saveMappingPreset } from './metrics-store.mapping.js';
import { saveShopMetricSettings } from './metrics-store.settings.js';
import { loadPresets } from '../metrics/metrics.settings.js';

const now = new Date('2026-03-20T04:00:00Z');
const clock = { now: () => now };
const encode = (text: string) => new TextEncoder().encode(text);
const bytes = (text: string) =>
  (async function* () {
    yield encode(text);
  })();

// A shop's own 千牛 export: 买家昵称 and 客服账号 are known synonyms, the other three are not.
const ownHeaders = '买家昵称,客服账号,说话方,会话时间,聊天记录';
const chats = (buyer: string) =>
  [
    ownHeaders,
    `${buyer},旗舰店:小美,buyer,2026-03-10 10:00:00,有货吗`,
    `${buyer},旗舰店:小美,agent,2026-03-10 10:00:40,有的亲`,
  ].join('\n');
const mapping = {
  买家昵称: 'buyer',
  客服账号: 'agent',
  说话方: 'sender',
  会话时间: 'time',
  聊天记录: 'text',
};

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof AppError ? error.message : String(error);
  }
};

describe('列映射 (column mapping presets of imports)', () => {
  let database: DatabaseHandle;
  let supervisor: Actor;
  let shopId: string;
  let otherShopId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo({ db: database.db, clock, password: 'not-used-here' });
    supervisor = {
      organizationId: demo.organizationId,
      ip: null,
      userId: null,
      login: 'zg',
      role: 'supervisor',
    };
    const shops = await listShops({ db: database.db, organizationId: demo.organizationId });
    shopId = shops.find((shop) => shop.name === '天猫旗舰店')?.id ?? '';
    otherShopId = shops.find((shop) => shop.name === '淘宝企业店')?.id ?? '';
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock, actor: supervisor });
  const storedTimes = async (buyer: string) =>
    (
      await database.db
        .selectFrom('messages')
        .select('time')
        .where('buyer', '=', buyer)
        .orderBy('time')
        .execute()
    ).map((row) => row.time.toISOString());

  test('a preview of a shop’s own headers suggests what it knows and names the fields left unmapped', async () => {
    const preview = await previewImport({
      ...deps(),
      kind: 'messages',
      file: 'qianniu.csv',
      bytes: encode(chats('tb_p')),
      shopId,
    });
    expect(preview.headers).toEqual(ownHeaders.split(','));
    expect(preview.mapping).toEqual({ 买家昵称: 'buyer', 客服账号: 'agent' });
    expect(preview.preset).toBeNull();
    expect(preview.fields).toContainEqual({ field: 'sender', required: true });
    expect(preview.issues.map((issue) => issue.message)).toContainEqual(
      expect.stringContaining('必填字段 sender 没有对应的列'),
    );
    expect(preview.sampleRows).toHaveLength(2);
  });

  test('without a mapping the import is rejected, naming the missing field; with one it imports and saves the preset', async () => {
    const input = { ...deps(), kind: 'messages' as const, mode: 'reject' as const, shopId };
    const refused = await importRecords({ ...input, file: 'a.csv', source: bytes(chats('tb_a')) });
    expect(refused.status).toBe('rejected');
    expect(refused.issues[0]?.message).toContain('必填字段 sender 没有对应的列');
    // A check (dry run) saves nothing, not even with savePreset.
    await importRecords({
      ...input,
      file: 'a.csv',
      source: bytes(chats('tb_a')),
      mapping,
      savePreset: true,
      dryRun: true,
    });
    expect(await listMappingPresets(deps())).toEqual([]);
    const done = await importRecords({
      ...input,
      file: 'a.csv',
      source: bytes(chats('tb_a')),
      mapping,
      savePreset: true,
    });
    expect(done).toMatchObject({ status: 'done', rowsInserted: 2 });
    expect(await listMappingPresets(deps())).toEqual([
      { shopId, shopName: '天猫旗舰店', kind: 'messages', mapping, updatedAt: now.toISOString() },
    ]);
    const audit = await database.db
      .selectFrom('auditLog')
      .select(['target', 'details'])
      .where('action', '=', 'metrics.mapping_saved')
      .execute();
    expect(audit).toEqual([{ target: shopId, details: { shop: '天猫旗舰店', kind: 'messages', mapping } }]);
  });

  test('the shop’s preset maps its next export by itself, and starts the next preview', async () => {
    const next = await importRecords({
      ...deps(),
      kind: 'messages',
      mode: 'reject',
      shopId,
      file: 'b.csv',
      source: bytes(chats('tb_b')),
    });
    expect(next).toMatchObject({ status: 'done', rowsInserted: 2 });
    const preview = await previewImport({
      ...deps(),
      kind: 'messages',
      file: 'c.csv',
      bytes: encode(chats('tb_c')),
      shopId,
    });
    expect(preview.preset).toEqual(mapping);
    expect(preview.mapping).toEqual(mapping);
    expect(preview.issues).toEqual([]);
    // Another shop has no preset: its preview starts from the synonyms alone.
    const other = await previewImport({
      ...deps(),
      kind: 'messages',
      file: 'c.csv',
      bytes: encode(chats('tb_c')),
      shopId: otherShopId,
    });
    expect(other.preset).toBeNull();
  });

  test('a mapping to an unknown field, or two headers for one field, is refused by name', async () => {
    const save = (wrong: Record<string, string>) =>
      saveMappingPreset({ ...deps(), shopId, kind: 'messages', mapping: wrong });
    expect(await failure(save({ 会话时间: 'when' }))).toContain('列「会话时间」映射到未知字段 when');
    expect(await failure(save({ 会话时间: 'time', 发送时间: 'time' }))).toBe(
      '字段 time 同时对应了列「会话时间」和「发送时间」，只能选一列',
    );
    const absent = await previewImport({
      ...deps(),
      kind: 'messages',
      file: 'd.csv',
      bytes: encode(chats('tb_d')),
      shopId,
      mapping: { ...mapping, 发送时间: 'kind' },
    });
    expect(absent.issues.map((issue) => issue.message)).toContain(
      '列映射为字段 kind 选了列「发送时间」，但文件中没有这一列',
    );
  });

  test('times without an offset are read in the shop’s own time zone from its metrics settings', async () => {
    const presets = await loadPresets();
    await saveShopMetricSettings({
      ...deps(),
      presets,
      shopId: otherShopId,
      effectiveFrom: '2026-01-01',
      overrides: { timeZoneOffsetMinutes: 540 },
    });
    const input = { ...deps(), kind: 'messages' as const, mode: 'reject' as const, mapping };
    await importRecords({
      ...input,
      shopId: otherShopId,
      file: 'tokyo.csv',
      source: bytes(chats('tb_tokyo')),
    });
    expect(await storedTimes('tb_tokyo')).toEqual(['2026-03-10T01:00:00.000Z', '2026-03-10T01:00:40.000Z']);
    await importRecords({ ...input, shopId, file: 'china.csv', source: bytes(chats('tb_china')) });
    expect(await storedTimes('tb_china')).toEqual(['2026-03-10T02:00:00.000Z', '2026-03-10T02:00:40.000Z']);
  });
  test('a 会话 column left （不导入） feeds no conversation, and the shop’s preset keeps it so', async () => {
    // Its 会话 holds the shop's own labels (售前), not conversation ids: by its name alone it would be read.
    const labelled = (buyer: string) =>
      [
        `${ownHeaders},会话`,
        `${buyer},旗舰店:小美,buyer,2026-03-10 10:00:00,有货吗,售前`,
        `${buyer},旗舰店:小美,agent,2026-03-10 10:00:40,有的亲,售前`,
      ].join('\n');
    const conversations = async (buyer: string) =>
      (
        await database.db.selectFrom('messages').select('conversation').where('buyer', '=', buyer).execute()
      ).map((row) => row.conversation);
    const input = { ...deps(), kind: 'messages' as const, mode: 'reject' as const, shopId: otherShopId };
    const first = await previewImport({
      ...deps(),
      kind: 'messages',
      file: 'l.csv',
      bytes: encode(labelled('tb_l')),
      shopId: otherShopId,
    });
    expect(first.mapping).toMatchObject({ 会话: 'conversation' });
    const skipped = { ...mapping, 会话: '' };
    const done = await importRecords({
      ...input,
      file: 'l.csv',
      source: bytes(labelled('tb_l')),
      mapping: skipped,
      savePreset: true,
    });
    expect(done).toMatchObject({ status: 'done', rowsInserted: 2 });
    expect(await conversations('tb_l')).not.toContain('售前');
    const [preset] = (await listMappingPresets(deps())).filter((one) => one.shopId === otherShopId);
    // Stored as the field without a column, shown by the field's own name.
    expect(preset?.mapping).toEqual({ ...mapping, conversation: '' });

    const next = await previewImport({
      ...deps(),
      kind: 'messages',
      file: 'm.csv',
      bytes: encode(labelled('tb_m')),
      shopId: otherShopId,
    });
    expect(next).toMatchObject({ preset: { ...mapping, conversation: '' }, mapping: skipped, issues: [] });
    const byPreset = await importRecords({ ...input, file: 'm.csv', source: bytes(labelled('tb_m')) });
    expect(byPreset).toMatchObject({ status: 'done', rowsInserted: 2 });
    expect(await conversations('tb_m')).not.toContain('售前');
    // Left out of the mapping, the column is read again by its name.
    const guessed = await importRecords({
      ...input,
      file: 'n.csv',
      source: bytes(labelled('tb_n')),
      mapping: { 说话方: 'sender', 会话时间: 'time', 聊天记录: 'text' },
    });
    expect(guessed).toMatchObject({ status: 'done', rowsInserted: 2 });
    expect(await conversations('tb_n')).toEqual(['售前', '售前']);
  });

  test('a required field left （不导入） rejects the file, naming the field, the file and the header line', async () => {
    const refused = await importRecords({
      ...deps(),
      kind: 'messages',
      mode: 'reject',
      shopId,
      file: 'e.csv',
      source: bytes(chats('tb_e')),
      mapping: { ...mapping, 客服账号: '' },
    });
    expect(refused.status).toBe('rejected');
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'import.missing_column',
        message: '必填字段 agent 没有对应的列：列映射把它设为（不导入）；请在列映射中为它选一列',
        at: { file: 'e.csv', line: 1, field: 'agent' },
      }),
    ]);
  });
});
