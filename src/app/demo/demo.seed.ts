import type { Role } from '../../domain/accounts/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import {
  countOrganizations,
  deleteOrganization,
  findDemoOrganizations,
  insertOrganization,
} from '../../store/organizations.repository.js';
import { insertShop, insertSubAccount } from '../../store/shops.repository.js';
import { insertTeam } from '../../store/teams.repository.js';
import { insertUser, setUserSubAccounts } from '../../store/users.repository.js';
import { recordAudit } from '../accounts/accounts.audit.js';
import { seedBuiltInQuestions } from '../questions/questions.seed.js';
import { seedBuiltInPapers, seedDemoExam } from '../exams/exams.seed.js';
import { seedDemoMetrics } from '../metrics-store/metrics-store.demo.js';
import { seedDemoInspection } from '../inspection/inspection.demo.js';
import { generatePassword, hashPassword } from '../accounts/accounts.crypto.js';
import type { Clock } from '../accounts/accounts.types.js';
import { type DemoData, loadDemoData } from './demo.data.js';

export type DemoCredential = { login: string; displayName: string; role: Role; password: string };
export type DemoSeedResult = { organizationId: string; credentials: DemoCredential[] };

type Person = {
  login: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  subAccountId?: string;
};

const insertPeople = async (
  db: Db,
  organizationId: string,
  people: Person[],
  now: Date,
  fixedPassword?: string,
) => {
  // With a fixed password (tests) one hash serves everyone; scrypt is deliberately slow.
  const sharedHash = fixedPassword === undefined ? undefined : await hashPassword(fixedPassword);
  const credentials: DemoCredential[] = [];
  for (const person of people) {
    const password = fixedPassword ?? generatePassword();
    const passwordHash = sharedHash ?? (await hashPassword(password));
    const { id } = await insertUser({
      db,
      user: {
        organizationId,
        login: person.login,
        displayName: person.displayName,
        role: person.role,
        teamId: person.teamId,
        passwordHash,
        mustChangePassword: false,
        createdAt: now,
      },
    });
    if (person.subAccountId)
      await setUserSubAccounts({ db, userId: id, subAccountIds: [person.subAccountId] });
    credentials.push({ login: person.login, displayName: person.displayName, role: person.role, password });
  }
  return credentials;
};

const seedInto = async (db: Db, data: DemoData, now: Date, fixedPassword?: string) => {
  const organization = await insertOrganization({ db, name: data.organization, demo: true, createdAt: now });
  const organizationId = organization.id;
  const shops = new Map<string, { id: string; prefix: string }>();
  for (const shop of data.shops) {
    const { id } = await insertShop({
      db,
      shop: { organizationId, name: shop.name, platform: shop.platform, createdAt: now },
    });
    shops.set(shop.name, { id, prefix: shop.subAccountPrefix });
  }
  const people: Person[] = [
    { ...data.admin, role: 'admin', teamId: null },
    { ...data.supervisor, role: 'supervisor', teamId: null },
  ];
  for (const team of data.teams) {
    const { id: teamId } = await insertTeam({
      db,
      team: { organizationId, name: team.name, createdAt: now },
    });
    for (const agent of team.agents) {
      // The schema guarantees every agent's shop is listed.
      const shop = shops.get(agent.shop);
      if (!shop) throw new Error(`demo agent ${agent.login}: unknown shop ${agent.shop}`);
      const subAccount = await insertSubAccount({
        db,
        subAccount: { shopId: shop.id, name: `${shop.prefix}:${agent.displayName}`, createdAt: now },
      });
      people.push({
        login: agent.login,
        displayName: agent.displayName,
        role: 'agent',
        teamId,
        subAccountId: subAccount.id,
      });
    }
  }
  const credentials = await insertPeople(db, organizationId, people, now, fixedPassword);
  await seedBuiltInQuestions({ db, clock: { now: () => now }, organizationId });
  // The built-in papers, and one open 上岗考试 for the 售前组 so the demo has an exam to sit.
  await seedBuiltInPapers({ db, clock: { now: () => now }, organizationId });
  await seedDemoExam({ db, clock: { now: () => now }, organizationId });
  const actor = { userId: null, organizationId, ip: null };
  await recordAudit({ db, clock: { now: () => now }, actor, action: 'demo.seeded', target: organizationId });
  return { organizationId, credentials };
};

/**
 * Creates the demo organisation (shops on every platform, an admin, a supervisor, agents in two
 * teams) from data/demo/organization.json. Every user gets a random password, returned once;
 * tests may pass `password` to give everyone the same one.
 */
export const seedDemo = async ({
  db,
  clock,
  data = loadDemoData(),
  password,
}: {
  db: Db;
  clock: Clock;
  data?: DemoData;
  password?: string;
}): Promise<DemoSeedResult> => inTransaction(db, (trx) => seedInto(trx, data, clock.now(), password));

/** Seeds the demo on first start only (no organisation yet); returns undefined otherwise. */
export const seedDemoIfEmpty = async (deps: {
  db: Db;
  clock: Clock;
}): Promise<DemoSeedResult | undefined> => {
  if ((await countOrganizations({ db: deps.db })) !== 0) return undefined;
  const seeded = await seedDemo(deps);
  // 30 days of generated chats and orders, so the 绩效 dashboard has numbers on a first start.
  await seedDemoMetrics({ db: deps.db, organizationId: seeded.organizationId, now: deps.clock.now() });
  // …and a finished 质检 run over them with a default score sheet, so the workbench has findings.
  await seedDemoInspection({ db: deps.db, clock: deps.clock, organizationId: seeded.organizationId });
  return seeded;
};

/** Deletes the demo organisation with everything in it and seeds it afresh (`kefu demo`). */
export const reseedDemo = async ({
  db,
  clock,
  data = loadDemoData(),
  password,
}: Parameters<typeof seedDemo>[0]) =>
  inTransaction(db, async (trx) => {
    for (const organization of await findDemoOrganizations({ db: trx })) {
      await deleteOrganization({ db: trx, id: organization.id });
    }
    const seeded = await seedInto(trx, data, clock.now(), password);
    await seedDemoMetrics({ db: trx, organizationId: seeded.organizationId, now: clock.now() });
    await seedDemoInspection({ db: trx, clock, organizationId: seeded.organizationId });
    return seeded;
  });
