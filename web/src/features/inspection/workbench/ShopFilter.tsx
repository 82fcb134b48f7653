import { Select } from 'antd';
import { t } from '../../../i18n/i18n.js';
import { useShopsForCheck } from '../queries.js';

/** One shop of the organisation, or none for all shops (runs, 抽检 and scores narrow by it). */
export const ShopFilter = ({
  value,
  onChange,
}: {
  value?: string | undefined;
  onChange: (shopId?: string) => void;
}) => {
  const shops = useShopsForCheck(true);
  return (
    <Select<string>
      aria-label={t('inspection.run.shop')}
      allowClear
      placeholder={t('inspection.run.allShops')}
      value={value}
      onChange={(shopId) => onChange(shopId ?? undefined)}
      options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
      loading={shops.isLoading}
      style={{ minWidth: 160 }}
    />
  );
};
