import { DatePicker, Flex, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FindingsFilter, FindingsPage } from '../../../api/inspection.api.js';
import { t } from '../../../i18n/i18n.js';
import { useRules, useShopsForCheck } from '../queries.js';
import { agentName, findingStatusList, statusLabel } from './workbench.labels.js';

const format = 'YYYY-MM-DD';

export type Filter = Omit<FindingsFilter, 'limit' | 'offset'>;

type Props = {
  filter: Filter;
  onChange: (filter: Filter) => void;
  /** Counts by rule and agent to offer as choices (taken without the rule and agent filters). */
  facets: FindingsPage | undefined;
  manager: boolean;
};

/** Status, rule, agent, shop and date filters of the findings table. */
export const FindingsFilters = ({ filter, onChange, facets, manager }: Props) => {
  const rules = useRules();
  const shops = useShopsForCheck(manager);
  const titles = new Map((rules.data ?? []).map((rule) => [rule.id, rule.title]));
  return (
    <Flex gap={8} wrap>
      <Select<string>
        aria-label={t('inspection.findings.filterStatus')}
        allowClear
        placeholder={t('inspection.findings.allStatuses')}
        value={filter.status}
        onChange={(status) => onChange({ ...filter, status: (status as Filter['status']) ?? undefined })}
        options={findingStatusList.map((status) => ({ value: status, label: statusLabel(status) }))}
        style={{ minWidth: 120 }}
      />
      <Select<string>
        aria-label={t('inspection.findings.filterRule')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('inspection.findings.allRules')}
        value={filter.ruleId}
        onChange={(ruleId) => onChange({ ...filter, ruleId: ruleId ?? undefined })}
        options={(facets?.byRule ?? []).map((entry) => ({
          value: entry.ruleId,
          label: `${titles.get(entry.ruleId) ?? entry.ruleId}（${entry.count}）`,
        }))}
        style={{ minWidth: 180, maxWidth: '100%' }}
      />
      {manager && (
        <Select<string>
          aria-label={t('inspection.findings.filterAgent')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('inspection.findings.allAgents')}
          value={filter.agent}
          onChange={(agent) => onChange({ ...filter, agent: agent ?? undefined })}
          options={(facets?.byAgent ?? []).map((entry) => ({
            value: entry.agent,
            label: `${entry.agent}（${entry.count}）`,
          }))}
          style={{ minWidth: 170 }}
        />
      )}
      {manager && (
        <Select<string>
          aria-label={t('inspection.findings.filterShop')}
          allowClear
          placeholder={t('inspection.run.allShops')}
          value={filter.shopId}
          onChange={(shopId) => onChange({ ...filter, shopId: shopId ?? undefined })}
          options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
          style={{ minWidth: 140 }}
        />
      )}
      <DatePicker.RangePicker
        aria-label={t('inspection.findings.filterPeriod')}
        value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
        onChange={(range) => {
          const [from, to] = range ?? [];
          onChange({ ...filter, from: from?.format(format), to: to?.format(format) });
        }}
      />
    </Flex>
  );
};

/** Counts by rule and by agent of everything the filters match; a click narrows to it. */
export const FindingsSummary = ({
  page,
  filter,
  onChange,
  manager,
}: {
  page: FindingsPage;
  filter: Filter;
  onChange: (filter: Filter) => void;
  manager: boolean;
}) => {
  const rules = useRules();
  const titles = new Map((rules.data ?? []).map((rule) => [rule.id, rule.title]));
  // The strip stays one glance long; the filters list every rule and agent.
  const top = 8;
  return (
    <Flex vertical gap={4} data-testid="findings-summary">
      <Flex gap={4} wrap align="center">
        <Typography.Text type="secondary">{t('inspection.findings.byRule')}：</Typography.Text>
        {page.byRule.slice(0, top).map((entry) => (
          <Tag.CheckableTag
            key={entry.ruleId}
            checked={filter.ruleId === entry.ruleId}
            onChange={(checked) => onChange({ ...filter, ruleId: checked ? entry.ruleId : undefined })}
          >
            {titles.get(entry.ruleId) ?? entry.ruleId} {entry.count}
          </Tag.CheckableTag>
        ))}
      </Flex>
      {manager && (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">{t('inspection.findings.byAgent')}：</Typography.Text>
          {page.byAgent.slice(0, top).map((entry) => (
            <Tag.CheckableTag
              key={entry.agent}
              checked={filter.agent === entry.agent}
              onChange={(checked) => onChange({ ...filter, agent: checked ? entry.agent : undefined })}
            >
              {agentName(entry.agent)}{' '}
              {t('inspection.findings.agentSummary', { count: entry.count, points: entry.points })}
            </Tag.CheckableTag>
          ))}
        </Flex>
      )}
    </Flex>
  );
};
