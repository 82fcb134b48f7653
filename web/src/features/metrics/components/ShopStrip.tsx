import type { ShopValues } from '../../../api/metrics.api.js';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type MessageKey, t } from '../../../i18n/i18n.js';
import { noValue, yuan } from '../metrics.format.js';
import { DrillNumber } from './DrillNumber.js';
import type { Drill } from './ExplainDrawer.js';

/** A text with each `{name}` replaced by a node (a number that opens its buyers). */
const sentence = (key: MessageKey, nodes: Record<string, ReactNode>): ReactNode[] =>
  t(key)
    .split(/(\{\w+\})/)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name === undefined ? piece : <span key={name}>{nodes[name]}</span>;
    });

/**
 * Shop-level numbers for managers: silent sales (buyers who bought without asking) beside the
 * agents' AOV — the value of the agents — and the chats the filters left out, with the reason.
 * Each number opens the buyers (and orders) behind it.
 */
export const ShopStrip = ({
  shop,
  agentAov,
  onDrill,
}: {
  shop: ShopValues;
  agentAov: number | null;
  onDrill: (drill: Drill) => void;
}) => {
  // The shop's own numbers say so in the drawer's title; the agents' AOV is the agents'.
  const drill = (metric: string, label: MessageKey, text: string | number, agents = false) => {
    const who = agents ? t('metrics.filter.allAgents') : t('metrics.drill.shop');
    if (text === noValue) return text;
    return (
      <DrillNumber
        label={`${who} ${t(label)}`}
        onClick={() => onDrill({ metric, label: t(label), ...(agents ? {} : { who }) })}
      >
        {text}
      </DrillNumber>
    );
  };
  return (
    <Card size="small" data-testid="metrics-shop-strip">
      <Flex wrap gap={24}>
        <Typography.Text>
          {sentence('metrics.shop.silent', {
            sales: drill('silentSales', 'metrics.shop.silentSales', yuan(shop.silentSales)),
            buyers: drill('silentBuyers', 'metrics.shop.silentBuyers', shop.silentBuyers),
            aov: drill('silentAov', 'metrics.shop.silentAov', yuan(shop.silentAov)),
            agentAov: drill(
              'aov',
              'metrics.shop.agentAov',
              yuan(agentAov === null ? null : Math.round(agentAov * 100) / 100),
              true,
            ),
          })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {sentence('metrics.shop.filtered', {
            ads: drill('advertisers', 'metrics.shop.advertisers', shop.advertisers),
            accounts: drill('filteredAccounts', 'metrics.shop.accounts', shop.filtered.accounts),
            staff: drill('filteredStaff', 'metrics.shop.staff', shop.filtered.staff),
            own: drill('filteredOwn', 'metrics.shop.own', shop.filtered.ownAccounts),
          })}
        </Typography.Text>
      </Flex>
    </Card>
  );
};
