import { Descriptions, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MetricSettingsVersion, ShopMetricSettings } from '../../../api/metrics-settings.api.js';
import { t } from '../../../i18n/i18n.js';
import {
  changedKeys,
  fieldLabel,
  sameValue,
  settingsFields,
  settingsGroups,
  valueAt,
  valueText,
} from '../settings.fields.js';

/** The values in force today, by group, each marked 店铺设置 or 默认. */
export const CurrentSettings = ({ view }: { view: ShopMetricSettings }) => (
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
          .filter((field) => field.group === group)
          .map((field) => {
            const value = valueAt(view.current.settings, field.key);
            const own = !sameValue(value, valueAt(view.preset, field.key));
            return {
              key: field.key,
              label: fieldLabel(field.key),
              children: (
                <Flex gap={8} align="start" justify="space-between" wrap>
                  <Typography.Text style={{ wordBreak: 'break-all' }}>
                    {valueText(field.key, value)}
                  </Typography.Text>
                  <Tag color={own ? 'blue' : 'default'}>
                    {own ? t('metrics.settings.own') : t('metrics.settings.default')}
                  </Tag>
                </Flex>
              ),
            };
          })}
      />
    ))}
  </Flex>
);

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
    render: (_: unknown, version) => {
      const changes = changedKeys(version.overrides);
      if (changes.length === 0)
        return <Typography.Text type="secondary">{t('metrics.settings.noChanges')}</Typography.Text>;
      return (
        <Flex vertical gap={2}>
          {changes.map(([key, value]) => (
            <Typography.Text key={key} style={{ wordBreak: 'break-all' }}>
              {fieldLabel(key)}：{valueText(key, value)}
            </Typography.Text>
          ))}
        </Flex>
      );
    },
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

/** Every version of the shop, newest first. */
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
