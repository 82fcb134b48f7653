import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SettingsPresets } from '../../domain/metrics/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { insertShop, insertSubAccount } from '../../store/shops.repository.js';
import { insertTeam } from '../../store/teams.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { insertUser, setUserSubAccounts } from '../../store/users.repository.js';
import { type Actor, AppError } from '../accounts/index.js';
import { loadPresets } from '../metrics/metrics.settings.js';
import { importRecords } from './metrics-store.import.js';
import { explainMetric, metricsFor } from './metrics-store.usecases.js';

// The dashboard's totals and drill-downs over the filters: two shops, two teams, three agents.
// 小美 answers two turns in 10 s each and has one 5-star rating; 阿慧 answers one turn in 100 s
// and has three 1-star ratings; 小林 (the other shop) one turn in 30 s. b9 buys without asking.
const messages = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  '旗舰店,tmall,b1,旗舰店:小美,buyer,2026-03-10 09:00:00,在吗,human',
  '旗舰店,tmall,b1,旗舰店:小美,agent,2026-03-10 09:00:10,亲，在的,human',
  '旗舰店,tmall,b1,旗舰店:小美,buyer,2026-03-10 09:10:00,有现货吗,human',
  '旗舰店,tmall,b1,旗舰店:小美,agent,2026-03-10 09:10:10,有的,human',
  '旗舰店,tmall,b2,旗舰店:阿慧,buyer,2026-03-10 10:00:00,能便宜点吗,human',
  '旗舰店,tmall,b2,旗舰店:阿慧,agent,2026-03-10 10:01:40,已经是活动价了,human',
  '专营店,taobao,b3,专营店:小林,buyer,2026-03-10 11:00:00,发什么快递,human',
  '专营店,taobao,b3,专营店:小林,agent,2026-03-10 11:00:30,默认中通,human',
].join('\n');
const ratings = [
  'shop,conversation,buyer,agent,time,stars',
  '旗舰店,,b1,旗舰店:小美,2026-03-10 09:20:00,5',
  ...['b2', 'b5', 'b6'].map((buyer) => `旗舰店,,${buyer},旗舰店:阿慧,2026-03-10 10:20:00,1`),
].join('\n');
const orders = [
  'shop,order,buyer,created,paid,amount,items,status,refund',
  '旗舰店,T9,b9,2026-03-10 12:00:00,2026-03-10 12:01:00,99.00,1,paid,0',
].join('\n');

const day = { from: '2026-03-10', to: '2026-03-10' };
const clock = { now: () => new Date('2026-03-30T04:00:00Z') };
const at = new Date('2026-03-01T00:00:00Z');

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe('dashboard totals and drill-downs over the filters', () => {
  let database: DatabaseHandle;
  let presets: SettingsPresets;
  let supervisor: Actor;
  let xiaomei: Actor;
  let ids: { flagship: string; presale: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    presets = await loadPresets();
    const { db } = database;
    const organizationId = (await insertOrganization({ db, name: '测试', demo: false, createdAt: at })).id;
    const presale = await insertTeam({ db, team: { organizationId, name: '售前组', createdAt: at } });
    const afterSale = await insertTeam({ db, team: { organizationId, name: '售后组', createdAt: at } });
    const flagship = await insertShop({
      db,
      shop: { organizationId, name: '旗舰店', platform: 'tmall', createdAt: at },
    });
    const other = await insertShop({
      db,
      shop: { organizationId, name: '专营店', platform: 'taobao', createdAt: at },
    });
    const agents = [
      { shopId: flagship.id, name: '旗舰店:小美', login: 'xiaomei', teamId: presale.id },
      { shopId: flagship.id, name: '旗舰店:阿慧', login: 'ahui', teamId: afterSale.id },
      { shopId: other.id, name: '专营店:小林', login: 'xiaolin', teamId: presale.id },
    ];
    const userIds: string[] = [];
    for (const one of agents) {
      const sub = await insertSubAccount({
        db,
        subAccount: { shopId: one.shopId, name: one.name, createdAt: at },
      });
      const user = await insertUser({
        db,
        user: {
          organizationId,
          login: one.login,
          displayName: one.login,
          role: 'agent',
          teamId: one.teamId,
          passwordHash: 'x',
          mustChangePassword: false,
          createdAt: at,
        },
      });
      await setUserSubAccounts({ db, userId: user.id, subAccountIds: [sub.id] });
      userIds.push(user.id);
    }
    const base = { organizationId, ip: null };
    supervisor = { ...base, userId: null, login: 'zhuguan', role: 'supervisor' };
    xiaomei = { ...base, userId: userIds[0] ?? null, login: 'xiaomei', role: 'agent' };
    ids = { flagship: flagship.id, presale: presale.id };
    const files = { messages, ratings, orders } as const;
    for (const kind of ['messages', 'ratings', 'orders'] as const) {
      const job = await importRecords({
        db,
        clock,
        actor: supervisor,
        kind,
        file: `${kind}.csv`,
        source: Readable.from([new Uint8Array(Buffer.from(files[kind]))]),
        mode: 'reject',
      });
      expect(job.status).toBe('done');
    }
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock, presets });

  test('each row carries the sums behind its means; a shop row holds the sum of its agents', async () => {
    const byAgent = await metricsFor({ ...deps(), actor: supervisor, ...day, by: 'agent' });
    const parts = Object.fromEntries(byAgent.rows.map((row) => [row.agent, row.parts]));
    expect(parts).toEqual({
      '旗舰店:小美': { respCount: 2, respSumCappedSec: 20, rated: 1, ratedGood: 1 },
      '旗舰店:阿慧': { respCount: 1, respSumCappedSec: 100, rated: 3, ratedGood: 0 },
      '专营店:小林': { respCount: 1, respSumCappedSec: 30, rated: 0, ratedGood: 0 },
    });
    const byShop = await metricsFor({ ...deps(), actor: supervisor, ...day, by: 'shop' });
    const flagship = byShop.rows.find((row) => row.shop === '旗舰店');
    // The shop's own mean and satisfaction are the parts' ratios: 120 s / 3 turns, 1 of 4 ratings.
    expect(flagship).toMatchObject({
      avgResponseSec: 40,
      satisfaction: 0.25,
      parts: { respCount: 3, respSumCappedSec: 120, rated: 4, ratedGood: 1 },
    });
    const byDay = await metricsFor({ ...deps(), actor: supervisor, ...day, by: 'agent-day' });
    expect(byDay.rows.find((row) => row.agent === '旗舰店:阿慧')?.parts.rated).toBe(3);
    const byTeam = await metricsFor({ ...deps(), actor: supervisor, ...day, by: 'team' });
    expect(byTeam.rows.find((row) => row.team === '售前组' && row.shop === '旗舰店')?.parts.respCount).toBe(
      2,
    );
  });

  test('without an agent a drill-down lists every agent the shop and team filters keep', async () => {
    const buyersOf = async (
      scope: { agent?: string; shopId?: string; teamId?: string },
      metric = 'served',
    ) => {
      const result = await explainMetric({ ...deps(), actor: supervisor, metric, ...scope, ...day });
      return result.buyers.map((buyer) => buyer.buyer).sort();
    };
    expect(await buyersOf({})).toEqual(['b1', 'b2', 'b3']);
    expect(await buyersOf({ shopId: ids.flagship })).toEqual(['b1', 'b2']);
    expect(await buyersOf({ teamId: ids.presale })).toEqual(['b1', 'b3']);
    expect(await buyersOf({ shopId: ids.flagship, teamId: ids.presale })).toEqual(['b1']);
    expect(await buyersOf({ agent: '旗舰店:阿慧' })).toEqual(['b2']);
    expect(await buyersOf({ shopId: ids.flagship }, 'satisfaction')).toEqual(['b1', 'b2', 'b5', 'b6']);
    // Shop-level numbers have no agent behind them: a team filter does not narrow them.
    expect(await buyersOf({ teamId: ids.presale }, 'silentSales')).toEqual(['b9']);
    const all = await explainMetric({ ...deps(), actor: supervisor, metric: 'consulted', ...day });
    expect(all).toMatchObject({ agent: null, total: 3 });
  });

  test('an agent drilling without naming a sub-account sees only their own buyers, never the shop’s', async () => {
    const own = await explainMetric({ ...deps(), actor: xiaomei, metric: 'served', ...day });
    expect(own.buyers.map((buyer) => buyer.buyer)).toEqual(['b1']);
    expect(await errorCode(explainMetric({ ...deps(), actor: xiaomei, metric: 'silentSales', ...day }))).toBe(
      'auth.forbidden',
    );
  });
});
