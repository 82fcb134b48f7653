import { textHash } from '../../store/metrics.repository.js';
import type { Db } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { insertShop, insertSubAccount } from '../../store/shops.repository.js';
import { insertUser, setUserSubAccounts } from '../../store/users.repository.js';
import type { Actor } from '../accounts/index.js';

// A small organisation for inspection tests: one Tmall shop, two agents with their sub-accounts,
// and helpers to store chats and orders in it (Shanghai time, like the demo).

const created = new Date('2026-01-01T00:00:00Z');
const shanghaiMs = 8 * 3_600_000;

export type InspectionFixture = {
  organizationId: string;
  shopId: string;
  supervisor: Actor;
  agentA: Actor;
  agentB: Actor;
};

const addAgent = async (
  db: Db,
  organizationId: string,
  shopId: string,
  login: string,
  subAccount: string,
) => {
  const sub = await insertSubAccount({ db, subAccount: { shopId, name: subAccount, createdAt: created } });
  const user = await insertUser({
    db,
    user: {
      organizationId,
      login,
      displayName: login,
      role: 'agent',
      teamId: null,
      passwordHash: 'x',
      mustChangePassword: false,
      createdAt: created,
    },
  });
  await setUserSubAccounts({ db, userId: user.id, subAccountIds: [sub.id] });
  return { userId: user.id, login, organizationId, role: 'agent', ip: null } satisfies Actor;
};

export const createInspectionFixture = async (db: Db): Promise<InspectionFixture> => {
  const organization = await insertOrganization({ db, name: '质检测试', demo: false, createdAt: created });
  const shop = await insertShop({
    db,
    shop: { organizationId: organization.id, name: '旗舰店', platform: 'tmall', createdAt: created },
  });
  const supervisorUser = await insertUser({
    db,
    user: {
      organizationId: organization.id,
      login: 'qa-lead',
      displayName: '质检主管',
      role: 'supervisor',
      teamId: null,
      passwordHash: 'x',
      mustChangePassword: false,
      createdAt: created,
    },
  });
  return {
    organizationId: organization.id,
    shopId: shop.id,
    supervisor: {
      userId: supervisorUser.id,
      login: 'qa-lead',
      organizationId: organization.id,
      role: 'supervisor',
      ip: null,
    },
    agentA: await addAgent(db, organization.id, shop.id, 'agent-a', '旗舰店:A'),
    agentB: await addAgent(db, organization.id, shop.id, 'agent-b', '旗舰店:B'),
  };
};

/** `YYYY-MM-DD HH:mm` Shanghai time → Date. */
export const local = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);

type Line = { at: string; from: 'buyer' | 'agent' | 'system'; text: string; kind?: string };

/** Stores one conversation: lines alternate as written, times in Shanghai. */
export const storeChat = async (
  db: Db,
  fixture: InspectionFixture,
  chat: { conversation: string; buyer: string; agent: string; lines: Line[]; shopId?: string },
) => {
  await db
    .insertInto('messages')
    .values(
      chat.lines.map((line) => {
        const time = local(line.at);
        return {
          organizationId: fixture.organizationId,
          shopId: chat.shopId ?? fixture.shopId,
          day: Math.floor((time.getTime() + shanghaiMs) / 86_400_000),
          conversation: chat.conversation,
          buyer: chat.buyer,
          agent: chat.agent,
          sender: line.from,
          time,
          kind: line.kind ?? 'human',
          text: line.text,
          textHash: textHash(line.text),
        };
      }),
    )
    .execute();
};

export const storeOrder = async (
  db: Db,
  fixture: InspectionFixture,
  order: {
    orderId: string;
    buyer: string;
    created: string;
    paid?: string;
    shipped?: string;
    postage?: number;
    closedBy?: string;
  },
) => {
  const createdAt = local(order.created);
  await db
    .insertInto('orders')
    .values({
      organizationId: fixture.organizationId,
      shopId: fixture.shopId,
      day: Math.floor((createdAt.getTime() + shanghaiMs) / 86_400_000),
      orderId: order.orderId,
      buyer: order.buyer,
      created: createdAt,
      paid: order.paid ? local(order.paid) : null,
      amount: 19_900,
      items: 1,
      status: '交易成功',
      refund: 0,
      shipped: order.shipped ? local(order.shipped) : null,
      postage: order.postage ?? null,
      closedBy: order.closedBy ?? null,
      sku: null,
    })
    .execute();
};
