import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  exportUrl,
  type QuestionFilters,
  type QuestionSource,
  type QuestionSummary,
  type QuestionType,
  questionTypes,
} from '../../../api/questions.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { useDebouncedValue } from '../../../components/useDebouncedValue.js';
import { t } from '../../../i18n/i18n.js';
import { useRules } from '../../inspection/queries.js';
import { platformKeys, sourceLabel, tagLabel, topics, typeColor, typeLabel } from '../exams.labels.js';
import { useQuestionList } from '../queries.js';
import { QuestionDrawer } from './QuestionDrawer.js';

const sources: QuestionSource[] = ['builtin', 'imported', 'manual'];

const useRuleTitles = (): ReadonlyMap<string, string> => {
  const rules = useRules();
  return useMemo(() => new Map((rules.data ?? []).map((rule) => [rule.id, rule.title])), [rules.data]);
};

const stars = (count: number) => (
  <span
    title={t('exams.bank.difficultyValue', { stars: count })}
    style={{ color: '#faad14', whiteSpace: 'nowrap' }}
  >
    {'★'.repeat(count)}
    <span style={{ color: '#e8e8e8' }}>{'★'.repeat(5 - count)}</span>
  </span>
);

/** 题库: the organisation's questions, filtered and paged on the server; a row opens the detail drawer. */
export const QuestionBank = () => {
  const ruleTitles = useRuleTitles();
  const [type, setType] = useState<QuestionType | undefined>();
  const [difficulty, setDifficulty] = useState<number | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [source, setSource] = useState<QuestionSource | undefined>();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters: QuestionFilters = { type, difficulty, tag, source, q: q || undefined };
  const list = useQuestionList(filters, page, pageSize);

  const tagOptions = [
    ...topics.map((topic) => ({ value: topic, label: tagLabel(topic, ruleTitles) })),
    ...platformKeys.map((platform) => ({ value: platform, label: tagLabel(platform, ruleTitles) })),
    ...[...ruleTitles].map(([id, title]) => ({ value: id, label: title })),
  ];
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  const columns = [
    {
      title: t('exams.bank.type'),
      dataIndex: 'type',
      width: 80,
      render: (value: QuestionType) => <Tag color={typeColor[value]}>{typeLabel(value)}</Tag>,
    },
    {
      title: t('exams.bank.stem'),
      dataIndex: 'stem',
      render: (stem: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {stem}
        </Typography.Paragraph>
      ),
    },
    { title: t('exams.bank.difficulty'), dataIndex: 'difficulty', width: 110, render: stars },
    {
      title: t('exams.bank.tag'),
      key: 'tags',
      width: 220,
      responsive: ['lg' as const],
      render: (_: unknown, row: QuestionSummary) => (
        <Flex gap={4} wrap>
          {[...row.tags.rules, ...row.tags.platforms, ...row.tags.topics].slice(0, 4).map((value) => (
            <Tag key={value} style={{ marginInlineEnd: 0 }}>
              {tagLabel(value, ruleTitles)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('exams.bank.points'), dataIndex: 'points', width: 64, responsive: ['md' as const] },
    {
      title: t('exams.bank.source'),
      key: 'source',
      width: 90,
      responsive: ['md' as const],
      render: (_: unknown, row: QuestionSummary) => (
        <Typography.Text type="secondary">
          {sourceLabel(row.source)} · v{row.version}
        </Typography.Text>
      ),
    },
  ];

  if (list.isError) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('exams.bank.search')}
          aria-label={t('exams.bank.search')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPage(1);
          }}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Select<QuestionType>
          allowClear
          aria-label={t('exams.bank.type')}
          placeholder={t('exams.bank.allTypes')}
          value={type}
          onChange={change(setType)}
          options={questionTypes.map((value) => ({ value, label: typeLabel(value) }))}
          style={{ width: 120 }}
        />
        <Select<number>
          allowClear
          aria-label={t('exams.bank.difficulty')}
          placeholder={t('exams.bank.allDifficulties')}
          value={difficulty}
          onChange={change(setDifficulty)}
          options={[1, 2, 3, 4, 5].map((value) => ({ value, label: '★'.repeat(value) }))}
          style={{ width: 130 }}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('exams.bank.tag')}
          placeholder={t('exams.bank.allTags')}
          value={tag}
          onChange={change(setTag)}
          options={tagOptions}
          style={{ width: 160 }}
        />
        <Select<QuestionSource>
          allowClear
          aria-label={t('exams.bank.source')}
          placeholder={t('exams.bank.allSources')}
          value={source}
          onChange={change(setSource)}
          options={sources.map((value) => ({ value, label: sourceLabel(value) }))}
          style={{ width: 120 }}
        />
        <Flex flex={1} justify="flex-end" gap={12} align="center">
          {list.data && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t('exams.bank.total', { count: list.data.total })}
            </Typography.Text>
          )}
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)}>
            {t('exams.bank.export')}
          </Button>
        </Flex>
      </Flex>
      <Table<QuestionSummary>
        rowKey="id"
        size="middle"
        data-testid="question-table"
        loading={list.isFetching}
        dataSource={list.data?.questions ?? []}
        columns={columns}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1);
            setPageSize(size);
          },
        }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exams.bank.empty')} />,
        }}
      />
      <QuestionDrawer id={openId} ruleTitles={ruleTitles} onClose={() => setOpenId(null)} />
    </Flex>
  );
};
