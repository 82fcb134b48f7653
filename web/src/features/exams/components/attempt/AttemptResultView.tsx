import { CheckCircleFilled, CloseCircleFilled, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { AttemptResultItem, AttemptView, CandidateQuestion } from '../../../../api/exams.api.js';
import { t } from '../../../../i18n/i18n.js';
import { typeColor, typeLabel } from '../../exams.labels.js';
import { AnswerReview } from './AnswerText.js';

const Mark = ({ item }: { item: AttemptResultItem }) => {
  if (item.score === null)
    return (
      <Typography.Text type="secondary">
        <QuestionCircleOutlined /> {t('exams.result.itemPending', { max: item.maxScore })}
      </Typography.Text>
    );
  return (
    <Typography.Text type={item.correct ? 'success' : item.score > 0 ? 'warning' : 'danger'} strong>
      {item.correct ? <CheckCircleFilled /> : <CloseCircleFilled />}{' '}
      {t('exams.result.itemScore', { score: item.score, max: item.maxScore })}
    </Typography.Text>
  );
};

const ItemCard = ({
  question,
  number,
  item,
  answer,
}: {
  question: CandidateQuestion;
  number: number;
  item: AttemptResultItem | undefined;
  answer: unknown;
}) => {
  const released = item !== undefined && 'answerKey' in item;
  return (
    <Card size="small" data-testid="result-item" data-key={question.key}>
      <Flex vertical gap={8}>
        <Flex align="center" gap={8} wrap justify="space-between">
          <Flex align="center" gap={8}>
            <Typography.Text strong>{t('exams.take.navNumber', { number })}</Typography.Text>
            <Tag color={typeColor[question.type]}>{typeLabel(question.type)}</Tag>
          </Flex>
          {item && <Mark item={item} />}
        </Flex>
        <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {question.stem}
        </Typography.Text>
        {question.buyerText && (
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {t('exams.detail.buyer')}：{question.buyerText}
          </Typography.Text>
        )}
        <AnswerReview
          question={question}
          answer={answer}
          answerKey={item?.answerKey}
          keyReleased={released}
        />
        {item?.explanation && (
          <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>
            <Typography.Text strong>{t('exams.detail.explanation')}：</Typography.Text>
            {item.explanation}
          </Typography.Paragraph>
        )}
        {item?.feedback && (
          <Alert type="info" showIcon title={t('exams.result.feedback')} description={item.feedback} />
        )}
      </Flex>
    </Card>
  );
};

const Summary = ({ view }: { view: AttemptView }) => {
  const result = view.result;
  if (!result || result.score === null)
    return (
      <Result
        status="info"
        style={{ padding: '16px 0' }}
        title={t('exams.result.submitted')}
        subTitle={result?.pendingReview ? t('exams.result.pendingReview') : t('exams.result.scoreWithheld')}
      />
    );
  const passed = result.passed;
  return (
    <Result
      status={passed === true ? 'success' : passed === false ? 'warning' : 'info'}
      style={{ padding: '16px 0' }}
      title={
        <span data-testid="result-score">
          {t('exams.result.score', { score: result.score, max: result.maxScore })}
        </span>
      }
      subTitle={
        <Flex vertical gap={4} align="center">
          {passed !== null && (
            <Tag color={passed ? 'success' : 'error'} style={{ fontSize: 14, padding: '2px 10px' }}>
              {passed ? t('exams.result.passed') : t('exams.result.failed')}
            </Tag>
          )}
          {result.pendingReview && <span>{t('exams.result.pendingReview')}</span>}
        </Flex>
      }
    />
  );
};

/** A submitted attempt: the score and pass as far as released, then each question's mark and key. */
export const AttemptResultView = ({ view }: { view: AttemptView }) => {
  const navigate = useNavigate();
  const items = new Map((view.result?.items ?? []).map((item) => [item.key, item]));
  const keyReleased = [...items.values()].some((item) => 'answerKey' in item);
  return (
    <Flex vertical gap={12} data-testid="attempt-result">
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {view.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('exams.result.meta', {
              number: view.number,
              at: view.submittedAt ? dayjs(view.submittedAt).format('YYYY-MM-DD HH:mm') : '—',
            })}
          </Typography.Text>
        </Flex>
        <Button onClick={() => navigate('/exams/mine')}>{t('exams.result.back')}</Button>
      </Flex>
      {view.submittedBy === 'deadline' && (
        <Alert type="warning" showIcon title={t('exams.result.byDeadline')} />
      )}
      <Card>
        <Summary view={view} />
      </Card>
      {!keyReleased && <Alert type="info" showIcon title={t('exams.result.keyWithheld')} />}
      {view.questions.map((question, index) => (
        <ItemCard
          key={question.key}
          question={question}
          number={index + 1}
          item={items.get(question.key)}
          answer={view.answers[question.key]?.answer}
        />
      ))}
    </Flex>
  );
};
