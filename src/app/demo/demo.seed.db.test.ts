import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { listUsers } from '../../store/users.repository.js';
import { verifyPassword } from '../accounts/accounts.crypto.js';
import { loadDemoData } from './demo.data.js';
import { reseedDemo, seedDemoIfEmpty } from './demo.seed.js';

const clock = { now: () => new Date('2026-03-02T01:00:00Z') };

describe('seedDemoIfEmpty', () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.close());

  test('on first start it creates the demo organisation with shops, teams, an admin, a supervisor and 8 agents, and orders whose broken promises 质检 finds', async () => {
    const seeded = await seedDemoIfEmpty({ db: database.db, clock });
    expect(seeded).toBeDefined();
    const { db } = database;
    const shops = await db.selectFrom('shops').select(['name', 'platform']).orderBy('platform').execute();
    expect(shops).toEqual([
      { name: '抖音小店', platform: 'douyin' },
      { name: '京东自营店', platform: 'jd' },
      { name: '拼多多专营店', platform: 'pdd' },
      { name: '淘宝企业店', platform: 'taobao' },
      { name: '天猫旗舰店', platform: 'tmall' },
    ]);
    const users = await listUsers({ db, organizationId: seeded?.organizationId ?? '' });
    expect(users.filter((user) => user.role === 'agent')).toHaveLength(8);
    expect(users.find((user) => user.login === 'admin')?.role).toBe('admin');
    expect(users.find((user) => user.login === 'zhuguan')?.role).toBe('supervisor');
    expect(users.find((user) => user.login === 'xiaomei')).toMatchObject({
      teamName: '售前组',
      subAccounts: [{ name: '旗舰店:小美' }],
    });
    // The generated orders carry shipping, postage and who closed them, so the 质检 run finds
    // promises in the chats that the orders broke.
    const orders = await db
      .selectFrom('orders')
      .select((eb) => [
        eb.fn.countAll<string>().as('all'),
        eb.fn.count<string>('shipped').as('shipped'),
        eb.fn.count<string>('postage').as('postage'),
        eb.fn.count<string>('closedBy').as('closed'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(orders.shipped)).toBeGreaterThan(Number(orders.all) / 2);
    expect(Number(orders.postage)).toBe(Number(orders.all));
    expect(Number(orders.closed)).toBeGreaterThan(0);
    const findings = await db
      .selectFrom('findings')
      .select('ruleId')
      .where('orderId', 'is not', null)
      .execute();
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(
      new Set(['late_shipping', 'free_shipping', 'close_order']),
    );
  });

  test('each user gets its own random 12-character password, stored only as a hash', async () => {
    const seeded = await seedDemoIfEmpty({ db: database.db, clock });
    const admin = seeded?.credentials.find((credential) => credential.login === 'admin');
    const supervisor = seeded?.credentials.find((credential) => credential.login === 'zhuguan');
    expect(admin?.password).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(admin?.password).not.toBe(supervisor?.password);
    const row = await database.db
      .selectFrom('users')
      .select('passwordHash')
      .where('login', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(admin?.password ?? '', row.passwordHash)).toBe(true);
  });

  test('on later starts it seeds nothing', async () => {
    await seedDemoIfEmpty({ db: database.db, clock });
    expect(await seedDemoIfEmpty({ db: database.db, clock })).toBeUndefined();
    const count = await database.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  test('reseedDemo replaces the demo organisation and everything in it, with new passwords', async () => {
    const first = await seedDemoIfEmpty({ db: database.db, clock });
    await database.db
      .insertInto('teams')
      .values({ organizationId: first?.organizationId ?? '', name: '临时组' })
      .execute();
    const second = await reseedDemo({ db: database.db, clock });
    expect(second.organizationId).not.toBe(first?.organizationId);
    const teams = await database.db.selectFrom('teams').select('name').orderBy('name').execute();
    expect(teams.map((team) => team.name)).toEqual(['售前组', '售后组']);
    const admin = (result: typeof second | undefined) =>
      result?.credentials.find((c) => c.login === 'admin')?.password;
    expect(admin(second)).not.toBe(admin(first));
  });
});

describe('loadDemoData', () => {
  test('an agent of an unknown shop is reported with the file and the field', () => {
    const data = loadDemoData();
    const broken = {
      ...data,
      teams: [{ name: '组', agents: [{ login: 'x', displayName: 'X', shop: '不存在的店' }] }],
    };
    const path = join(mkdtempSync(join(tmpdir(), 'kefu-demo-')), 'organization.json');
    writeFileSync(path, JSON.stringify(broken));
    expect(() => loadDemoData(path)).toThrow(
      /organization\.json: invalid demo data\n {2}teams\.0\.agents\.0\.shop: unknown shop/,
    );
  });
});
