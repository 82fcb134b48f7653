import { Alert, Empty, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Restatement } from '../../../api/metrics.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useRestatements } from '../queries.js';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

const columns = [
  { title: t('metrics.restatements.day'), dataIndex: 'day', width: 110 },
  { title: t('metrics.restatements.shop'), dataIndex: 'shop', width: 140, ellipsis: true },
  { title: t('metrics.restatements.agent'), dataIndex: 'agent', width: 160, ellipsis: true },
  {
    title: t('metrics.restatements.metric'),
    dataIndex: 'metric',
    width: 130,
    render: (metric: Restatement['metric']) => t(`metrics.restatements.metric.${metric}`),
  },
  {
    title: t('metrics.restatements.change'),
    key: 'change',
    width: 170,
    render: (_: unknown, row: Restatement) => (
      <Typography.Text type={row.after > row.before ? 'success' : 'danger'}>
        {row.before} → {row.after}
      </Typography.Text>
    ),
  },
  { title: t('metrics.restatements.reportedAt'), dataIndex: 'reportedAt', width: 150, render: time },
  { title: t('metrics.restatements.restatedAt'), dataIndex: 'restatedAt', width: 150, render: time },
];

/** 重述记录: numbers of past days that later imports changed, newest first (managers only). */
export const Restatements = () => {
  const query = useRestatements();
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('metrics.restatements.intro')} />
      <Table<Restatement>
        rowKey={(row) => `${row.shop}/${row.day}/${row.agent}/${row.metric}/${row.restatedAt}`}
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isPending}
        size="small"
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('metrics.restatements.empty')} /> }}
      />
    </Space>
  );
};
