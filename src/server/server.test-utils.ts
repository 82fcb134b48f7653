import type { Clock } from '../app/accounts/index.js';
import { type DemoData, loadDemoData } from '../app/demo/demo.data.js';
import { type DemoSeedResult, seedDemo } from '../app/demo/demo.seed.js';
import type { Config } from '../config/config.js';
import { overrideConfig } from '../config/config.test-utils.js';
import type { Db } from '../store/database.js';
import { createTestDatabase } from '../store/test-utils.js';
import { createServer, type KefuServer } from './server.js';

/** Every seeded test user's password. */
export const testPassword = 'kefu-test-password';

/** A clock that stands still until a test moves it. */
export const createTestClock = (start = new Date('2026-03-02T01:00:00Z')) => {
  let current = start.getTime();
  const clock: Clock & { advance: (ms: number) => void } = {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
  return clock;
};

/** The demo organisation with every login prefixed, so several organisations can share a database. */
export const demoDataWithPrefix = (prefix: string, name = `${prefix}演示店铺集团`): DemoData => {
  const data = loadDemoData();
  const rename = <T extends { login: string }>(person: T) => ({
    ...person,
    login: `${prefix}${person.login}`,
  });
  return {
    ...data,
    organization: name,
    admin: rename(data.admin),
    supervisor: rename(data.supervisor),
    teams: data.teams.map((team) => ({ ...team, agents: team.agents.map(rename) })),
  };
};

export type TestServer = {
  app: KefuServer;
  db: Db;
  clock: ReturnType<typeof createTestClock>;
  demo: DemoSeedResult;
  close: () => Promise<void>;
};

/** A server on a fresh test database holding the demo organisation, every password `testPassword`. */
export const createTestServer = async ({
  config = overrideConfig(),
  webRoot,
}: {
  config?: Config;
  webRoot?: string;
} = {}): Promise<TestServer> => {
  const database = await createTestDatabase();
  const clock = createTestClock();
  const demo = await seedDemo({ db: database.db, clock, password: testPassword });
  const app = await createServer({ db: database.db, config, clock, webRoot });
  return {
    app,
    db: database.db,
    clock,
    demo,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};

/** Signs in through the API; returns the headers a browser would then send. */
export const signIn = async (app: KefuServer, login: string, password = testPassword) => {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((entry) => entry.name === 'kefu_session');
  const { csrfToken, user } = response.json<{ csrfToken: string; user: { id: string } }>();
  return {
    userId: user.id,
    csrfToken,
    headers: { cookie: `kefu_session=${cookie?.value ?? ''}`, 'x-csrf-token': csrfToken },
  };
};

/** The id of a shop by name, as a signed-in user lists the shops (the demo's 天猫旗舰店 by default). */
export const shopIdOf = async (
  app: KefuServer,
  session: { headers: Record<string, string> },
  name = '天猫旗舰店',
) => {
  const response = await app.inject({ method: 'GET', url: '/api/shops', headers: session.headers });
  const shops = response.json<{ shops: { id: string; name: string }[] }>().shops;
  const shop = shops.find((entry) => entry.name === name);
  if (!shop) throw new Error(`no shop named ${name}`);
  return shop.id;
};
