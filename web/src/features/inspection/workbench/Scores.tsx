import { Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { AgentScore } from '../../../api/inspection.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { ShopFilter } from './ShopFilter.js';
import { PeriodPicker } from './PeriodPicker.js';
import { useScores } from './queries.js';
import { recentPeriod } from './workbench.labels.js';

const scoreColor = (score: number) => (score >= 90 ? '#389e0d' : score >= 80 ? '#d48806' : '#cf1322');

const columns: TableColumnsType<AgentScore> = [
  {
    title: t('inspection.scores.agent'),
    dataIndex: 'agent',
    render: (agent: string, row) => (
      <Flex vertical>
        <span>{row.displayName ?? agent}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {agent}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: t('inspection.scores.qaScore'),
    dataIndex: 'qaScore',
    align: 'right',
    sorter: (a, b) => a.qaScore - b.qaScore,
    render: (score: number) => <strong style={{ color: scoreColor(score), fontSize: 16 }}>{score}</strong>,
  },
  { title: t('inspection.scores.deductions'), dataIndex: 'deductions', align: 'right' },
  { title: t('inspection.scores.confirmed'), dataIndex: 'confirmed', align: 'right', responsive: ['sm'] },
  { title: t('inspection.scores.findings'), dataIndex: 'findings', align: 'right', responsive: ['sm'] },
  { title: t('inspection.scores.sampled'), dataIndex: 'sampled', align: 'right', responsive: ['md'] },
  {
    title: t('inspection.scores.sampleAverage'),
    dataIndex: 'sampleAverage',
    align: 'right',
    render: (average: number | null) => (average === null ? '—' : average.toFixed(1)),
  },
];

/** 质检得分: the QA score of each agent for a period (100 − deductions that stand), for 考核. */
export const Scores = () => {
  const manager = canManage(useCurrentUser());
  const [period, setPeriod] = useState(() => recentPeriod(30));
  const [shopId, setShopId] = useState<string | undefined>();
  const scores = useScores({ ...period, shopId });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <PeriodPicker value={period} onChange={setPeriod} />
        {manager && <ShopFilter value={shopId} onChange={setShopId} />}
      </Flex>
      <Typography.Text type="secondary">{t('inspection.scores.help')}</Typography.Text>
      {scores.isError ? (
        <QueryError error={scores.error} onRetry={() => scores.refetch()} />
      ) : (
        <Table<AgentScore>
          data-testid="scores-table"
          rowKey="agent"
          size="middle"
          loading={scores.isLoading}
          dataSource={scores.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.scores.empty')} />
            ),
          }}
        />
      )}
    </Flex>
  );
};
