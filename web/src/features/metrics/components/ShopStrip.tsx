import type { ShopValues } from '../../../api/metrics.api.js';
import { Card, Flex, Typography } from 'antd';
import { t } from '../../../i18n/i18n.js';
import { yuan } from '../metrics.format.js';

/**
 * Shop-level numbers for managers: silent sales (buyers who bought without asking) beside the
 * agents' AOV — the value of the agents — and the chats the filters left out, with the reason.
 */
export const ShopStrip = ({ shop, agentAov }: { shop: ShopValues; agentAov: number | null }) => (
  <Card size="small" data-testid="metrics-shop-strip">
    <Flex wrap gap={24}>
      <Typography.Text>
        {t('metrics.shop.silent', {
          sales: yuan(shop.silentSales),
          buyers: shop.silentBuyers,
          aov: yuan(shop.silentAov),
          agentAov: yuan(agentAov === null ? null : Math.round(agentAov * 100) / 100),
        })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('metrics.shop.filtered', {
          ads: shop.advertisers,
          accounts: shop.filtered.accounts,
          staff: shop.filtered.staff,
          own: shop.filtered.ownAccounts,
        })}
      </Typography.Text>
    </Flex>
  </Card>
);
