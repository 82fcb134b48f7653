import { FlagFilled, FlagOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { CandidateAnswer, CandidateQuestion } from '../../../../api/exams.api.js';
import { t } from '../../../../i18n/i18n.js';
import { typeColor, typeLabel } from '../../exams.labels.js';
import { AnswerInput } from './AnswerInput.js';

/** One question of the attempt: number, type, points, 标记 and the answer input. */
export const QuestionCard = ({
  question,
  number,
  answer,
  flagged,
  unsaved,
  onAnswer,
  onToggleFlag,
}: {
  question: CandidateQuestion;
  number: number;
  answer: CandidateAnswer | undefined;
  flagged: boolean;
  unsaved: boolean;
  onAnswer: (answer: CandidateAnswer) => void;
  onToggleFlag: () => void;
}) => (
  <Card
    data-testid="attempt-question"
    data-key={question.key}
    data-type={question.type}
    id={`question-${question.key}`}
    styles={{ body: { padding: 16 } }}
    title={
      <Flex align="center" gap={8} wrap style={{ padding: '8px 0' }}>
        <Typography.Text strong>{t('exams.take.navNumber', { number })}</Typography.Text>
        <Tag color={typeColor[question.type]} style={{ marginInlineEnd: 0 }}>
          {typeLabel(question.type)}
        </Tag>
        <Typography.Text type="secondary">
          {t('exams.take.points', { points: question.points })}
        </Typography.Text>
        {unsaved && <Tag color="warning">{t('exams.take.unsavedMark')}</Tag>}
      </Flex>
    }
    extra={
      <Button
        type={flagged ? 'primary' : 'default'}
        danger={flagged}
        ghost={flagged}
        size="small"
        icon={flagged ? <FlagFilled /> : <FlagOutlined />}
        aria-pressed={flagged}
        onClick={onToggleFlag}
      >
        {flagged ? t('exams.take.unflag') : t('exams.take.flag')}
      </Button>
    }
  >
    <Typography.Paragraph style={{ fontSize: 16, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {question.stem}
    </Typography.Paragraph>
    <AnswerInput question={question} answer={answer} onChange={onAnswer} />
  </Card>
);
