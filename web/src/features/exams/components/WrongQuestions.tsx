import { App, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../../api/errors.js';
import type {
  CandidateAnswer,
  CandidateQuestion,
  PracticeResult,
  WrongQuestion,
} from '../../../api/exams.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { answerState } from '../attempt.answers.js';
import { usePractice, useWrongQuestions } from '../candidate.queries.js';
import { typeColor, typeLabel } from '../exams.labels.js';
import { AnswerInput } from './attempt/AnswerInput.js';
import { AnswerReview } from './attempt/AnswerText.js';

/** A 错题本 entry as the answer components read it (options in the bank's order, no key of its own). */
const asQuestion = (item: WrongQuestion): CandidateQuestion => ({
  key: item.questionId,
  type: item.type,
  stem: item.stem,
  points: 0,
  ...(item.options ? { options: item.options } : {}),
  ...(item.blanks !== undefined ? { blanks: item.blanks } : {}),
  ...(item.buyerText ? { buyerText: item.buyerText } : {}),
  ...(item.material ? { material: item.material } : {}),
  ...(item.subQuestions ? { subQuestions: item.subQuestions } : {}),
});

type Mode = 'idle' | 'practice' | 'review';

const Verdict = ({ result }: { result: PracticeResult }) => (
  <Tag
    color={result.correct ? 'success' : 'error'}
    style={{ fontSize: 14, padding: '2px 10px', alignSelf: 'flex-start' }}
  >
    {result.correct
      ? t('exams.wrong.correct')
      : t('exams.wrong.incorrect', { score: result.score, max: result.maxScore })}
  </Tag>
);

const WrongCard = ({ item }: { item: WrongQuestion }) => {
  const question = asQuestion(item);
  const { message } = App.useApp();
  const practice = usePractice();
  const [mode, setMode] = useState<Mode>('idle');
  const [answer, setAnswer] = useState<CandidateAnswer>(null);
  const [result, setResult] = useState<PracticeResult | null>(null);
  const restart = () => {
    setAnswer(null);
    setResult(null);
    setMode('practice');
  };
  const check = () =>
    practice.mutate(
      { questionId: item.questionId, answer },
      { onSuccess: setResult, onError: (error) => message.error(describeError(error)) },
    );
  return (
    <Card size="small" data-testid="wrong-question" data-question-id={item.questionId}>
      <Flex vertical gap={8}>
        <Flex align="center" gap={8} wrap>
          <Tag color={typeColor[item.type]} style={{ marginInlineEnd: 0 }}>
            {typeLabel(item.type)}
          </Tag>
          <Typography.Text type="secondary">
            {t('exams.wrong.meta', {
              count: item.wrongCount,
              at: dayjs(item.lastWrongAt).format('YYYY-MM-DD'),
            })}
          </Typography.Text>
        </Flex>
        <Typography.Text style={{ fontSize: 15, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.stem}
        </Typography.Text>
        {mode === 'practice' &&
          (result === null ? (
            <Flex vertical gap={8}>
              <AnswerInput question={question} answer={answer} onChange={setAnswer} />
              <Flex gap={8} wrap>
                <Button
                  type="primary"
                  loading={practice.isPending}
                  disabled={answerState(question, answer) === 'empty'}
                  onClick={check}
                >
                  {t('exams.wrong.check')}
                </Button>
                <Button onClick={() => setMode('idle')}>{t('exams.wrong.cancel')}</Button>
              </Flex>
            </Flex>
          ) : (
            <Flex vertical gap={8}>
              <Verdict result={result} />
              <AnswerReview question={question} answer={answer} answerKey={result.answerKey} keyReleased />
              {result.explanation && <Explanation text={result.explanation} />}
              <Button style={{ alignSelf: 'flex-start' }} onClick={restart}>
                {t('exams.wrong.again')}
              </Button>
            </Flex>
          ))}
        {mode === 'review' && (
          <>
            <AnswerReview
              question={question}
              answer={item.yourAnswer}
              answerKey={item.answerKey}
              keyReleased
            />
            {item.explanation && <Explanation text={item.explanation} />}
          </>
        )}
        {mode !== 'practice' && (
          <Flex gap={8} wrap>
            <Button type="primary" ghost onClick={restart}>
              {t('exams.wrong.practise')}
            </Button>
            <Button onClick={() => setMode(mode === 'review' ? 'idle' : 'review')}>
              {mode === 'review' ? t('exams.wrong.hide') : t('exams.wrong.show')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
};

const Explanation = ({ text }: { text: string }) => (
  <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>
    <Typography.Text strong>{t('exams.detail.explanation')}：</Typography.Text>
    {text}
  </Typography.Paragraph>
);

/** 错题本: questions I got wrong in exams whose key is out, to look at again or answer again (练习). */
export const WrongQuestions = () => {
  const wrong = useWrongQuestions();
  if (wrong.isError) return <QueryError error={wrong.error} onRetry={() => wrong.refetch()} />;
  if (wrong.isPending) return <Skeleton active />;
  if (wrong.data.items.length === 0)
    return (
      <Empty description={t('exams.wrong.empty')} style={{ margin: '48px 0' }} data-testid="wrong-empty" />
    );
  return (
    <Flex vertical gap={12} data-testid="wrong-questions">
      <Typography.Text type="secondary">
        {t('exams.wrong.help', { count: wrong.data.items.length })}
      </Typography.Text>
      {wrong.data.items.map((item) => (
        <WrongCard key={item.questionId} item={item} />
      ))}
    </Flex>
  );
};
