import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import type { StoredMetricsRow } from '../../../api/metrics.api.js';
import { t } from '../../../i18n/i18n.js';
import type { ResponseBucket } from '../../../../../src/domain/metrics/index.js';
import { bucketLabel, perDay, type Totals } from '../metrics.format.js';
import { type ChartOption, EChart } from './EChart.js';

const trendOption = (dayRows: StoredMetricsRow[], from: string, to: string): ChartOption => {
  const days = perDay(dayRows, from, to);
  const line = (name: string, pick: (totals: Totals) => number, yAxisIndex = 0) => ({
    type: 'line' as const,
    name,
    yAxisIndex,
    smooth: false,
    data: days.map((day) => pick(day.totals)),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 56, top: 56, bottom: 28 },
    xAxis: { type: 'category', data: days.map((day) => day.day.slice(5)) },
    yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
    series: [
      line(t('metrics.series.consulted'), (x) => x.consulted),
      line(t('metrics.series.served'), (x) => x.served),
      line(t('metrics.series.inquiries'), (x) => x.inquiries),
      line(t('metrics.series.paid'), (x) => x.inquiriesPaid),
      line(t('metrics.series.sales'), (x) => x.sales, 1),
    ],
  };
};

const funnelOption = (totals: Totals): ChartOption => ({
  tooltip: { trigger: 'item', formatter: '{b}: {c}' },
  series: [
    {
      type: 'funnel',
      sort: 'none',
      left: '10%',
      width: '80%',
      label: { show: true, position: 'inside', formatter: '{b} {c}' },
      data: [
        { name: t('metrics.funnel.consulted'), value: totals.consulted },
        { name: t('metrics.funnel.inquiries'), value: totals.inquiries },
        { name: t('metrics.funnel.ordered'), value: totals.inquiriesOrdered },
        { name: t('metrics.funnel.paid'), value: totals.inquiriesPaid },
      ],
    },
  ],
});

const responseOption = (distribution: ResponseBucket[]): ChartOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 48, right: 16, top: 16, bottom: 28 },
  xAxis: {
    type: 'category',
    data: distribution.map((bucket, index) => bucketLabel(bucket, distribution[index - 1])),
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    { type: 'bar', name: t('metrics.series.responses'), data: distribution.map((bucket) => bucket.count) },
  ],
});

/** Trend per day, the inquiry funnel and how fast agents answer. */
type Props = {
  dayRows: StoredMetricsRow[];
  totals: Totals;
  distribution: ResponseBucket[];
  from: string;
  to: string;
};

export const MetricsCharts = ({ dayRows, totals, distribution, from, to }: Props) => {
  const trend = useMemo(() => trendOption(dayRows, from, to), [dayRows, from, to]);
  const funnel = useMemo(() => funnelOption(totals), [totals]);
  const response = useMemo(() => responseOption(distribution), [distribution]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={24}>
        <Card size="small" title={t('metrics.chart.trend')}>
          <EChart option={trend} label={t('metrics.chart.trend')} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('metrics.chart.funnel')}>
          <EChart option={funnel} height={240} label={t('metrics.chart.funnel')} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('metrics.chart.response')}>
          <EChart option={response} height={240} label={t('metrics.chart.response')} />
        </Card>
      </Col>
    </Row>
  );
};
