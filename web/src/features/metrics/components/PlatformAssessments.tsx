import { Alert, DatePicker, Empty, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useAssessments } from '../assessments.queries.js';
import { shopYesterday } from '../metrics.format.js';
import { useMetricsShops } from '../queries.js';
import { AssessmentCard } from './AssessmentCard.js';
import { NoDataYet } from './NoDataYet.js';
import { rangePresets } from './MetricsFilters.js';

const format = 'YYYY-MM-DD';
const assessed = new Set(['pdd', 'douyin', 'jd']);

/**
 * 平台考核 (managers): one shop's platform checks over the dashboard's kind of period — PDD over the
 * days picked, Douyin per half-month and JD per month around them — with 达标/未达标 and 还需 ….
 */
export const PlatformAssessments = () => {
  const shops = useMetricsShops(true);
  const [chosen, setChosen] = useState<string | undefined>();
  const [range, setRange] = useState(() => {
    const yesterday = shopYesterday();
    return { from: yesterday.subtract(6, 'day').format(format), to: yesterday.format(format) };
  });
  const list = shops.data ?? [];
  // The first shop a platform assesses, until one is picked.
  const shopId = chosen ?? list.find((shop) => assessed.has(shop.platform))?.id ?? list[0]?.id;
  const shop = list.find((one) => one.id === shopId);
  const query = useAssessments(shop && assessed.has(shop.platform) ? { shopId: shop.id, ...range } : null);
  if (shops.isError) return <QueryError error={shops.error} onRetry={() => void shops.refetch()} />;
  const result = query.data?.shop.id === shopId ? query.data : undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select<string>
          aria-label={t('metrics.filter.shop')}
          placeholder={t('metrics.assess.pickShop')}
          value={shopId}
          onChange={setChosen}
          loading={shops.isPending}
          options={list.map((one) => ({
            value: one.id,
            label: `${one.name}（${t(`platform.${one.platform}`)}）`,
          }))}
          // The list is as wide as the picker: a long shop name is cut, never wider than a phone.
          style={{ minWidth: 220, maxWidth: 420 }}
        />
        <DatePicker.RangePicker
          aria-label={t('metrics.filter.range')}
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          presets={rangePresets()}
          onChange={(picked) => {
            const [from, to] = picked ?? [];
            if (from && to) setRange({ from: from.format(format), to: to.format(format) });
          }}
        />
      </Space>
      <Alert type="info" showIcon title={t('metrics.assess.intro')} />
      {shops.data && list.length === 0 ? <Empty description={t('metrics.assess.noShops')} /> : null}
      {shop && !assessed.has(shop.platform) ? (
        <Empty description={t('metrics.assess.noAssessment', { platform: t(`platform.${shop.platform}`) })} />
      ) : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isFetching && !result ? <Spin /> : null}
      {result && !result.hasData ? (
        <NoDataYet
          testId="assessments-empty"
          title="metrics.assess.empty"
          body="metrics.assess.emptyBody"
          canImport
        />
      ) : null}
      {result?.hasData ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }} ellipsis={{ tooltip: result.shop.name }}>
            {result.shop.name}
          </Typography.Title>
          {result.assessments.map((item) => (
            <AssessmentCard key={`${item.from}/${item.to}`} assessment={item} />
          ))}
        </>
      ) : null}
    </Space>
  );
};
