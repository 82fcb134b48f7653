import { CheckCircleTwoTone, CloseCircleTwoTone, SearchOutlined } from '@ant-design/icons';
import { Collapse, Empty, Flex, Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Rule } from '../../../api/compliance.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { kindColor, kindLabel, pointsLabel } from '../inspection.labels.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { useRules } from '../queries.js';
import { ShopRuleSettings } from '../workbench/ShopRuleSettings.js';

const platformNames = (rule: Rule) => rule.platforms.map((platform) => t(`platform.${platform}`));

const matches = (rule: Rule, query: string): boolean => {
  if (!query) return true;
  const haystack = [
    rule.id,
    rule.title,
    kindLabel(rule.kind),
    rule.explanation,
    ...platformNames(rule),
    ...rule.wrongExamples,
    ...rule.rightExamples,
  ].join('\n');
  return haystack.toLowerCase().includes(query.toLowerCase());
};

const Examples = ({ items, right }: { items: string[]; right: boolean }) => (
  <ul style={{ listStyle: 'none', paddingLeft: 0, margin: '4px 0 8px' }}>
    {items.map((example) => (
      <li key={example} style={{ display: 'flex', gap: 6, marginBottom: 4 }}>
        {right ? (
          <CheckCircleTwoTone twoToneColor="#52c41a" />
        ) : (
          <CloseCircleTwoTone twoToneColor="#ff4d4f" />
        )}
        <span style={{ overflowWrap: 'anywhere' }}>{example}</span>
      </li>
    ))}
  </ul>
);

const RuleDetails = ({ rule }: { rule: Rule }) => (
  <div style={{ maxWidth: 820 }}>
    <Typography.Text strong>{t('inspection.rules.explanation')}</Typography.Text>
    <Typography.Paragraph style={{ margin: '4px 0 8px' }}>{rule.explanation}</Typography.Paragraph>
    {rule.deposit && (
      <Typography.Paragraph type="warning">
        {t('inspection.rules.deposit', {
          occurrence: rule.deposit.fromOccurrence,
          amount: (rule.deposit.amountFen / 100).toLocaleString('zh-CN'),
        })}
      </Typography.Paragraph>
    )}
    <Typography.Text strong>{t('inspection.rules.wrong')}</Typography.Text>
    <Examples items={rule.wrongExamples} right={false} />
    <Typography.Text strong>{t('inspection.rules.right')}</Typography.Text>
    <Examples items={rule.rightExamples} right />
    <Typography.Text type="secondary">
      {t('inspection.rules.versionText', { version: rule.version, date: rule.effectiveFrom })}
    </Typography.Text>
  </div>
);

const columns = [
  {
    title: t('inspection.rules.title'),
    dataIndex: 'title',
    render: (title: string) => <strong>{title}</strong>,
  },
  {
    title: t('inspection.rules.kind'),
    dataIndex: 'kind',
    width: 100,
    render: (kind: Rule['kind']) => <Tag color={kindColor[kind]}>{kindLabel(kind)}</Tag>,
  },
  {
    title: t('inspection.rules.points'),
    dataIndex: 'points',
    width: 110,
    render: (points: number) => pointsLabel(points),
  },
  {
    title: t('inspection.rules.platforms'),
    key: 'platforms',
    responsive: ['md' as const],
    render: (_: unknown, rule: Rule) => (
      <Flex gap={4} wrap>
        {platformNames(rule).map((name) => (
          <Tag key={name}>{name}</Tag>
        ))}
      </Flex>
    ),
  },
];

/**
 * 规则库: every rule in force, searchable; a row opens to its explanation and examples. Managers
 * also set each shop's switches, points and own forbidden words (店铺质检设置).
 */
export const RuleLibrary = () => {
  const rules = useRules();
  const manager = canManage(useCurrentUser());
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => (rules.data ?? []).filter((rule) => matches(rule, query.trim())),
    [rules.data, query],
  );
  if (rules.isError) return <QueryError error={rules.error} onRetry={() => rules.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('inspection.rules.search')}
          aria-label={t('inspection.rules.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          style={{ maxWidth: 360 }}
        />
        <Typography.Text type="secondary">
          {t('inspection.rules.total', { count: shown.length })}
        </Typography.Text>
      </Flex>
      {manager && rules.data && (
        <Collapse
          size="small"
          items={[
            {
              key: 'shop',
              label: t('inspection.settings.title'),
              children: <ShopRuleSettings rules={rules.data} />,
            },
          ]}
        />
      )}
      <Table<Rule>
        rowKey="id"
        size="middle"
        loading={rules.isLoading}
        dataSource={shown}
        columns={columns}
        pagination={false}
        expandable={{ expandedRowRender: (rule) => <RuleDetails rule={rule} />, expandRowByClick: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.rules.empty')} />,
        }}
      />
    </Flex>
  );
};
