import { CheckCircleFilled } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { Question } from '../../../api/questions.api.js';
import { t } from '../../../i18n/i18n.js';
import { letter, tagLabel, typeColor, typeLabel } from '../exams.labels.js';

const Heading = ({ children }: { children: string }) => (
  <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
    {children}
  </Typography.Text>
);

const Options = ({ options, answer }: { options: string[]; answer: number[] }) => (
  <ol style={{ listStyle: 'none', paddingLeft: 0, margin: '4px 0' }} data-testid="question-options">
    {options.map((option, index) => {
      const correct = answer.includes(index);
      return (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: options are positional (A, B, C …)
          key={index}
          data-correct={correct}
          style={{
            display: 'flex',
            gap: 8,
            padding: '4px 8px',
            borderRadius: 6,
            marginBottom: 4,
            background: correct ? '#f6ffed' : undefined,
            border: `1px solid ${correct ? '#b7eb8f' : '#f0f0f0'}`,
          }}
        >
          <strong>{letter(index)}.</strong>
          <span style={{ flex: 1, overflowWrap: 'anywhere' }}>{option}</span>
          {correct && (
            <Typography.Text type="success">
              <CheckCircleFilled /> {t('exams.detail.correct')}
            </Typography.Text>
          )}
        </li>
      );
    })}
  </ol>
);

const Rubric = ({ rubric }: { rubric: { label: string; points: number; keywords: string[] }[] }) => (
  <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
    {rubric.map((item) => (
      <li key={item.label}>
        {t('exams.detail.rubricItem', {
          label: item.label,
          points: item.points,
          keywords: item.keywords.join('、'),
        })}
      </li>
    ))}
  </ul>
);

const AnswerPart = ({ question }: { question: Question }) => {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return (
        <>
          <Heading>{t('exams.detail.options')}</Heading>
          <Options options={question.options} answer={question.answer} />
        </>
      );
    case 'true_false':
      return (
        <>
          <Heading>{t('exams.detail.answer')}</Heading>
          <Tag color={question.answer ? 'green' : 'red'}>
            {question.answer ? t('exams.detail.true') : t('exams.detail.false')}
          </Tag>
        </>
      );
    case 'fill_blank':
      return (
        <>
          <Heading>{t('exams.detail.answer')}</Heading>
          {question.answer.map((accepted, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blanks are positional
            <div key={index}>
              {t('exams.detail.blank', { index: index + 1 })}：{accepted.join(' / ')}
            </div>
          ))}
        </>
      );
    case 'short_answer':
    case 'scenario':
      return (
        <>
          {question.type === 'scenario' && (
            <>
              <Heading>{t('exams.detail.buyer')}</Heading>
              <Typography.Paragraph style={{ margin: 0 }}>{question.buyerText}</Typography.Paragraph>
            </>
          )}
          <Heading>{t('exams.detail.reference')}</Heading>
          <Typography.Paragraph style={{ margin: 0 }}>{question.reference}</Typography.Paragraph>
          <Heading>{t('exams.detail.rubric')}</Heading>
          <Rubric rubric={question.rubric} />
        </>
      );
    case 'case':
      return (
        <>
          <Heading>{t('exams.detail.material')}</Heading>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {question.material}
          </Typography.Paragraph>
          {question.subQuestions.map((sub, index) => (
            <div key={sub.id} style={{ borderLeft: '3px solid #f0f0f0', paddingLeft: 12, marginTop: 12 }}>
              <Typography.Text type="secondary">
                {t('exams.detail.subQuestion', { index: index + 1 })} · {typeLabel(sub.type)}
              </Typography.Text>
              <QuestionView question={sub} ruleTitles={new Map()} compact />
            </div>
          ))}
        </>
      );
  }
};

/** A question as a reviewer reads it: stem, options with the correct ones marked, answer, 解析, tags. */
export const QuestionView = ({
  question,
  ruleTitles,
  compact = false,
}: {
  question: Question;
  ruleTitles: ReadonlyMap<string, string>;
  compact?: boolean;
}) => {
  const tags = [...question.tags.rules, ...question.tags.platforms, ...question.tags.topics];
  return (
    <div>
      {!compact && (
        <Flex gap={6} wrap style={{ marginBottom: 8 }}>
          <Tag color={typeColor[question.type]}>{typeLabel(question.type)}</Tag>
          <Tag>
            {t('exams.bank.points')} {question.points}
          </Tag>
          <Tag>{'★'.repeat(question.difficulty)}</Tag>
        </Flex>
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: compact ? 14 : 15, margin: 0 }}>
        {question.stem}
      </Typography.Paragraph>
      <AnswerPart question={question} />
      <Heading>{t('exams.detail.explanation')}</Heading>
      <Typography.Paragraph style={{ margin: 0 }}>{question.explanation}</Typography.Paragraph>
      {!compact && (
        <>
          <Heading>{t('exams.detail.tags')}</Heading>
          <Flex gap={4} wrap>
            {tags.length === 0 && (
              <Typography.Text type="secondary">{t('exams.detail.noTags')}</Typography.Text>
            )}
            {tags.map((tag) => (
              <Tag key={tag}>{tagLabel(tag, ruleTitles)}</Tag>
            ))}
          </Flex>
        </>
      )}
    </div>
  );
};
