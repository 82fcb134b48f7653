import { Alert, Empty, Flex, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useMetricsShops } from '../queries.js';
import { useShopMetricSettings } from '../settings.queries.js';
import { SettingsForm } from './SettingsForm.js';
import { CurrentSettings, SettingsVersions } from './SettingsVersions.js';

const ShopSettings = ({ shopId }: { shopId: string }) => {
  const query = useShopMetricSettings(shopId);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  return (
    <Flex vertical gap={16}>
      <CurrentSettings view={query.data} />
      <SettingsVersions view={query.data} />
      <SettingsForm view={query.data} />
    </Flex>
  );
};

/**
 * 绩效设置 (managers): pick a shop, see the settings in force and every dated version, and save a
 * new version of the shop's own thresholds, windows and credit policy.
 */
export const MetricsSettings = () => {
  const shops = useMetricsShops(true);
  const [shopId, setShopId] = useState<string | undefined>();
  if (shops.isError) return <QueryError error={shops.error} onRetry={() => void shops.refetch()} />;
  const list = shops.data ?? [];
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('metrics.settings.intro')} />
      <Select<string>
        aria-label={t('metrics.settings.shop')}
        placeholder={t('metrics.settings.shop')}
        loading={shops.isLoading}
        value={shopId}
        onChange={setShopId}
        options={list.map((shop) => ({
          value: shop.id,
          label: `${shop.name}（${t(`platform.${shop.platform}`)}）`,
        }))}
        style={{ width: 280, maxWidth: '100%' }}
      />
      {shopId ? (
        <ShopSettings key={shopId} shopId={shopId} />
      ) : shops.data && list.length === 0 ? (
        <Empty description={t('metrics.settings.noShops')} />
      ) : (
        <Typography.Text type="secondary">{t('metrics.settings.pickShop')}</Typography.Text>
      )}
    </Flex>
  );
};
