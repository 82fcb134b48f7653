import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { QuestionSummary, QuestionType } from '../../../../api/questions.api.js';
import { EllipsisText } from '../../../../components/EllipsisText.js';
import { QueryError } from '../../../../components/QueryError.js';
import { useDebouncedValue } from '../../../../components/useDebouncedValue.js';
import { t } from '../../../../i18n/i18n.js';
import { typeColor, typeLabel } from '../../exams.labels.js';
import { useQuestionList } from '../../queries.js';
import { useTagOptions } from './useTagOptions.js';

const pageSize = 20;

/**
 * Picks a fixed section's questions from the bank with the bank's filters (the type is the
 * section's). The selection survives paging and filtering, in the order questions were ticked.
 */
export const QuestionPicker = ({
  open,
  type,
  selected,
  onClose,
  onPick,
}: {
  open: boolean;
  type: QuestionType;
  selected: string[];
  onClose: () => void;
  onPick: (ids: string[], stems: Map<string, string>) => void;
}) => {
  const tagOptions = useTagOptions();
  const [chosen, setChosen] = useState<string[]>(selected);
  const [stems, setStems] = useState(new Map<string, string>());
  const [difficulty, setDifficulty] = useState<number | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const list = useQuestionList({ type, difficulty, tag, q: q || undefined }, page, pageSize);

  useEffect(() => {
    if (open) setChosen(selected);
  }, [open, selected]);

  const toggle = (row: QuestionSummary, on: boolean) => {
    setStems((known) => new Map(known).set(row.id, row.stem));
    setChosen((ids) =>
      on ? [...ids.filter((id) => id !== row.id), row.id] : ids.filter((id) => id !== row.id),
    );
  };

  return (
    <Modal
      open={open}
      title={t('exams.compose.pickTitle', { type: typeLabel(type) })}
      width={900}
      okText={t('exams.compose.pickConfirm', { count: chosen.length })}
      onOk={() => onPick(chosen, stems)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Tag color={typeColor[type]} style={{ alignSelf: 'center' }}>
          {typeLabel(type)}
        </Tag>
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
          style={{ width: 260 }}
        />
        <Select<number>
          allowClear
          aria-label={t('exams.bank.difficulty')}
          placeholder={t('exams.bank.allDifficulties')}
          value={difficulty}
          onChange={(value) => {
            setDifficulty(value);
            setPage(1);
          }}
          options={[1, 2, 3, 4, 5].map((value) => ({ value, label: '★'.repeat(value) }))}
          style={{ width: 130 }}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('exams.bank.tag')}
          placeholder={t('exams.bank.allTags')}
          value={tag}
          onChange={(value) => {
            setTag(value);
            setPage(1);
          }}
          options={tagOptions}
          style={{ width: 180 }}
        />
        <Typography.Text type="secondary" style={{ alignSelf: 'center', marginLeft: 'auto' }}>
          {t('exams.compose.chosen', { count: chosen.length })}
        </Typography.Text>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<QuestionSummary>
          tableLayout="fixed"
          rowKey="id"
          size="small"
          data-testid="question-picker"
          loading={list.isFetching}
          dataSource={list.data?.questions ?? []}
          rowSelection={{
            selectedRowKeys: chosen,
            preserveSelectedRowKeys: true,
            onSelect: (row, on) => toggle(row, on),
            onSelectAll: (on, _rows, changed) => {
              for (const row of changed) toggle(row, on);
            },
          }}
          onRow={(row) => ({
            onClick: () => toggle(row, !chosen.includes(row.id)),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('exams.bank.stem'),
              dataIndex: 'stem',
              render: (stem: string) => <EllipsisText text={stem} />,
            },
            {
              title: t('exams.bank.difficulty'),
              dataIndex: 'difficulty',
              width: 90,
              render: (d: number) => '★'.repeat(d),
            },
            { title: 'ID', dataIndex: 'id', width: 150, render: (id: string) => <EllipsisText text={id} /> },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          scroll={{ y: 420 }}
        />
      )}
    </Modal>
  );
};
