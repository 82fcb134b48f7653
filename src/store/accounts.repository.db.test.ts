import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from './database.js';
import { insertOrganization } from './organizations.repository.js';
import { insertShop, insertSubAccount, listSubAccounts } from './shops.repository.js';
import { findTeam, insertTeam } from './teams.repository.js';
import { createTestDatabase } from './test-utils.js';
import { insertUser, listUsers, setUserSubAccounts } from './users.repository.js';

const createdAt = new Date('2026-03-02T01:00:00Z');

describe('accounts repositories', () => {
  let database: DatabaseHandle;
  let organizationId: string;
  let teamId: string;
  let shopId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    organizationId = (await insertOrganization({ db, name: '甲', demo: false, createdAt })).id;
    teamId = (await insertTeam({ db, team: { organizationId, name: '售前组', createdAt } })).id;
    shopId = (
      await insertShop({ db, shop: { organizationId, platform: 'tmall', name: '天猫店', createdAt } })
    ).id;
    const people = [
      ['xiaomei', '小美', teamId],
      ['percent', '100%客服', null],
      ['under_score', '下划线', null],
    ] as const;
    for (const [login, displayName, team] of people) {
      await insertUser({
        db,
        user: {
          organizationId,
          login,
          displayName,
          role: 'agent',
          teamId: team,
          passwordHash: 'x',
          mustChangePassword: false,
          createdAt,
        },
      });
    }
  });
  afterAll(() => database.close());

  test('a text search treats % and _ literally and matches login or display name, ignoring case', async () => {
    const search = async (q: string) =>
      (await listUsers({ db: database.db, organizationId, filter: { q } })).map((user) => user.login);
    expect(await search('%')).toEqual(['percent']);
    expect(await search('_')).toEqual(['under_score']);
    expect(await search('XIAO')).toEqual(['xiaomei']);
    expect(await search('小美')).toEqual(['xiaomei']);
  });

  test('a team reports how many users belong to it', async () => {
    expect(await findTeam({ db: database.db, organizationId, id: teamId })).toMatchObject({
      name: '售前组',
      memberCount: 1,
    });
  });

  test('setting sub-accounts replaces the previous ones, and users list them by name', async () => {
    const { db } = database;
    const first = await insertSubAccount({ db, subAccount: { shopId, name: '天猫:小美', createdAt } });
    const second = await insertSubAccount({ db, subAccount: { shopId, name: '天猫:美美', createdAt } });
    const [user] = await listUsers({ db, organizationId, filter: { q: 'xiaomei' } });
    await setUserSubAccounts({ db, userId: user?.id ?? '', subAccountIds: [first.id] });
    await setUserSubAccounts({ db, userId: user?.id ?? '', subAccountIds: [second.id, first.id] });
    const [after] = await listUsers({ db, organizationId, filter: { q: 'xiaomei' } });
    expect(after?.subAccounts.map((subAccount) => subAccount.name)).toEqual(['天猫:小美', '天猫:美美']);
    expect(await listSubAccounts({ db, organizationId, ids: [] })).toEqual([]);
  });

  test('the same sub-account name twice in one shop is refused by the database', async () => {
    await expect(
      insertSubAccount({ db: database.db, subAccount: { shopId, name: '天猫:小美', createdAt } }),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
