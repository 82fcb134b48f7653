import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { t } from '../../../i18n/i18n.js';
import { percent, seconds, type Totals, yuan } from '../metrics.format.js';

/** The eight headline numbers of the period; each rate shows its numerator and denominator. */
export const KpiCards = ({ totals }: { totals: Totals }) => {
  const cards = [
    { key: 'consulted', title: t('metrics.kpi.consulted'), value: String(totals.consulted) },
    { key: 'served', title: t('metrics.kpi.served'), value: String(totals.served) },
    {
      key: 'replyRate',
      title: t('metrics.kpi.replyRate'),
      value: percent(totals.replyRate),
      note: t('metrics.kpi.parts', { part: totals.served, whole: totals.consulted }),
    },
    {
      key: 'avgResponse',
      title: t('metrics.kpi.avgResponse'),
      value: seconds(totals.avgResponseSec),
      tip: t('metrics.kpi.weighted'),
    },
    {
      key: 'conversion',
      title: t('metrics.kpi.conversion'),
      value: percent(totals.conversion),
      note: t('metrics.kpi.parts', { part: totals.inquiriesPaid, whole: totals.inquiries }),
    },
    { key: 'sales', title: t('metrics.kpi.sales'), value: yuan(totals.sales) },
    {
      key: 'aov',
      title: t('metrics.kpi.aov'),
      value: yuan(totals.aov === null ? null : Math.round(totals.aov * 100) / 100),
    },
    {
      key: 'satisfaction',
      title: t('metrics.kpi.satisfaction'),
      value: percent(totals.satisfaction),
      tip: t('metrics.kpi.weighted'),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={12} md={6}>
          <Card size="small" data-testid={`kpi-${card.key}`}>
            <Tooltip title={card.tip}>
              <Statistic title={card.title} value={card.value} />
            </Tooltip>
            {card.note ? <div style={{ color: '#8c8c8c', fontSize: 12 }}>{card.note}</div> : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
};
