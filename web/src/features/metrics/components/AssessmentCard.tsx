import { Card, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { AssessmentCheck, AssessmentMeasure, PeriodAssessment } from '../../../api/metrics.api.js';
import { t } from '../../../i18n/i18n.js';
import { percent, seconds, yuan } from '../metrics.format.js';

const PassTag = ({ passed }: { passed: boolean }) => (
  <Tag color={passed ? 'success' : 'error'}>
    {passed ? t('metrics.assess.passed') : t('metrics.assess.failed')}
  </Tag>
);

// JD's 待客户反馈率 is the one check where lower is better; a target of 0 is JD's "fewer than 50
// ratings" satisfaction, judged by counting bad ratings rather than against a rate.
const targetText = (check: AssessmentCheck) =>
  check.target === 0 ? '—' : `${check.name === 'awaiting' ? '≤' : '≥'} ${percent(check.target)}`;

const checkColumns = [
  { title: t('metrics.assess.col.check'), dataIndex: 'label', width: 230 },
  {
    title: t('metrics.assess.col.value'),
    key: 'value',
    width: 100,
    render: (_: unknown, check: AssessmentCheck) => (
      <Typography.Text strong>{percent(check.value)}</Typography.Text>
    ),
  },
  {
    title: t('metrics.assess.col.target'),
    key: 'target',
    width: 100,
    render: (_: unknown, check: AssessmentCheck) => targetText(check),
  },
  {
    title: t('metrics.assess.col.parts'),
    key: 'parts',
    width: 110,
    render: (_: unknown, check: AssessmentCheck) => `${check.numerator} / ${check.denominator}`,
  },
  {
    title: t('metrics.assess.col.result'),
    key: 'result',
    width: 130,
    render: (_: unknown, check: AssessmentCheck) =>
      check.denominator === 0 && check.passed ? (
        <Typography.Text type="secondary">{t('metrics.assess.noDenominator')}</Typography.Text>
      ) : (
        <PassTag passed={check.passed} />
      ),
  },
  {
    title: t('metrics.assess.col.toPass'),
    key: 'toPass',
    render: (_: unknown, check: AssessmentCheck) =>
      check.toPass ? <Typography.Text type="danger">{check.toPass}</Typography.Text> : '—',
  },
];

/** A measure's value and its parts in its own unit (rates, seconds, 元, items per buyer). */
const measureText = (measure: AssessmentMeasure): { value: string; parts: string } => {
  const { value, numerator, denominator } = measure;
  if (measure.unit === 'rate') return { value: percent(value), parts: `${numerator} / ${denominator}` };
  if (measure.unit === 'seconds')
    return { value: seconds(value), parts: `${seconds(numerator)} / ${denominator}` };
  if (measure.unit === 'yuan')
    return {
      value: yuan(value === null ? null : Math.round(value * 100) / 100),
      parts: `${yuan(numerator)} / ${denominator}`,
    };
  const items = value === null ? '—' : t('metrics.assess.items', { value: value.toFixed(2) });
  return { value: items, parts: `${numerator} / ${denominator}` };
};

const measureColumns = [
  { title: t('metrics.assess.col.check'), dataIndex: 'label', width: 230 },
  {
    title: t('metrics.assess.col.value'),
    key: 'value',
    width: 100,
    render: (_: unknown, measure: AssessmentMeasure) => measureText(measure).value,
  },
  {
    title: t('metrics.assess.col.parts'),
    key: 'parts',
    render: (_: unknown, measure: AssessmentMeasure) => measureText(measure).parts,
  },
];

/** One platform cycle: the overall verdict, JD's score and tier, and every check with what it would take. */
export const AssessmentCard = ({ assessment }: { assessment: PeriodAssessment }) => {
  const { cycle, tier, score, measures } = assessment;
  return (
    <Card
      size="small"
      data-testid="assessment-card"
      title={
        <Space wrap>
          <span>{t('metrics.assess.cycle', { from: cycle.from, to: cycle.to })}</span>
          <PassTag passed={assessment.passed} />
          {assessment.complete ? null : (
            <Tag color="processing">{t('metrics.assess.running', { to: assessment.to })}</Tag>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {score === undefined ? null : (
          <Space size="large" wrap align="end">
            <Statistic title={t('metrics.assess.score')} value={score} suffix="/ 100" />
            {tier ? (
              <Space>
                <Tag color={tier.passed ? 'success' : 'error'}>
                  {t('metrics.assess.tier', { tier: tier.name })}
                </Tag>
                {tier.penalty > 0 ? (
                  <Typography.Text type="danger">
                    {t('metrics.assess.penalty', { penalty: tier.penalty })}
                  </Typography.Text>
                ) : null}
              </Space>
            ) : null}
          </Space>
        )}
        <Table<AssessmentCheck>
          rowKey="name"
          columns={checkColumns}
          dataSource={assessment.checks}
          size="small"
          pagination={false}
          scroll={{ x: 800 }}
        />
        {measures && measures.length > 0 ? (
          <>
            <Typography.Text strong>
              {t('metrics.assess.measures')}{' '}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                {t('metrics.assess.measuresHint')}
              </Typography.Text>
            </Typography.Text>
            <Table<AssessmentMeasure>
              rowKey="name"
              columns={measureColumns}
              dataSource={measures}
              size="small"
              pagination={false}
              scroll={{ x: 480 }}
            />
          </>
        ) : null}
      </Space>
    </Card>
  );
};
