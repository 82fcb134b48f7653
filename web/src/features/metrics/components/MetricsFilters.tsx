import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MetricsFilters as Filters, StoredMetricsRow } from '../../../api/metrics.api.js';
import { t } from '../../../i18n/i18n.js';
import { shopYesterday } from '../metrics.format.js';
import { useMetricsShops, useMetricsTeams } from '../queries.js';

const format = 'YYYY-MM-DD';

/** The date-range presets: full days up to yesterday. */
export const rangePresets = () => {
  const yesterday = shopYesterday();
  return [
    { label: t('metrics.preset.yesterday'), value: [yesterday, yesterday] as [Dayjs, Dayjs] },
    { label: t('metrics.preset.last7'), value: [yesterday.subtract(6, 'day'), yesterday] as [Dayjs, Dayjs] },
    {
      label: t('metrics.preset.last30'),
      value: [yesterday.subtract(29, 'day'), yesterday] as [Dayjs, Dayjs],
    },
  ];
};

type Props = {
  filters: Filters;
  onChange: (filters: Filters) => void;
  agents: StoredMetricsRow[];
  manager: boolean;
};

/** Shop, team, agent and period of the dashboard. */
export const MetricsFilters = ({ filters, onChange, agents, manager }: Props) => {
  const shops = useMetricsShops(manager);
  const teams = useMetricsTeams(manager);
  const agentOptions = [
    ...new Map(
      agents.filter((row) => row.agent).map((row) => [row.agent ?? '', row.displayName ?? row.agent ?? '']),
    ).entries(),
  ].map(([value, label]) => ({ value, label: label === value ? value : `${label}（${value}）` }));
  return (
    <Space wrap>
      {manager ? (
        <Select<string>
          aria-label={t('metrics.filter.shop')}
          allowClear
          placeholder={t('metrics.filter.allShops')}
          value={filters.shopId}
          onChange={(shopId) => onChange({ ...filters, shopId: shopId ?? undefined })}
          options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
          style={{ minWidth: 160 }}
        />
      ) : null}
      {manager ? (
        <Select<string>
          aria-label={t('metrics.filter.team')}
          allowClear
          placeholder={t('metrics.filter.allTeams')}
          value={filters.teamId}
          onChange={(teamId) => onChange({ ...filters, teamId: teamId ?? undefined })}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          style={{ minWidth: 130 }}
        />
      ) : null}
      <Select<string>
        aria-label={t('metrics.filter.agent')}
        allowClear
        showSearch
        placeholder={t('metrics.filter.allAgents')}
        value={filters.agent}
        onChange={(agent) => onChange({ ...filters, agent: agent ?? undefined })}
        options={agentOptions}
        style={{ minWidth: 180 }}
      />
      <DatePicker.RangePicker
        aria-label={t('metrics.filter.range')}
        allowClear={false}
        value={[dayjs(filters.from), dayjs(filters.to)]}
        presets={rangePresets()}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) onChange({ ...filters, from: from.format(format), to: to.format(format) });
        }}
      />
    </Space>
  );
};
