import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { StoredMetricsRow } from '../../../api/metrics.api.js';
import { t } from '../../../i18n/i18n.js';
import { percent, seconds, yuan } from '../metrics.format.js';

/** What a click on a number asks for: the metric and the sub-account. */
export type Drill = { metric: string; agent: string; label: string };

type Props = { rows: StoredMetricsRow[]; teamNames: Map<string, string>; onDrill: (drill: Drill) => void };

const byNumber =
  (pick: (row: StoredMetricsRow) => number | null) => (a: StoredMetricsRow, b: StoredMetricsRow) =>
    (pick(a) ?? -1) - (pick(b) ?? -1);

const agentName = (row: StoredMetricsRow) => row.displayName ?? row.agent ?? '';

/** Every agent of the period, sortable by any number; numbers open the buyers behind them. */
export const AgentRanking = ({ rows, teamNames, onDrill }: Props) => {
  const drillable =
    (metric: string, label: string, text: (row: StoredMetricsRow) => string) => (row: StoredMetricsRow) =>
      row.agent ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          aria-label={`${agentName(row)} ${label}`}
          onClick={() => onDrill({ metric, agent: row.agent ?? '', label })}
        >
          {text(row)}
        </Button>
      ) : (
        text(row)
      );
  const number = (
    key: keyof StoredMetricsRow,
    label: string,
    pick: (row: StoredMetricsRow) => number | null,
    text: (row: StoredMetricsRow) => string,
    metric?: string,
  ) => ({
    key,
    title: label,
    align: 'right' as const,
    width: 110,
    sorter: byNumber(pick),
    render: (_: unknown, row: StoredMetricsRow) => (metric ? drillable(metric, label, text)(row) : text(row)),
  });
  const columns: ColumnsType<StoredMetricsRow> = [
    {
      key: 'agent',
      title: t('metrics.ranking.agent'),
      fixed: 'left',
      width: 150,
      sorter: (a, b) => agentName(a).localeCompare(agentName(b), 'zh-CN'),
      render: (_, row) => (
        <div>
          <div>{agentName(row)}</div>
          {row.displayName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.agent}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'team',
      title: t('metrics.ranking.team'),
      width: 90,
      render: (_, row) => (row.teamId ? (teamNames.get(row.teamId) ?? '') : ''),
    },
    number(
      'consulted',
      t('metrics.kpi.consulted'),
      (r) => r.consulted,
      (r) => String(r.consulted),
      'consulted',
    ),
    number(
      'served',
      t('metrics.kpi.served'),
      (r) => r.served,
      (r) => String(r.served),
      'served',
    ),
    number(
      'replyRate',
      t('metrics.kpi.replyRate'),
      (r) => r.replyRate,
      (r) => percent(r.replyRate),
      'replyRate',
    ),
    number(
      'avgResponseSec',
      t('metrics.kpi.avgResponse'),
      (r) => r.avgResponseSec,
      (r) => seconds(r.avgResponseSec),
      'avgResponseSec',
    ),
    number(
      'inquiries',
      t('metrics.ranking.inquiries'),
      (r) => r.inquiries,
      (r) => String(r.inquiries),
      'inquiries',
    ),
    number(
      'inquiriesPaid',
      t('metrics.ranking.paid'),
      (r) => r.inquiriesPaid,
      (r) => String(r.inquiriesPaid),
      'inquiriesPaid',
    ),
    number(
      'conversion',
      t('metrics.kpi.conversion'),
      (r) => r.conversion,
      (r) => percent(r.conversion),
      'conversion',
    ),
    number(
      'sales',
      t('metrics.kpi.sales'),
      (r) => r.sales,
      (r) => yuan(r.sales),
      'sales',
    ),
    number(
      'aov',
      t('metrics.kpi.aov'),
      (r) => r.aov,
      (r) => yuan(r.aov),
    ),
    number(
      'satisfaction',
      t('metrics.kpi.satisfaction'),
      (r) => r.satisfaction,
      (r) => percent(r.satisfaction),
    ),
  ];
  return (
    <Table<StoredMetricsRow>
      size="small"
      rowKey={(row) => `${row.shop}\u0001${row.agent ?? row.team ?? ''}`}
      columns={columns}
      dataSource={rows}
      pagination={false}
      // Virtual rows keep a thousand agents smooth.
      virtual
      scroll={{ x: 1300, y: 480 }}
      data-testid="agent-ranking"
    />
  );
};
