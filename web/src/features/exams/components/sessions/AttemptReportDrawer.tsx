import { Alert, Card, Collapse, Descriptions, Drawer, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AttemptReport, ReportQuestion } from '../../../../api/exams-admin.api.js';
import { describeError } from '../../../../api/errors.js';
import { useIsMobile } from '../../../../components/useIsMobile.js';
import { t } from '../../../../i18n/i18n.js';
import { typeColor, typeLabel } from '../../exams.labels.js';
import { answerText, keyText } from '../../manage.format.js';
import { useAttemptReport } from '../../manage.queries.js';

const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—');

const scoreTag = (question: ReportQuestion) => {
  if (question.pendingReview) return <Tag color="orange">{t('exams.report.pending')}</Tag>;
  const score = question.score ?? 0;
  const color = score >= question.maxScore ? 'success' : score > 0 ? 'warning' : 'error';
  return <Tag color={color}>{t('exams.report.score', { score, max: question.maxScore })}</Tag>;
};

const QuestionRow = ({ question, index }: { question: ReportQuestion; index: number }) => (
  <Card size="small" data-testid="report-question">
    <Flex gap={6} align="center" wrap style={{ marginBottom: 6 }}>
      <Typography.Text strong>{index + 1}.</Typography.Text>
      <Tag color={typeColor[question.question.type]}>{typeLabel(question.question.type)}</Tag>
      {scoreTag(question)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {question.questionId} · v{question.version}
      </Typography.Text>
    </Flex>
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 6 }}>
      {question.question.stem}
    </Typography.Paragraph>
    {(question.question.type === 'single' || question.question.type === 'multiple') && (
      <ol type="A" style={{ margin: '0 0 6px', paddingLeft: 24 }}>
        {question.question.options.map((option, optionIndex) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are positional (A, B, C …)
          <li key={optionIndex}>{option}</li>
        ))}
      </ol>
    )}
    <Descriptions size="small" column={1} styles={{ label: { width: 88 } }}>
      <Descriptions.Item label={t('exams.report.answer')}>
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {answerText(question.question, question.answer)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('exams.report.key')}>
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{keyText(question.question)}</span>
      </Descriptions.Item>
      {question.autoScore !== null && question.autoScore !== question.score && (
        <Descriptions.Item label={t('exams.report.autoScore')}>{question.autoScore}</Descriptions.Item>
      )}
      {question.feedback && (
        <Descriptions.Item label={t('exams.report.feedback')}>{question.feedback}</Descriptions.Item>
      )}
    </Descriptions>
  </Card>
);

const Header = ({ report }: { report: AttemptReport }) => {
  const { attempt } = report;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('exams.results.candidate')}>
        {attempt.displayName}（{attempt.login}）
      </Descriptions.Item>
      <Descriptions.Item label={t('exams.report.number')}>{attempt.number}</Descriptions.Item>
      <Descriptions.Item label={t('exams.results.score')}>
        {attempt.pendingReview
          ? t('exams.report.pending')
          : t('exams.report.score', { score: attempt.score ?? 0, max: attempt.maxScore })}
      </Descriptions.Item>
      <Descriptions.Item label={t('exams.results.passed')}>
        {attempt.passed === null ? '—' : attempt.passed ? t('exams.results.pass') : t('exams.results.fail')}
      </Descriptions.Item>
      <Descriptions.Item label={t('exams.report.startedAt')}>{time(attempt.startedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('exams.results.submittedAt')}>
        {time(attempt.submittedAt)}
        {attempt.submittedBy === 'deadline' && (
          <Tag style={{ marginLeft: 6 }}>{t('exams.report.byDeadline')}</Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
};

const Events = ({ events }: { events: AttemptReport['events'] }) => {
  const blurs = events.filter((event) => event.kind === 'blur').length;
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'events',
          label: t('exams.report.events', { count: events.length, blurs }),
          children:
            events.length === 0 ? (
              <Typography.Text type="secondary">{t('exams.report.noEvents')}</Typography.Text>
            ) : (
              <Timeline
                items={events.map((event) => ({
                  color: event.kind === 'blur' ? 'red' : event.kind === 'reload' ? 'orange' : 'green',
                  content: `${time(event.at)} ${t(`exams.report.event.${event.kind}`)}`,
                }))}
              />
            ),
        },
      ]}
    />
  );
};

/** 答卷详情: every question of one attempt with the answer given, the key, the score, and tab events. */
export const AttemptReportDrawer = ({
  attemptId,
  onClose,
}: {
  attemptId: string | null;
  onClose: () => void;
}) => {
  const isMobile = useIsMobile();
  const report = useAttemptReport(attemptId);
  return (
    <Drawer
      open={attemptId !== null}
      onClose={onClose}
      title={report.data ? report.data.attempt.examTitle : t('exams.report.title')}
      size={isMobile ? '100%' : 760}
      destroyOnHidden
    >
      {report.isLoading && <Skeleton active />}
      {report.isError && <Alert type="error" showIcon title={describeError(report.error)} />}
      {report.data && (
        <Flex vertical gap={12} data-testid="attempt-report">
          <Header report={report.data} />
          <Events events={report.data.events} />
          {report.data.questions.map((question, index) => (
            <QuestionRow key={question.key} question={question} index={index} />
          ))}
          <Typography.Text type="secondary">{t('exams.detail.audited')}</Typography.Text>
        </Flex>
      )}
    </Drawer>
  );
};
