import { Card, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { AssessmentCheck, AssessmentMeasure, PeriodAssessment } from '../../../api/metrics.api.js';
import { t } from '../../../i18n/i18n.js';
import { percent, seconds, yuan } from '../metrics.format.js';

const PassTag = ({ passed }: { passed: boolean }) => (
  <Tag color={passed ? 'success' : 'error'}>
    {passed ? t('metrics.assess.passed') : t('metrics.assess.failed')}
  </Tag>
);

type Unit = AssessmentMeasure['unit'];

// Waits to a tenth of a second: a shop target of 25 s against a mean of 25.4 s must not read 25 vs 25.
const waitText = (value: number) => (value < 60 ? `${Math.round(value * 10) / 10} 秒` : seconds(value));

/** A value or target in its unit: 85.0%, 25.5 秒, ¥154.32, 1.63 件. */
const amountText = (unit: Unit, value: number | null): string => {
  if (value === null || unit === 'rate') return percent(value);
  if (unit === 'seconds') return waitText(value);
  if (unit === 'yuan') return yuan(Math.round(value * 100) / 100);
  return t('metrics.assess.items', { value: value.toFixed(2) });
};

/** The parts a value came from, in its unit: a total wait or sales over a count. */
const partsText = ({
  unit,
  numerator,
  denominator,
}: Pick<AssessmentCheck, 'unit' | 'numerator' | 'denominator'>) =>
  unit === 'seconds'
    ? `${seconds(numerator)} / ${denominator}`
    : unit === 'yuan'
      ? `${yuan(numerator)} / ${denominator}`
      : `${numerator} / ${denominator}`;

// JD's 待客户反馈率 is lower-is-better like a shop's response-time target; a target of 0 is JD's
// "fewer than 50 ratings" satisfaction, judged by counting bad ratings rather than against a rate.
const targetText = (check: AssessmentCheck) =>
  check.target === 0 && !check.shopTarget
    ? '—'
    : `${check.atMost ? '≤' : '≥'} ${amountText(check.unit, check.target)}`;

/** A check's name; a line the shop set itself is tagged 店铺目标, apart from the platform's rules. */
const CheckLabel = ({ check }: { check: AssessmentCheck }) => (
  <Space size={4} wrap>
    <span>{check.label}</span>
    {check.shopTarget ? (
      <Tooltip title={t('metrics.assess.shopTargetHint')}>
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('metrics.assess.shopTarget')}
        </Tag>
      </Tooltip>
    ) : null}
  </Space>
);

const checkColumns = [
  {
    title: t('metrics.assess.col.check'),
    key: 'label',
    width: 230,
    render: (_: unknown, check: AssessmentCheck) => <CheckLabel check={check} />,
  },
  {
    title: t('metrics.assess.col.value'),
    key: 'value',
    width: 100,
    render: (_: unknown, check: AssessmentCheck) => (
      <Typography.Text strong>{amountText(check.unit, check.value)}</Typography.Text>
    ),
  },
  {
    title: t('metrics.assess.col.target'),
    key: 'target',
    width: 110,
    render: (_: unknown, check: AssessmentCheck) => targetText(check),
  },
  {
    title: t('metrics.assess.col.parts'),
    key: 'parts',
    width: 130,
    render: (_: unknown, check: AssessmentCheck) => partsText(check),
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

const measureColumns = [
  { title: t('metrics.assess.col.check'), dataIndex: 'label', width: 230 },
  {
    title: t('metrics.assess.col.value'),
    key: 'value',
    width: 100,
    render: (_: unknown, measure: AssessmentMeasure) => amountText(measure.unit, measure.value),
  },
  {
    title: t('metrics.assess.col.parts'),
    key: 'parts',
    render: (_: unknown, measure: AssessmentMeasure) => partsText(measure),
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
          scroll={{ x: 840 }}
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
