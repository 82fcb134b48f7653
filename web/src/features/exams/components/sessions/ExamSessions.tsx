import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Progress, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ExamSummary } from '../../../../api/exams-admin.api.js';
import { EllipsisText } from '../../../../components/EllipsisText.js';
import { QueryError } from '../../../../components/QueryError.js';
import { t } from '../../../../i18n/i18n.js';
import { percent } from '../../manage.format.js';
import { useExamList } from '../../manage.queries.js';
import { CreateExamDialog } from './CreateExamDialog.js';
import { ExamResults } from './ExamResults.js';

const windowStatus = (exam: ExamSummary, now: number) => {
  if (now < Date.parse(exam.opensAt)) return <Tag>{t('exams.sessions.upcoming')}</Tag>;
  if (now > Date.parse(exam.closesAt)) return <Tag color="default">{t('exams.sessions.closed')}</Tag>;
  return <Tag color="green">{t('exams.sessions.open')}</Tag>;
};

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** 考试安排: every exam sitting with its progress and pass rate; ?exam=ID opens one's results. */
export const ExamSessions = () => {
  const [params, setParams] = useSearchParams();
  const examId = params.get('exam');
  const exams = useExamList();
  const [creating, setCreating] = useState(false);
  const open = (id: string) => setParams({ exam: id });
  if (examId) return <ExamResults examId={examId} onBack={() => setParams({})} />;
  if (exams.isError) return <QueryError error={exams.error} onRetry={() => exams.refetch()} />;
  const now = Date.now();
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('exams.sessions.help')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('exams.sessions.create')}
        </Button>
      </Flex>
      <Table<ExamSummary>
        tableLayout="fixed"
        rowKey="id"
        size="middle"
        data-testid="exam-table"
        loading={exams.isLoading}
        dataSource={exams.data ?? []}
        onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' } })}
        scroll={{ x: 980 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
        columns={[
          {
            title: t('exams.sessions.title'),
            dataIndex: 'title',
            render: (title: string, row) => (
              <Flex vertical style={{ minWidth: 0 }}>
                <EllipsisText text={title} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <EllipsisText text={row.paperTitle} />
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('exams.sessions.window'),
            key: 'window',
            width: 230,
            render: (_: unknown, row) => (
              <Flex vertical>
                <span>{when(row.opensAt)}</span>
                <Typography.Text type="secondary">{`→ ${when(row.closesAt)}`}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('exams.sessions.status'),
            key: 'status',
            width: 90,
            render: (_: unknown, row) => windowStatus(row, now),
          },
          {
            title: t('exams.sessions.progress'),
            key: 'progress',
            width: 190,
            render: (_: unknown, row) => (
              <Flex vertical gap={0}>
                <Progress
                  percent={row.assigned ? Math.round((row.submitted / row.assigned) * 100) : 0}
                  size="small"
                  showInfo={false}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('exams.sessions.progressText', {
                    submitted: row.submitted,
                    started: row.started,
                    assigned: row.assigned,
                  })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('exams.sessions.passRate'),
            dataIndex: 'passRate',
            width: 110,
            render: (rate: number | null, row) => (
              <span>
                <strong>{percent(rate)}</strong>
                {rate !== null && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                  >{` ${row.passed}/${row.submitted}`}</Typography.Text>
                )}
              </span>
            ),
          },
        ]}
        locale={{ emptyText: <Empty description={t('exams.sessions.empty')} /> }}
      />
      <CreateExamDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          open(id);
        }}
      />
    </Flex>
  );
};
