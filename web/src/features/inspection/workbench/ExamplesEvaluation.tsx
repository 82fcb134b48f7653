import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Statistic, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { ExamplesEvaluation as Evaluation } from '../../../api/inspection.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useExamplesEvaluation } from './examples.queries.js';

type RuleRow = Evaluation['rules'][number];

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

// A summary above the list, not a dashboard: figures a size smaller than a Statistic's.
const figure = { content: { fontSize: 20 } };

/**
 * 样本评测: how well the rule library the chosen shop uses finds what its 标注样本 say — micro-F1,
 * 误报率 and per rule 精确率 / 召回率 / F1 with the number of examples labelled with it.
 */
export const ExamplesEvaluation = ({ shopId }: { shopId: string | undefined }) => {
  const evaluation = useExamplesEvaluation(shopId);
  if (evaluation.isError) return <QueryError error={evaluation.error} onRetry={() => evaluation.refetch()} />;
  const data = evaluation.data;
  const title = (rule: string) => data?.titles[rule] ?? rule;
  const columns: TableColumnsType<RuleRow> = [
    {
      title: t('inspection.evaluation.rule'),
      key: 'rule',
      render: (_: unknown, row) => (
        <Flex gap={4} wrap align="center">
          <Tooltip title={row.rule}>
            <span>{title(row.rule)}</span>
          </Tooltip>
          {row.custom && <Tag>{t('inspection.examples.customRule')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('inspection.evaluation.precision'),
      key: 'precision',
      align: 'right',
      render: (_, row) => pct(row.precision),
    },
    {
      title: t('inspection.evaluation.recall'),
      key: 'recall',
      align: 'right',
      render: (_, row) => pct(row.recall),
    },
    { title: 'F1', key: 'f1', align: 'right', render: (_, row) => pct(row.f1) },
    { title: t('inspection.evaluation.support'), dataIndex: 'support', align: 'right' },
  ];
  return (
    <Card
      size="small"
      title={t('inspection.evaluation.title')}
      loading={evaluation.isLoading}
      data-testid="examples-evaluation"
      extra={
        <Tooltip title={t('inspection.evaluation.help')}>
          <QuestionCircleOutlined aria-label={t('inspection.evaluation.help')} style={{ cursor: 'help' }} />
        </Tooltip>
      }
    >
      {!data || data.examples === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.evaluation.empty')} />
      ) : (
        <Flex vertical gap={8}>
          <Flex gap={32} wrap align="end">
            <Statistic title="micro-F1" value={pct(data.micro.f1)} styles={figure} />
            <Tooltip
              title={t('inspection.evaluation.falseAlarms', {
                falseAlarms: data.falseAlarms,
                compliant: data.compliant,
              })}
            >
              <Statistic
                title={t('inspection.evaluation.falseAlarmRate')}
                value={pct(data.falseAlarmRate)}
                styles={figure}
              />
            </Tooltip>
            <Typography.Text type="secondary">
              {t('inspection.evaluation.counts', {
                examples: data.examples,
                compliant: data.compliant,
                disagreements: data.disagreements.length,
              })}
            </Typography.Text>
          </Flex>
          <Table<RuleRow>
            rowKey="rule"
            size="small"
            pagination={false}
            dataSource={data.rules}
            columns={columns}
            scroll={{ x: 'max-content' }}
          />
          {data.unscored.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspection.evaluation.unscored', {
                rules: data.unscored.map((entry) => `${title(entry.rule)} ×${entry.count}`).join('、'),
              })}
            </Typography.Text>
          )}
          {data.conflicts.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspection.evaluation.conflicts', { count: data.conflicts.length })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
};
