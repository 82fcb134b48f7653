import { Descriptions, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MetricSettingsVersion, ShopMetricSettings } from '../../../api/metrics-settings.api.js';
import { t } from '../../../i18n/i18n.js';
import {
  assessedPlatforms,
  fieldLabel,
  sameValue,
  settingsFields,
  settingsGroups,
  valueAt,
  valueText,
} from '../settings.fields.js';
import { settingsChanges } from '../settings.values.js';

/**
 * The values in force today, by group, each marked 店铺设置 or 默认; of 平台考核 only the shop's
 * own platform (the others do not assess it; the form shows them all).
 */
export const CurrentSettings = ({ view }: { view: ShopMetricSettings }) => {
  const own = assessedPlatforms(view.shop.platform)[0];
  return (
    <Flex vertical gap={12} data-testid="metrics-settings-current">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('metrics.settings.current', { date: view.today })}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
          {view.current.effectiveFrom
            ? t('metrics.settings.currentFrom', { date: view.current.effectiveFrom })
            : t('metrics.settings.currentDefault')}
        </Typography.Text>
      </Typography.Title>
      {settingsGroups.map((group) => (
        <Descriptions
          key={group}
          size="small"
          bordered
          title={t(`metrics.settings.group.${group}`)}
          column={{ xs: 1, md: 2 }}
          items={settingsFields
            .filter(
              (field) => field.group === group && (field.platform === undefined || field.platform === own),
            )
            .map((field) => {
              const value = valueAt(view.current.settings, field.key);
              const mine = !sameValue(value, valueAt(view.preset, field.key));
              return {
                key: field.key,
                label: fieldLabel(field.key),
                span: field.kind === 'teams' || field.kind === 'tiers' ? ('filled' as const) : undefined,
                children: (
                  <Flex gap={8} align="start" justify="space-between">
                    <Typography.Text style={{ wordBreak: 'break-word', minWidth: 0 }}>
                      {valueText(field.key, value)}
                    </Typography.Text>
                    <Tag color={mine ? 'blue' : 'default'} style={{ flex: 'none', marginInlineEnd: 0 }}>
                      {mine ? t('metrics.settings.own') : t('metrics.settings.default')}
                    </Tag>
                  </Flex>
                ),
              };
            })}
        />
      ))}
    </Flex>
  );
};

/** What a version changed against what was in force before it on that day: `label：old → new`. */
const Changes = ({ version, first }: { version: MetricSettingsVersion; first: boolean }) => {
  const changes = settingsChanges(version.previous, version.settings);
  if (changes.length === 0)
    return (
      <Typography.Text type="secondary">
        {Object.keys(version.overrides).length === 0
          ? t('metrics.settings.noChanges')
          : t('metrics.settings.sameAsBefore')}
      </Typography.Text>
    );
  return (
    <Flex vertical gap={2}>
      {first ? (
        <Typography.Text type="secondary">{t('metrics.settings.firstVersion')}</Typography.Text>
      ) : null}
      {changes.map((change) => (
        <Typography.Text key={change.key} style={{ wordBreak: 'break-word' }} data-change={change.key}>
          {change.label}：<Typography.Text type="secondary">{change.before}</Typography.Text> → {change.after}
        </Typography.Text>
      ))}
    </Flex>
  );
};

const columns = (view: ShopMetricSettings): TableColumnsType<MetricSettingsVersion> => [
  {
    title: t('metrics.settings.effectiveFrom'),
    dataIndex: 'effectiveFrom',
    width: 150,
    render: (day: string) => (
      <Flex gap={6} align="center" wrap>
        {day}
        {day === view.current.effectiveFrom ? <Tag color="green">{t('metrics.settings.inForce')}</Tag> : null}
        {day > view.today ? <Tag color="orange">{t('metrics.settings.upcoming')}</Tag> : null}
      </Flex>
    ),
  },
  {
    title: t('metrics.settings.changes'),
    key: 'changes',
    render: (_: unknown, version) => (
      <Changes version={version} first={version.effectiveFrom === view.versions[0]?.effectiveFrom} />
    ),
  },
  {
    title: t('metrics.settings.savedBy'),
    key: 'savedBy',
    width: 120,
    render: (_: unknown, version) => version.createdByName ?? t('metrics.settings.cli'),
  },
  {
    title: t('metrics.settings.savedAt'),
    dataIndex: 'createdAt',
    width: 150,
    render: (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm'),
  },
];

/** Every version of the shop, newest first, each with what it changed. */
export const SettingsVersions = ({ view }: { view: ShopMetricSettings }) => (
  <Flex vertical gap={8}>
    <Typography.Title level={5} style={{ margin: 0 }}>
      {t('metrics.settings.versions')}
    </Typography.Title>
    <Table<MetricSettingsVersion>
      data-testid="metrics-settings-versions"
      rowKey="effectiveFrom"
      size="small"
      columns={columns(view)}
      dataSource={[...view.versions].reverse()}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description={t('metrics.settings.noVersions')} /> }}
    />
  </Flex>
);
