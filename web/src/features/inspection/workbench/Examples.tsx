import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Empty,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { LabelledExample } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { QueryError } from '../../../components/QueryError.js';
import { useDebouncedValue } from '../../../components/useDebouncedValue.js';
import { t } from '../../../i18n/i18n.js';
import { blankExample, ExampleForm, type ExampleFormValues } from './ExampleForm.js';
import { ExamplesEvaluation } from './ExamplesEvaluation.js';
import { useExamples, useLabellingRules, useRemoveExample } from './examples.queries.js';
import { ShopFilter } from './ShopFilter.js';

const pageSize = 50;

const RuleTags = ({ ids, titles }: { ids: string[]; titles: Record<string, string> }) =>
  ids.length === 0 ? (
    <Tag color="green">{t('inspection.examples.compliant')}</Tag>
  ) : (
    <Flex gap={4} wrap>
      {ids.map((id) => (
        <Tooltip key={id} title={id}>
          <Tag color="red">{titles[id] ?? id}</Tag>
        </Tooltip>
      ))}
    </Flex>
  );

/**
 * 标注样本: replies labelled by hand, each beside what the engine finds on it now, and how the chosen
 * shop's rule library scores on them (样本评测).
 */
export const Examples = () => {
  const { message, modal } = App.useApp();
  const [shopId, setShopId] = useState<string | undefined>();
  const [ruleId, setRuleId] = useState<string | undefined>();
  const [compliant, setCompliant] = useState(false);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const text = useDebouncedValue(search.trim(), 300);
  const examples = useExamples({
    shopId,
    ruleId,
    compliant: compliant ? 'true' : undefined,
    text: text || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const rules = useLabellingRules(shopId);
  const remove = useRemoveExample();
  const [editing, setEditing] = useState<ExampleFormValues | undefined>();
  // Each opening gets a fresh form: one kept across openings would show the previous values.
  const [openings, setOpenings] = useState(0);
  const open = (example: ExampleFormValues) => {
    setEditing(example);
    setOpenings((count) => count + 1);
  };
  const confirmRemove = (example: LabelledExample) =>
    modal.confirm({
      title: t('inspection.examples.removeConfirm'),
      content: example.agent,
      okText: t('inspection.examples.remove'),
      okButtonProps: { danger: true },
      cancelText: t('inspection.examples.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(example.id);
          message.success(t('inspection.examples.removed'));
        } catch (error) {
          message.error(describeError(error));
        }
      },
    });
  const columns: TableColumnsType<LabelledExample> = [
    {
      title: t('inspection.examples.agent'),
      key: 'agent',
      render: (_: unknown, row) => (
        <Flex vertical gap={2} style={{ minWidth: 200, maxWidth: 'min(520px, 60vw)' }}>
          {(row.shopName || row.source === 'finding') && (
            <Flex gap={4} wrap>
              {row.shopName && <Tag>{row.shopName}</Tag>}
              {row.source === 'finding' && <Tag color="blue">{t('inspection.examples.fromFinding')}</Tag>}
            </Flex>
          )}
          {row.buyer && (
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
              {t('inspection.examples.buyer')}：{row.buyer}
            </Typography.Text>
          )}
          <Typography.Text style={{ wordBreak: 'break-word' }}>{row.agent}</Typography.Text>
          {row.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('inspection.examples.label'),
      key: 'rules',
      render: (_: unknown, row) => <RuleTags ids={row.rules} titles={row.titles} />,
    },
    {
      title: t('inspection.examples.engine'),
      key: 'engine',
      responsive: ['md'],
      render: (_: unknown, row) => <RuleTags ids={row.engine} titles={row.titles} />,
    },
    {
      key: 'agrees',
      width: 80,
      render: (_: unknown, row) =>
        row.agrees ? (
          <Tag color="success">{t('inspection.examples.agrees')}</Tag>
        ) : (
          <Tag color="warning">{t('inspection.examples.disagrees')}</Tag>
        ),
    },
    {
      key: 'actions',
      width: 80,
      render: (_: unknown, row) => (
        <Flex gap={2}>
          <Tooltip title={t('inspection.examples.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('inspection.examples.edit')} ${row.agent}`}
              onClick={() => open(row)}
            />
          </Tooltip>
          <Tooltip title={t('inspection.examples.remove')}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('inspection.examples.remove')} ${row.agent}`}
              onClick={() => confirmRemove(row)}
            />
          </Tooltip>
        </Flex>
      ),
    },
  ];
  if (examples.isError) return <QueryError error={examples.error} onRetry={() => examples.refetch()} />;
  const rows = examples.data?.examples ?? [];
  const total = examples.data?.total ?? 0;
  const add = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => open({ ...blankExample, shopId: shopId ?? null })}
    >
      {t('inspection.examples.new')}
    </Button>
  );
  const filtered = shopId !== undefined || ruleId !== undefined || compliant || text !== '';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }}>
          {t('inspection.examples.help')}
        </Typography.Text>
        {(total > 0 || filtered) && add}
      </Flex>
      <Flex gap={8} wrap align="center">
        <Input.Search
          allowClear
          aria-label={t('inspection.examples.search')}
          placeholder={t('inspection.examples.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(1);
          }}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <ShopFilter
          value={shopId}
          onChange={(value) => {
            setShopId(value);
            // Another shop's own rule is no filter here.
            if (ruleId && rules.data?.find((rule) => rule.id === ruleId)?.custom) setRuleId(undefined);
            setPage(1);
          }}
        />
        <Select<string>
          allowClear
          aria-label={t('inspection.examples.filterRule')}
          placeholder={t('inspection.examples.filterRule')}
          value={ruleId}
          onChange={(value) => {
            setRuleId(value);
            setPage(1);
          }}
          options={(rules.data ?? []).map((rule) => ({ value: rule.id, label: rule.title }))}
          style={{ minWidth: 180 }}
        />
        <Checkbox
          checked={compliant}
          onChange={(event) => {
            setCompliant(event.target.checked);
            setPage(1);
          }}
        >
          {t('inspection.examples.onlyCompliant')}
        </Checkbox>
        {total > 0 && (
          <Typography.Text type="secondary" data-testid="examples-summary">
            {t('inspection.examples.summary', { total, misses: rows.filter((row) => !row.agrees).length })}
          </Typography.Text>
        )}
      </Flex>
      <ExamplesEvaluation shopId={shopId} />
      <Table<LabelledExample>
        data-testid="examples-table"
        rowKey="id"
        size="small"
        loading={examples.isLoading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        locale={{
          emptyText: filtered ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.examples.empty')}>
              {add}
            </Empty>
          ),
        }}
      />
      <ExampleForm key={openings} example={editing} onClose={() => setEditing(undefined)} />
    </Flex>
  );
};
