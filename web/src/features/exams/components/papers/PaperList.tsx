import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { PaperSummary } from '../../../../api/exams-admin.api.js';
import { EllipsisText } from '../../../../components/EllipsisText.js';
import { QueryError } from '../../../../components/QueryError.js';
import { t } from '../../../../i18n/i18n.js';
import { usePaperList } from '../../manage.queries.js';
import { PaperComposer } from './PaperComposer.js';

type Composing = { paperId: string | null } | null;

/** 试卷: the organisation's papers; a row opens the composer, 新建试卷 starts an empty one. */
export const PaperList = () => {
  const papers = usePaperList();
  const [composing, setComposing] = useState<Composing>(null);
  if (papers.isError) return <QueryError error={papers.error} onRetry={() => papers.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('exams.paperList.help')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setComposing({ paperId: null })}>
          {t('exams.paperList.create')}
        </Button>
      </Flex>
      <Table<PaperSummary>
        tableLayout="fixed"
        rowKey="id"
        size="middle"
        data-testid="paper-table"
        loading={papers.isLoading}
        dataSource={papers.data ?? []}
        onRow={(row) => ({ onClick: () => setComposing({ paperId: row.id }), style: { cursor: 'pointer' } })}
        scroll={{ x: 760 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
        columns={[
          {
            title: t('exams.paperList.title'),
            dataIndex: 'title',
            render: (title: string, row) => (
              <Flex gap={6} align="center" style={{ minWidth: 0 }}>
                <EllipsisText text={title} />
                {row.certifies && (
                  <Tag icon={<SafetyCertificateOutlined />} color="gold" style={{ marginInlineEnd: 0 }}>
                    {t('exams.paperList.certifies')}
                  </Tag>
                )}
              </Flex>
            ),
          },
          { title: t('exams.paperList.questions'), dataIndex: 'questionCount', width: 90 },
          { title: t('exams.paperList.total'), dataIndex: 'totalPoints', width: 90 },
          { title: t('exams.paperList.passMark'), dataIndex: 'passMark', width: 90 },
          {
            title: t('exams.paperList.timeLimit'),
            dataIndex: 'timeLimitMinutes',
            width: 110,
            render: (minutes: number) => t('exams.paperList.minutes', { minutes }),
          },
          {
            title: t('exams.paperList.updatedAt'),
            dataIndex: 'updatedAt',
            width: 150,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
        ]}
        locale={{ emptyText: <Empty description={t('exams.paperList.empty')} /> }}
      />
      <PaperComposer
        open={composing !== null}
        paperId={composing?.paperId ?? null}
        onClose={() => setComposing(null)}
      />
    </Flex>
  );
};
