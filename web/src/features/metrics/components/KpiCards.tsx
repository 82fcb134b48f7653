import { Card, Col, Row, Statistic } from 'antd';
import { t } from '../../../i18n/i18n.js';
import { noValue, percent, seconds, type Totals, yuan } from '../metrics.format.js';
import { DrillNumber } from './DrillNumber.js';
import type { Drill } from './ExplainDrawer.js';

/**
 * The eight headline numbers of the period; each rate shows its numerator and denominator, and
 * each number opens the buyers behind it (every agent the filters keep).
 */
export const KpiCards = ({ totals, onDrill }: { totals: Totals; onDrill: (drill: Drill) => void }) => {
  const cards = [
    { metric: 'consulted', title: t('metrics.kpi.consulted'), value: String(totals.consulted) },
    { metric: 'served', title: t('metrics.kpi.served'), value: String(totals.served) },
    {
      metric: 'replyRate',
      title: t('metrics.kpi.replyRate'),
      value: percent(totals.replyRate),
      note: t('metrics.kpi.parts', { part: totals.served, whole: totals.consulted }),
    },
    { metric: 'avgResponseSec', title: t('metrics.kpi.avgResponse'), value: seconds(totals.avgResponseSec) },
    {
      metric: 'conversion',
      title: t('metrics.kpi.conversion'),
      value: percent(totals.conversion),
      note: t('metrics.kpi.parts', { part: totals.inquiriesPaid, whole: totals.inquiries }),
    },
    { metric: 'sales', title: t('metrics.kpi.sales'), value: yuan(totals.sales) },
    {
      metric: 'aov',
      title: t('metrics.kpi.aov'),
      value: yuan(totals.aov === null ? null : Math.round(totals.aov * 100) / 100),
    },
    {
      metric: 'satisfaction',
      title: t('metrics.kpi.satisfaction'),
      value: percent(totals.satisfaction),
      note: t('metrics.kpi.parts', { part: totals.ratedGood, whole: totals.rated }),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((card) => (
        <Col key={card.metric} xs={12} sm={12} md={6}>
          <Card size="small" data-testid={`kpi-${card.metric}`}>
            <Statistic
              title={card.title}
              value={card.value}
              valueRender={(node) =>
                card.value === noValue ? (
                  node
                ) : (
                  <DrillNumber
                    label={`${t('metrics.filter.allAgents')} ${card.title}`}
                    onClick={() => onDrill({ metric: card.metric, label: card.title })}
                  >
                    {node}
                  </DrillNumber>
                )
              }
            />
            {card.note ? <div style={{ color: '#8c8c8c', fontSize: 12 }}>{card.note}</div> : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
};
