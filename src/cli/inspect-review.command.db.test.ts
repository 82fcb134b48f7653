import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertScoreSheet } from '../store/score-sheets.repository.js';
import { kefu, prepareShopDatabase, storeInspectionChats } from './cli.test-utils.js';

type Json = Record<string, { id: string; ruleId?: string; total?: number | null }[]>;
const json = async (...argv: string[]): Promise<Json> => {
  const result = await kefu(...argv, '--format', 'json');
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Json;
};

describe('kefu inspect: review, scores and 抽检 from the command line', () => {
  let cleanUp: () => Promise<void>;
  let sheetId = '';
  const period = ['--from', '2026-03-02', '--to', '2026-03-02'];

  beforeAll(async () => {
    ({ cleanUp } = await prepareShopDatabase({
      prefix: 'kefu-inspect-review-',
      platform: 'tmall',
      seed: async ({ db, organizationId, shopId }) => {
        await storeInspectionChats({ db, organizationId, shopId });
        const items = [
          { label: '服务态度', points: 40 },
          { label: '合规', points: 60 },
        ];
        const sheet = { organizationId, title: '日常抽检', items, createdBy: null, at: new Date() };
        sheetId = (await insertScoreSheet({ db, sheet })).id;
      },
    }));
    expect((await kefu('inspect', ...period)).code).toBe(0);
  });
  afterAll(() => cleanUp());

  test('findings are listed, then confirmed or dismissed; the QA score follows', async () => {
    const { findings = [] } = await json('inspect', 'findings', ...period);
    expect(findings.map((one) => one.ruleId).sort()).toEqual(['no_greeting', 'offsite_contact']);
    const contact = findings.find((one) => one.ruleId === 'offsite_contact');
    const greeting = findings.find((one) => one.ruleId === 'no_greeting');
    const confirmed = await kefu('inspect', 'confirm', contact?.id ?? '', '--note', '私加微信');
    expect(confirmed.stdout).toContain('已确认：旗舰店:小美 offsite_contact');
    const dismissed = await kefu('inspect', 'dismiss', greeting?.id ?? '', '--reason', '接待前已问候');
    expect(dismissed.stdout).toContain('已判为误报');
    expect((await json('inspect', 'findings', '--status', 'confirmed')).findings).toHaveLength(1);
    const again = await kefu('inspect', 'dismiss', greeting?.id ?? '', '--reason', '再来一次');
    expect(again.code).toBe(1);
    const table = await kefu('inspect', 'scores', ...period);
    expect(table.stdout).toMatch(/旗舰店:小美\s+2\s+1\s+6\s+0\s+94/);
    const csv = await kefu('inspect', 'scores', ...period, '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('客服,姓名,问题,成立,扣分,抽检,抽检均分%,质检得分');
  });

  test('a sample is drawn on a sheet and scored item by item; a wrong score count is refused', async () => {
    const sheets = await kefu('inspect', 'sheets');
    expect(sheets.stdout).toMatch(/日常抽检\s+1\s+100\s+服务态度\(40\) 合规\(60\)\s+0\/0/);
    expect((await kefu('inspect', 'sheet-history', sheetId)).stdout).toMatch(
      /1\s+日常抽检\s+服务态度\(40\) 合规\(60\)/,
    );
    const drawn = await kefu('inspect', 'sample', '--sheet', sheetId, ...period, '--per-agent', '5');
    expect(drawn.stdout).toContain('抽取 2 个会话');
    const { samples = [] } = await json('inspect', 'samples', ...period);
    expect(samples).toHaveLength(2);
    const first = samples[0]?.id ?? '';
    const wrong = await kefu('inspect', 'score', first, '--scores', '30');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('body.scores');
    const scored = await kefu('inspect', 'score', first, '--scores', '30, 55', '--comment', '回复及时');
    expect(scored.stdout).toContain('共 85 分');
    const after = await json('inspect', 'samples', ...period);
    expect(after.samples?.find((one) => one.id === first)?.total).toBe(85);
    expect((await kefu('inspect', 'archive', sheetId)).stdout).toContain('已归档：日常抽检');
    const refused = await kefu('inspect', 'sample', '--sheet', sheetId, ...period);
    expect(refused.stderr).toContain('已归档，不能再抽检');
    expect((await kefu('inspect', 'archive', sheetId, '--restore')).stdout).toContain('已恢复');
    expect((await kefu('inspect', 'scores', ...period)).stdout).toMatch(
      /旗舰店:小美\s+2\s+1\s+6\s+2\s+85\s+94/,
    );
  });

  test('bad input is named: an unknown status, a bad number, an unknown shop', async () => {
    expect((await kefu('inspect', 'findings', '--status', 'maybe')).code).toBe(2);
    const count = await kefu('inspect', 'sample', '--sheet', sheetId, ...period, '--per-agent', 'two');
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('--per-agent must be a whole number');
    const shop = await kefu('inspect', 'scores', ...period, '--shop', '无此店');
    expect(shop.stderr).toContain('no shop named "无此店"');
  });
});
