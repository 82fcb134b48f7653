import { SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { CandidateResult, CandidateStatus } from '../../../../api/exams-admin.api.js';
import { EllipsisText } from '../../../../components/EllipsisText.js';
import { t } from '../../../../i18n/i18n.js';

const statuses: CandidateStatus[] = ['not_started', 'in_progress', 'pending_review', 'submitted'];
const statusColor: Record<CandidateStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  pending_review: 'orange',
  submitted: 'green',
};

// Leaving the exam tab this often is worth a look (切屏 is how candidates look answers up).
const blurWarning = 3;

const columns = (onOpen: (attemptId: string) => void): ColumnsType<CandidateResult> => [
  {
    title: t('exams.results.candidate'),
    key: 'name',
    width: 180,
    fixed: 'left',
    sorter: (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'),
    render: (_: unknown, row) => (
      <Flex vertical style={{ minWidth: 0 }}>
        <EllipsisText text={row.displayName} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <EllipsisText text={row.login} />
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: t('users.team'),
    dataIndex: 'team',
    width: 140,
    render: (team: string | null) => (team ? <EllipsisText text={team} /> : '—'),
  },
  {
    title: t('exams.sessions.status'),
    dataIndex: 'status',
    width: 100,
    render: (status: CandidateStatus) => (
      <Tag color={statusColor[status]}>{t(`exams.results.status.${status}`)}</Tag>
    ),
  },
  {
    title: t('exams.results.score'),
    dataIndex: 'best',
    width: 80,
    sorter: (a, b) => (a.best ?? -1) - (b.best ?? -1),
    render: (best: number | null) => best ?? '—',
  },
  {
    title: t('exams.results.passed'),
    dataIndex: 'passed',
    width: 90,
    render: (passed: boolean | null) =>
      passed === null ? (
        '—'
      ) : passed ? (
        <Tag color="success">{t('exams.results.pass')}</Tag>
      ) : (
        <Tag color="error">{t('exams.results.fail')}</Tag>
      ),
  },
  { title: t('exams.results.attempts'), dataIndex: 'attempts', width: 80 },
  {
    title: t('exams.results.submittedAt'),
    dataIndex: 'submittedAt',
    width: 150,
    sorter: (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
    render: (at: string | null) => (at ? dayjs(at).format('MM-DD HH:mm') : '—'),
  },
  {
    title: (
      <Tooltip title={t('exams.results.blurHelp')}>
        <span>{t('exams.results.blurs')}</span>
      </Tooltip>
    ),
    dataIndex: 'blurCount',
    width: 80,
    sorter: (a, b) => a.blurCount - b.blurCount,
    render: (count: number) => (count >= blurWarning ? <Tag color="red">{count}</Tag> : <span>{count}</span>),
  },
  {
    title: t('users.actions'),
    key: 'open',
    width: 100,
    render: (_: unknown, row) =>
      row.lastAttemptId ? (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          onClick={() => row.lastAttemptId && onOpen(row.lastAttemptId)}
        >
          {t('exams.results.openReport')}
        </Button>
      ) : (
        '—'
      ),
  },
];

/** Every assigned candidate: status, best score, pass, submit time and 切屏; searchable, paged. */
export const CandidatesTable = ({
  candidates,
  onOpen,
}: {
  candidates: CandidateResult[];
  onOpen: (attemptId: string) => void;
}) => {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<CandidateStatus | undefined>();
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return candidates.filter(
      (row) =>
        (!status || row.status === status) &&
        (!needle ||
          row.displayName.toLowerCase().includes(needle) ||
          row.login.toLowerCase().includes(needle) ||
          (row.team ?? '').toLowerCase().includes(needle)),
    );
  }, [candidates, text, status]);
  const tableColumns = useMemo(() => columns(onOpen), [onOpen]);
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('exams.results.search')}
          aria-label={t('exams.results.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <Select<CandidateStatus>
          allowClear
          aria-label={t('exams.sessions.status')}
          placeholder={t('exams.results.allStatuses')}
          value={status}
          onChange={setStatus}
          options={statuses.map((value) => ({ value, label: t(`exams.results.status.${value}`) }))}
          style={{ width: 140 }}
        />
      </Flex>
      <Table<CandidateResult>
        tableLayout="fixed"
        rowKey="userId"
        size="small"
        data-testid="candidate-table"
        dataSource={shown}
        columns={tableColumns}
        scroll={{ x: 1000 }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (count) => t('exams.results.total', { count }),
        }}
        locale={{
          emptyText: (
            <Empty
              description={
                candidates.length === 0 ? t('exams.results.nobodyAssigned') : t('exams.results.noCandidates')
              }
            />
          ),
        }}
      />
    </Flex>
  );
};
