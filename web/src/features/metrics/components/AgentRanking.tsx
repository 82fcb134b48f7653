import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { StoredMetricsRow } from '../../../api/metrics.api.js';
import { t } from '../../../i18n/i18n.js';
import { noValue, percent, seconds, yuan } from '../metrics.format.js';
import { DrillNumber } from './DrillNumber.js';
import type { Drill } from './ExplainDrawer.js';

type Props = { rows: StoredMetricsRow[]; teamNames: Map<string, string>; onDrill: (drill: Drill) => void };

const byNumber =
  (pick: (row: StoredMetricsRow) => number | null) => (a: StoredMetricsRow, b: StoredMetricsRow) =>
    (pick(a) ?? -1) - (pick(b) ?? -1);

const agentName = (row: StoredMetricsRow) => row.displayName ?? row.agent ?? '';

/**
 * Every agent of the period, sortable by any number; numbers open the buyers behind them (a
 * number without a value opens nothing).
 */
export const AgentRanking = ({ rows, teamNames, onDrill }: Props) => {
  const drillable =
    (metric: string, label: string, text: (row: StoredMetricsRow) => string) => (row: StoredMetricsRow) =>
      row.agent && text(row) !== noValue ? (
        <DrillNumber
          label={`${agentName(row)} ${label}`}
          onClick={() => onDrill({ metric, agent: row.agent ?? '', label })}
        >
          {text(row)}
        </DrillNumber>
      ) : (
        text(row)
      );
  const number = (
    key: keyof StoredMetricsRow,
    label: string,
    pick: (row: StoredMetricsRow) => number | null,
    text: (row: StoredMetricsRow) => string,
  ) => ({
    key,
    title: label,
    align: 'right' as const,
    width: 110,
    sorter: byNumber(pick),
    // Each column is named by the metric the drill-down explains.
    render: (_: unknown, row: StoredMetricsRow) => drillable(key, label, text)(row),
  });
  const columns: ColumnsType<StoredMetricsRow> = [
    {
      key: 'agent',
      title: t('metrics.ranking.agent'),
      fixed: 'left',
      width: 180,
      sorter: (a, b) => agentName(a).localeCompare(agentName(b), 'zh-CN'),
      // Long names (shops give sub-accounts long ones) are cut to one line, whole in a tooltip.
      render: (_, row) => (
        <>
          <Typography.Text ellipsis={{ tooltip: agentName(row) }} style={{ display: 'block' }}>
            {agentName(row)}
          </Typography.Text>
          {row.displayName ? (
            <Typography.Text
              type="secondary"
              ellipsis={{ tooltip: row.agent }}
              style={{ display: 'block', fontSize: 12 }}
            >
              {row.agent}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'team',
      title: t('metrics.ranking.team'),
      width: 90,
      ellipsis: true,
      render: (_, row) => (row.teamId ? (teamNames.get(row.teamId) ?? '') : ''),
    },
    number(
      'consulted',
      t('metrics.kpi.consulted'),
      (r) => r.consulted,
      (r) => String(r.consulted),
    ),
    number(
      'served',
      t('metrics.kpi.served'),
      (r) => r.served,
      (r) => String(r.served),
    ),
    number(
      'replyRate',
      t('metrics.kpi.replyRate'),
      (r) => r.replyRate,
      (r) => percent(r.replyRate),
    ),
    number(
      'avgResponseSec',
      t('metrics.kpi.avgResponse'),
      (r) => r.avgResponseSec,
      (r) => seconds(r.avgResponseSec),
    ),
    number(
      'inquiries',
      t('metrics.ranking.inquiries'),
      (r) => r.inquiries,
      (r) => String(r.inquiries),
    ),
    number(
      'inquiriesPaid',
      t('metrics.ranking.paid'),
      (r) => r.inquiriesPaid,
      (r) => String(r.inquiriesPaid),
    ),
    number(
      'conversion',
      t('metrics.kpi.conversion'),
      (r) => r.conversion,
      (r) => percent(r.conversion),
    ),
    number(
      'sales',
      t('metrics.kpi.sales'),
      (r) => r.sales,
      (r) => yuan(r.sales),
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
    number(
      'slowReceptions',
      t('metrics.ranking.slowReceptions'),
      (r) => r.slowReceptions,
      (r) => String(r.slowReceptions),
    ),
    number(
      'refundRate',
      t('metrics.ranking.refundRate'),
      (r) => r.refundRate,
      (r) => percent(r.refundRate),
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
      scroll={{ x: 1550, y: 480 }}
      data-testid="agent-ranking"
    />
  );
};
