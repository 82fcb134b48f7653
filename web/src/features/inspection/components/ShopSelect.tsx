import { Select } from 'antd';
import { t } from '../../../i18n/i18n.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { useShopsForCheck } from '../queries.js';

type Option = { value: string; label: string };

/**
 * Which shop's platform rules apply. Managers pick from every shop; agents, who may not list shops,
 * pick from the shops of their own sub-accounts (子账号 names start with the shop's short name).
 */
export const ShopSelect = ({ value, onChange }: { value?: string; onChange: (shopId?: string) => void }) => {
  const user = useCurrentUser();
  const manager = canManage(user);
  const shops = useShopsForCheck(manager);
  const options: Option[] = manager
    ? (shops.data ?? []).map((shop) => ({
        value: shop.id,
        label: `${shop.name}（${t(`platform.${shop.platform}`)}）`,
      }))
    : [
        ...new Map(user.subAccounts.map((entry) => [entry.shopId, entry.name.split(':')[0] ?? entry.name])),
      ].map(([shopId, name]) => ({ value: shopId, label: name }));
  return (
    <Select<string>
      aria-label={t('inspection.check.shop')}
      allowClear
      value={value}
      placeholder={t('inspection.check.allPlatforms')}
      options={options}
      loading={manager && shops.isLoading}
      onChange={(shopId) => onChange(shopId ?? undefined)}
      style={{ minWidth: 200, maxWidth: '100%' }}
    />
  );
};
