import { Alert, Button, Empty, Flex, Popover, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { ItemAnalysis, ItemFlag } from '../../../../api/exams-admin.api.js';
import { QueryError } from '../../../../components/QueryError.js';
import { t } from '../../../../i18n/i18n.js';
import { typeColor, typeLabel } from '../../exams.labels.js';
import { decimal, percent } from '../../manage.format.js';
import { useExamAnalysis } from '../../manage.queries.js';
import { RegradeDrawer } from './RegradeDrawer.js';

const flagColor: Record<ItemFlag, string> = {
  too_easy: 'blue',
  too_hard: 'orange',
  low_discrimination: 'gold',
  negative_discrimination: 'red',
};

const Options = ({ distribution }: { distribution: Record<string, number> }) => {
  const entries = Object.entries(distribution).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span>—</span>;
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return (
    <Popover
      title={t('exams.analysis.options')}
      content={
        <table style={{ borderSpacing: '12px 2px' }}>
          <tbody>
            {entries.map(([option, count]) => (
              <tr key={option}>
                <td>{option}</td>
                <td>{count}</td>
                <td>{percent(total ? count / total : null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Typography.Link>{entries.map(([option, count]) => `${option}:${count}`).join(' ')}</Typography.Link>
    </Popover>
  );
};

const columns = (onRegrade: (item: ItemAnalysis) => void): ColumnsType<ItemAnalysis> => [
  {
    title: t('exams.bank.stem'),
    dataIndex: 'stem',
    width: 300,
    render: (stem: string, row) => (
      <Flex vertical gap={2}>
        <span
          style={{
            display: '-webkit-box',
            WebkitLineClamp: 2,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
          }}
        >
          {stem}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Tag color={typeColor[row.type]} style={{ fontSize: 11, lineHeight: '16px' }}>
            {typeLabel(row.type)}
          </Tag>
          {row.questionId} · v{row.version}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: t('exams.analysis.flags'),
    dataIndex: 'flags',
    width: 150,
    render: (flags: ItemFlag[]) => (
      <Flex gap={4} wrap>
        {flags.map((flag) => (
          <Tag key={flag} color={flagColor[flag]} style={{ marginInlineEnd: 0 }}>
            {t(`exams.analysis.flag.${flag}`)}
          </Tag>
        ))}
      </Flex>
    ),
  },
  { title: t('exams.analysis.count'), dataIndex: 'count', width: 70 },
  {
    title: t('exams.analysis.facility'),
    dataIndex: 'facility',
    width: 90,
    sorter: (a, b) => (a.facility ?? -1) - (b.facility ?? -1),
    render: (value: number | null) => percent(value),
  },
  { title: 'SD', dataIndex: 'sd', width: 70, render: (value: number | null) => decimal(value, 2) },
  {
    title: t('exams.analysis.discrimination'),
    dataIndex: 'discrimination',
    width: 100,
    sorter: (a, b) => (a.discrimination ?? -999) - (b.discrimination ?? -999),
    render: (value: number | null) => decimal(value),
  },
  {
    title: t('exams.analysis.efficiency'),
    dataIndex: 'discriminativeEfficiency',
    width: 100,
    render: (value: number | null) => decimal(value),
  },
  {
    title: t('exams.analysis.options'),
    dataIndex: 'optionDistribution',
    width: 150,
    render: (distribution: Record<string, number>) => <Options distribution={distribution} />,
  },
  {
    title: t('users.actions'),
    key: 'regrade',
    width: 150,
    fixed: 'right',
    render: (_: unknown, row) => (
      <Button size="small" onClick={() => onRegrade(row)}>
        {t('exams.analysis.regrade')}
      </Button>
    ),
  },
];

/** 试题分析: facility, discrimination and efficiency per question, flags, and Cronbach's α. */
export const ItemAnalysisTable = ({ examId }: { examId: string }) => {
  const analysis = useExamAnalysis(examId);
  const [regrading, setRegrading] = useState<ItemAnalysis | null>(null);
  const tableColumns = useMemo(() => columns(setRegrading), []);
  if (analysis.isError) return <QueryError error={analysis.error} onRetry={() => analysis.refetch()} />;
  if (!analysis.data) return <Skeleton active />;
  const { items, cronbachAlpha, attempts, fewAttempts } = analysis.data;
  if (attempts === 0) return <Empty description={t('exams.analysis.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="item-analysis">
      <Alert
        type={fewAttempts ? 'warning' : 'info'}
        showIcon
        title={t('exams.analysis.alpha', { alpha: decimal(cronbachAlpha, 2), attempts })}
        description={
          fewAttempts ? t('exams.analysis.fewAttempts', { attempts }) : t('exams.analysis.alphaHelp')
        }
      />
      <Table<ItemAnalysis>
        tableLayout="fixed"
        rowKey="questionId"
        size="small"
        dataSource={items}
        columns={tableColumns}
        scroll={{ x: 1180 }}
        onRow={(row) => ({
          style: row.flags.includes('negative_discrimination')
            ? { background: '#fff1f0' }
            : row.flags.length > 0
              ? { background: '#fffbe6' }
              : {},
        })}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('exams.analysis.legend')}
      </Typography.Text>
      <RegradeDrawer item={regrading} examId={examId} onClose={() => setRegrading(null)} />
    </Flex>
  );
};
