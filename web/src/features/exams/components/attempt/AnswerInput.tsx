import { Checkbox, Flex, Input, Radio, Typography } from 'antd';
import type { CandidateAnswer, CandidateQuestion, LeafAnswer } from '../../../../api/exams.api.js';
import { t } from '../../../../i18n/i18n.js';
import { letter } from '../../exams.labels.js';
import { subAnswerOf, withSubAnswer } from '../../attempt.answers.js';

type Props = {
  question: CandidateQuestion;
  answer: CandidateAnswer | undefined;
  onChange: (answer: CandidateAnswer) => void;
  disabled?: boolean;
};

const optionLabel = (option: string, index: number) => (
  <span style={{ overflowWrap: 'anywhere' }}>
    <strong>{letter(index)}.</strong> {option}
  </span>
);

const indexes = (answer: unknown): number[] =>
  Array.isArray(answer) ? answer.filter((value): value is number => typeof value === 'number') : [];

const texts = (answer: unknown, count: number): string[] =>
  Array.from({ length: count }, (_, index) => {
    const value = Array.isArray(answer) ? answer[index] : undefined;
    return typeof value === 'string' ? value : '';
  });

const textLimit = 20_000;

/** The input of one question type, in the candidate's terms (option indexes as displayed). */
const LeafInput = ({
  question,
  answer,
  onChange,
  disabled,
}: Omit<Props, 'onChange'> & {
  onChange: (answer: LeafAnswer) => void;
}) => {
  switch (question.type) {
    case 'single':
      return (
        <Radio.Group
          disabled={disabled}
          value={indexes(answer)[0] ?? null}
          onChange={(event) => onChange([event.target.value as number])}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={(question.options ?? []).map((option, index) => ({
            value: index,
            label: optionLabel(option, index),
          }))}
        />
      );
    case 'multiple':
      return (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('exams.take.multipleHint')}</Typography.Text>
          <Checkbox.Group
            disabled={disabled}
            value={indexes(answer)}
            onChange={(values) => onChange([...(values as number[])].sort((a, b) => a - b))}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={(question.options ?? []).map((option, index) => ({
              value: index,
              label: optionLabel(option, index),
            }))}
          />
        </Flex>
      );
    case 'true_false':
      return (
        <Radio.Group
          disabled={disabled}
          value={typeof answer === 'boolean' ? answer : null}
          onChange={(event) => onChange(event.target.value as boolean)}
          options={[
            { value: true, label: t('exams.take.true') },
            { value: false, label: t('exams.take.false') },
          ]}
        />
      );
    case 'fill_blank': {
      const blanks = texts(answer, question.blanks ?? 1);
      return (
        <Flex vertical gap={8}>
          {blanks.map((value, index) => (
            <Input
              // biome-ignore lint/suspicious/noArrayIndexKey: blanks are positional
              key={index}
              disabled={disabled}
              maxLength={500}
              prefix={t('exams.detail.blank', { index: index + 1 })}
              aria-label={t('exams.detail.blank', { index: index + 1 })}
              value={value}
              onChange={(event) =>
                onChange(blanks.map((old, at) => (at === index ? event.target.value : old)))
              }
            />
          ))}
        </Flex>
      );
    }
    case 'short_answer':
    case 'scenario':
      return (
        <Input.TextArea
          disabled={disabled}
          aria-label={question.type === 'scenario' ? t('exams.take.yourReply') : t('exams.take.yourAnswer')}
          placeholder={
            question.type === 'scenario' ? t('exams.take.replyPlaceholder') : t('exams.take.textPlaceholder')
          }
          autoSize={{ minRows: 4, maxRows: 16 }}
          maxLength={textLimit}
          showCount
          value={typeof answer === 'string' ? answer : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'case':
      return null;
  }
};

/** The buyer's message of a 话术题, as a chat bubble the reply answers. */
export const BuyerBubble = ({ text }: { text: string }) => (
  <Flex vertical gap={4} style={{ margin: '8px 0' }}>
    <Typography.Text type="secondary">{t('exams.detail.buyer')}</Typography.Text>
    <div
      style={{
        background: '#f5f5f5',
        borderRadius: 8,
        padding: '8px 12px',
        maxWidth: 560,
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      {text}
    </div>
  </Flex>
);

/** A question's answer input; a case question shows its material and one input per sub-question. */
export const AnswerInput = ({ question, answer, onChange, disabled }: Props) => {
  if (question.type !== 'case')
    return (
      <Flex vertical gap={8}>
        {question.buyerText && <BuyerBubble text={question.buyerText} />}
        <LeafInput question={question} answer={answer} onChange={onChange} disabled={disabled} />
      </Flex>
    );
  return (
    <Flex vertical gap={16}>
      {question.material && (
        <div
          style={{
            border: '1px solid #f0f0f0',
            background: '#fafafa',
            borderRadius: 8,
            padding: 12,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
          }}
        >
          <Typography.Text strong>{t('exams.detail.material')}</Typography.Text>
          <div>{question.material}</div>
        </div>
      )}
      {(question.subQuestions ?? []).map((sub, index) => (
        <Flex key={sub.key} vertical gap={8}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {t('exams.detail.subQuestion', { index: index + 1 })}　{sub.stem}
          </Typography.Text>
          <AnswerInput
            question={sub}
            answer={subAnswerOf(answer, index)}
            disabled={disabled}
            onChange={(value) => onChange(withSubAnswer(answer, index, value as LeafAnswer))}
          />
        </Flex>
      ))}
    </Flex>
  );
};
