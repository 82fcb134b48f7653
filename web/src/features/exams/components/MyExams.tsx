import { App, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { describeError } from '../../../api/errors.js';
import type { MyExam } from '../../../api/exams.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useMyExams, useStartAttempt } from '../candidate.queries.js';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

const statusTag = (exam: MyExam) => {
  if (exam.activeAttemptId) return <Tag color="processing">{t('exams.mine.inProgress')}</Tag>;
  if (exam.status === 'upcoming') return <Tag>{t('exams.mine.upcoming')}</Tag>;
  if (exam.status === 'closed') return <Tag color="default">{t('exams.mine.closed')}</Tag>;
  return <Tag color="green">{t('exams.mine.open')}</Tag>;
};

const attemptsText = (exam: MyExam) =>
  exam.attemptsAllowed === 0
    ? t('exams.mine.attemptsUnlimited', { used: exam.attemptsUsed })
    : t('exams.mine.attempts', { used: exam.attemptsUsed, allowed: exam.attemptsAllowed });

const bestText = (exam: MyExam) => {
  if (!exam.best) return null;
  if (exam.best.score === null)
    return <Typography.Text type="secondary">{t('exams.mine.bestWithheld')}</Typography.Text>;
  return (
    <Flex align="center" gap={6} wrap>
      <Typography.Text>
        {t('exams.mine.best', { score: exam.best.score, total: exam.totalPoints })}
      </Typography.Text>
      {exam.best.passed === true && <Tag color="success">{t('exams.result.passed')}</Tag>}
      {exam.best.passed === false && <Tag color="error">{t('exams.result.failed')}</Tag>}
      {exam.best.passed === null && <Tag>{t('exams.mine.pendingReview')}</Tag>}
    </Flex>
  );
};

const canStart = (exam: MyExam) =>
  exam.status === 'open' &&
  !exam.activeAttemptId &&
  (exam.attemptsAllowed === 0 || exam.attemptsUsed < exam.attemptsAllowed);

const ExamCard = ({ exam }: { exam: MyExam }) => {
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const start = useStartAttempt();
  const open = (attemptId: string) => navigate(`/exams/attempt/${attemptId}`);
  const confirmStart = () =>
    modal.confirm({
      title: t('exams.mine.startTitle', { title: exam.title }),
      content: (
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          <li>{t('exams.mine.ruleTime', { minutes: exam.timeLimitMinutes })}</li>
          <li>
            {t('exams.mine.ruleScore', {
              count: exam.questionCount,
              total: exam.totalPoints,
              pass: exam.passMark,
            })}
          </li>
          <li>{t('exams.mine.ruleSave')}</li>
          <li>{t('exams.mine.ruleLeave')}</li>
        </ul>
      ),
      okText: t('exams.mine.startOk'),
      cancelText: t('exams.take.submitCancel'),
      onOk: () =>
        start.mutateAsync(exam.id).then(
          (loaded) => open(loaded.view.id),
          (error: unknown) => {
            message.error(describeError(error));
          },
        ),
    });
  return (
    <Card size="small" data-testid="my-exam" data-exam-id={exam.id}>
      <Flex vertical gap={8}>
        <Flex align="flex-start" justify="space-between" gap={8}>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 16, overflowWrap: 'anywhere' }}>
              {exam.title}
            </Typography.Text>
            {exam.paperTitle !== exam.title && (
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {exam.paperTitle}
              </Typography.Text>
            )}
          </Flex>
          {statusTag(exam)}
        </Flex>
        <Typography.Text type="secondary">
          {t('exams.mine.window', { from: when(exam.opensAt), to: when(exam.closesAt) })}
        </Typography.Text>
        <Flex gap={16} wrap>
          <Typography.Text>{t('exams.mine.timeLimit', { minutes: exam.timeLimitMinutes })}</Typography.Text>
          <Typography.Text>
            {t('exams.mine.paper', {
              count: exam.questionCount,
              total: exam.totalPoints,
              pass: exam.passMark,
            })}
          </Typography.Text>
          <Typography.Text>{attemptsText(exam)}</Typography.Text>
        </Flex>
        {bestText(exam)}
        <Flex gap={8} wrap>
          {exam.activeAttemptId && (
            <Button type="primary" onClick={() => open(exam.activeAttemptId as string)}>
              {t('exams.mine.continue')}
            </Button>
          )}
          {canStart(exam) && (
            <Button type="primary" loading={start.isPending} onClick={confirmStart}>
              {exam.attemptsUsed > 0 ? t('exams.mine.retake') : t('exams.mine.start')}
            </Button>
          )}
          {exam.lastAttemptId && exam.lastAttemptId !== exam.activeAttemptId && (
            <Button onClick={() => open(exam.lastAttemptId as string)}>{t('exams.mine.viewResult')}</Button>
          )}
          {exam.status === 'upcoming' && (
            <Typography.Text type="secondary">
              {t('exams.mine.opensAt', { at: when(exam.opensAt) })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </Card>
  );
};

const statusRank: Record<MyExam['status'], number> = { open: 0, upcoming: 1, closed: 2 };

/** 我的考试: the exams assigned to me — the one in progress, then open ones closing soonest — and what I can do next. */
export const MyExams = () => {
  const exams = useMyExams();
  if (exams.isError) return <QueryError error={exams.error} onRetry={() => exams.refetch()} />;
  if (exams.isPending) return <Skeleton active />;
  const list = [...exams.data.exams].sort(
    (a, b) =>
      Number(Boolean(b.activeAttemptId)) - Number(Boolean(a.activeAttemptId)) ||
      statusRank[a.status] - statusRank[b.status] ||
      Date.parse(a.closesAt) - Date.parse(b.closesAt),
  );
  if (list.length === 0)
    return (
      <Empty description={t('exams.mine.empty')} style={{ margin: '48px 0' }} data-testid="my-exams-empty" />
    );
  return (
    <Flex vertical gap={12} data-testid="my-exams">
      {list.map((exam) => (
        <ExamCard key={exam.id} exam={exam} />
      ))}
    </Flex>
  );
};
