import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { ExamResults as Results } from '../../../../api/exams-admin.api.js';
import { QueryError } from '../../../../components/QueryError.js';
import { t } from '../../../../i18n/i18n.js';
import { type ChartOption, EChart } from '../../../metrics/components/EChart.js';
import { percent } from '../../manage.format.js';
import { useExamResults } from '../../manage.queries.js';
import { AttemptReportDrawer } from './AttemptReportDrawer.js';
import { CandidatesTable } from './CandidatesTable.js';
import { EditExamDialog } from './EditExamDialog.js';
import { ItemAnalysisTable } from './ItemAnalysisTable.js';

// Bins of a paper worth, say, 8 points are 0.8 wide: labels keep one decimal.
const bound = (value: number) => String(Math.round(value * 10) / 10);

const distributionOption = (results: Results): ChartOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 40, right: 16, top: 16, bottom: 28 },
  xAxis: {
    type: 'category',
    data: results.distribution.map((bin) => `${bound(bin.from)}–${bound(bin.to)}`),
    axisLabel: { hideOverlap: true, fontSize: 11 },
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    {
      type: 'bar',
      name: t('exams.results.candidates'),
      data: results.distribution.map((bin) => bin.count),
    },
  ],
});

const Summary = ({ results }: { results: Results }) => {
  const { exam } = results;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('exams.results.assigned')} value={exam.assigned} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('exams.results.submitted')}
            value={exam.submitted}
            suffix={`/ ${exam.assigned}`}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="pass-rate">
          <Statistic title={t('exams.sessions.passRate')} value={percent(results.passRate)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('exams.results.average')} value={results.averageScore ?? '—'} />
        </Card>
      </Col>
    </Row>
  );
};

/** One exam's results: progress, pass rate, the score distribution, candidates and 试题分析. */
export const ExamResults = ({ examId, onBack }: { examId: string; onBack: () => void }) => {
  const results = useExamResults(examId);
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [tab, setTab] = useState('candidates');
  const [editing, setEditing] = useState(false);
  const data = results.data;
  const option = useMemo(() => (data ? distributionOption(data) : null), [data]);
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={onBack}
      style={{ paddingInline: 0, alignSelf: 'flex-start' }}
    >
      {t('exams.results.back')}
    </Button>
  );
  if (results.isError)
    return (
      <Flex vertical gap={8}>
        {back}
        <QueryError error={results.error} onRetry={() => results.refetch()} />
      </Flex>
    );
  if (!data || !option) return <Skeleton active />;
  const graded = data.distribution.reduce((sum, bin) => sum + bin.count, 0);
  return (
    <Flex vertical gap={12} data-testid="exam-results">
      {back}
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {data.exam.title}
        </Typography.Title>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('exams.sessions.edit')}
        </Button>
      </Flex>
      <Flex vertical style={{ marginTop: -8 }}>
        <Typography.Text type="secondary">
          {t('exams.results.subtitle', {
            paper: data.exam.paperTitle,
            from: dayjs(data.exam.opensAt).format('YYYY-MM-DD HH:mm'),
            to: dayjs(data.exam.closesAt).format('YYYY-MM-DD HH:mm'),
          })}
        </Typography.Text>
      </Flex>
      <Summary results={data} />
      <Card size="small" title={t('exams.results.distribution')} data-testid="score-distribution">
        {graded === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exams.results.noScores')} />
        ) : (
          <EChart option={option} height={240} label={t('exams.results.distribution')} />
        )}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'candidates',
            label: t('exams.results.candidatesTab', { count: data.candidates.length }),
            children: <CandidatesTable candidates={data.candidates} onOpen={setAttemptId} />,
          },
          {
            key: 'analysis',
            label: t('exams.results.analysisTab'),
            children: <ItemAnalysisTable examId={examId} />,
          },
        ]}
      />
      <AttemptReportDrawer attemptId={attemptId} onClose={() => setAttemptId(null)} />
      <EditExamDialog exam={data.exam} open={editing} onClose={() => setEditing(false)} />
    </Flex>
  );
};
