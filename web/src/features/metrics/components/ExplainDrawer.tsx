import { Alert, Collapse, Drawer, Empty, Spin, Tag, Typography } from 'antd';
import type { ExplainedBuyer, ExplainQuery, MetricsFilters } from '../../../api/metrics.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { useIsMobile } from '../../../components/useIsMobile.js';
import { type MessageKey, t } from '../../../i18n/i18n.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { useExplain } from '../queries.js';
import { CreditRuling } from './CreditRuling.js';

/**
 * What a click on a number asks for: the metric (a name `explain` knows), its label, and the
 * sub-account of a ranking row; without one, every agent the filters keep. `who` names the scope
 * in the title when it is not the agents (the shop's own numbers).
 */
export type Drill = { metric: string; label: string; agent?: string; who?: string };

/** The drill-down of `drill` within the dashboard's filters: shop, team, agent and period. */
const explainQueryOf = (drill: Drill, filters: MetricsFilters): ExplainQuery => {
  const agent = drill.agent ?? filters.agent;
  return {
    metric: drill.metric,
    ...(agent ? { agent } : {}),
    ...(filters.shopId ? { shopId: filters.shopId } : {}),
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    from: filters.from,
    to: filters.to,
  };
};

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

const Chat = ({ buyer }: { buyer: ExplainedBuyer }) => {
  if (buyer.messages.length === 0)
    return <Typography.Text type="secondary">{t('metrics.explain.noMessages')}</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {buyer.messages.map((message) => {
        const mine = message.sender !== 'buyer';
        const kind =
          message.kind === 'auto' || message.kind === 'welcome' ? t(`metrics.kind.${message.kind}`) : null;
        return (
          <div
            key={`${message.time}-${message.sender}-${message.agent}-${message.text}`}
            style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: '85%' }}
          >
            <div style={{ fontSize: 12, color: '#8c8c8c', textAlign: mine ? 'right' : 'left' }}>
              {t(`metrics.sender.${message.sender}` as MessageKey)} ·{' '}
              {message.sender === 'buyer' ? buyer.buyer : message.agent} · {time(message.time)}
              {kind ? <Tag style={{ marginLeft: 4 }}>{kind}</Tag> : null}
            </div>
            <div
              style={{
                background: mine ? '#e6f4ff' : '#f5f5f5',
                borderRadius: 8,
                padding: '6px 10px',
                whiteSpace: 'pre-wrap',
              }}
            >
              {message.text}
            </div>
          </div>
        );
      })}
    </div>
  );
};

/** The buyers behind a number, each with the chat that made it, in a side drawer. */
export const ExplainDrawer = ({
  drill,
  filters,
  teamName,
  onClose,
}: {
  drill: Drill | null;
  filters: MetricsFilters;
  /** The 小组 the filters keep, named in the title when no agent is picked. */
  teamName?: string | undefined;
  onClose: () => void;
}) => {
  const query = drill ? explainQueryOf(drill, filters) : null;
  const mobile = useIsMobile();
  const manager = canManage(useCurrentUser());
  const explained = useExplain(query);
  const data = explained.data;
  return (
    <Drawer
      open={query !== null}
      onClose={onClose}
      size={mobile ? 'default' : 'large'}
      width={mobile ? '100%' : 720}
      title={
        drill && query
          ? t('metrics.explain.title', {
              agent: drill.who ?? query.agent ?? teamName ?? t('metrics.filter.allAgents'),
              metric: drill.label,
            })
          : ''
      }
    >
      {explained.isLoading ? <Spin /> : null}
      {explained.isError ? (
        <QueryError error={explained.error} onRetry={() => void explained.refetch()} />
      ) : null}
      {data && data.buyers.length === 0 ? <Empty /> : null}
      {data && data.buyers.length > 0 ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('metrics.explain.total', { total: data.total, shown: data.buyers.length })}
          />
          <Collapse
            data-testid="explain-buyers"
            defaultActiveKey={data.buyers
              .slice(0, 1)
              .map((buyer) => `${buyer.shop}-${buyer.buyer}-${buyer.day}`)}
            items={data.buyers.map((buyer) => ({
              key: `${buyer.shop}-${buyer.buyer}-${buyer.day}`,
              label: (
                <span>
                  {buyer.buyer} · {buyer.shop} · {buyer.day}{' '}
                  <Tag color={buyer.hit ? 'green' : 'default'}>
                    {buyer.hit ? t('metrics.explain.hit') : t('metrics.explain.miss')}
                  </Tag>
                  {buyer.order ? <Tag>{t('metrics.explain.order', { order: buyer.order })}</Tag> : null}
                  {buyer.order && manager ? <CreditRuling buyer={{ ...buyer, order: buyer.order }} /> : null}
                </span>
              ),
              children: <Chat buyer={buyer} />,
            }))}
          />
        </>
      ) : null}
    </Drawer>
  );
};
