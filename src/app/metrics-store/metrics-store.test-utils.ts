import type { Db } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { insertShop } from '../../store/shops.repository.js';
import type { Actor } from '../accounts/index.js';

/** An organisation with one tmall shop, 旗舰店, and its supervisor as an actor: the import tests' world. */
export const organizationWithShop = async (db: Db, at: Date): Promise<Actor> => {
  const organization = await insertOrganization({ db, name: '测试', demo: false, createdAt: at });
  await insertShop({
    db,
    shop: { organizationId: organization.id, name: '旗舰店', platform: 'tmall', createdAt: at },
  });
  return { organizationId: organization.id, ip: null, userId: null, login: 'zhuguan', role: 'supervisor' };
};
