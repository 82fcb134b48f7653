import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { CandidateQuestion } from '../../../../api/exams.api.js';
import { t } from '../../../../i18n/i18n.js';
import { letter } from '../../exams.labels.js';

// Read-only renderings of an answer and of an answer key (which the API sends as `unknown`, so
// every shape is checked before it is shown; a shape this page does not know shows nothing).

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const numbers = (value: unknown): number[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === 'number') ? (value as number[]) : null;

const block = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * A choice question's options with the candidate's choice and, when released, the correct ones.
 * Both are option indexes in the order the options are shown.
 */
export const OptionsReview = ({
  options,
  chosen,
  correct,
}: {
  options: string[];
  chosen: number[];
  correct: number[] | null;
}) => (
  <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="options-review">
    {options.map((option, index) => {
      const isChosen = chosen.includes(index);
      const isCorrect = correct?.includes(index) ?? false;
      const wrongChoice = correct !== null && isChosen && !isCorrect;
      return (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: options are positional (A, B, C …)
          key={index}
          data-chosen={isChosen}
          data-correct={isCorrect}
          style={{
            display: 'flex',
            gap: 8,
            padding: '4px 8px',
            marginBottom: 4,
            borderRadius: 6,
            border: `1px solid ${isCorrect ? '#b7eb8f' : wrongChoice ? '#ffccc7' : '#f0f0f0'}`,
            background: isCorrect ? '#f6ffed' : wrongChoice ? '#fff2f0' : undefined,
          }}
        >
          <strong>{letter(index)}.</strong>
          <span style={{ flex: 1, ...block }}>{option}</span>
          {isChosen && (
            <Typography.Text type={wrongChoice ? 'danger' : undefined}>
              {t('exams.result.chosen')}
            </Typography.Text>
          )}
          {isCorrect && (
            <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('exams.detail.correct')} />
          )}
          {wrongChoice && <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
        </li>
      );
    })}
  </ol>
);

const trueFalse = (value: boolean) => (value ? t('exams.take.true') : t('exams.take.false'));

/** The candidate's answer to a non-choice question, as text. */
export const answerText = (question: CandidateQuestion, answer: unknown): string | null => {
  if (answer === null || answer === undefined) return null;
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chosen = numbers(answer);
      return chosen && chosen.length > 0 ? chosen.map(letter).join('') : null;
    }
    case 'true_false':
      return typeof answer === 'boolean' ? trueFalse(answer) : null;
    case 'fill_blank':
      return Array.isArray(answer) && answer.some((blank) => typeof blank === 'string' && blank.trim())
        ? answer
            .map(
              (blank, index) => `${t('exams.detail.blank', { index: index + 1 })}：${String(blank || '—')}`,
            )
            .join('\n')
        : null;
    case 'short_answer':
    case 'scenario':
      return typeof answer === 'string' && answer.trim() ? answer : null;
    case 'case': {
      if (!isRecord(answer)) return null;
      const parts = (question.subQuestions ?? []).map((sub, index) => {
        const text = answerText(sub, answer[String(index)]);
        return `${t('exams.detail.subQuestion', { index: index + 1 })}：${text ?? '—'}`;
      });
      return parts.join('\n');
    }
  }
};

/** The released answer key of a non-choice question, as text (null when its shape is unknown). */
export const keyText = (question: CandidateQuestion, key: unknown): string | null => {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const correct = numbers(key);
      return correct ? correct.map(letter).join('') : null;
    }
    case 'true_false':
      return typeof key === 'boolean' ? trueFalse(key) : null;
    case 'fill_blank':
      return Array.isArray(key)
        ? key
            .map((alternatives, index) => {
              const list = Array.isArray(alternatives)
                ? alternatives.map(String).join(' / ')
                : String(alternatives);
              return `${t('exams.detail.blank', { index: index + 1 })}：${list}`;
            })
            .join('\n')
        : null;
    case 'short_answer':
    case 'scenario':
      return typeof key === 'string' ? key : null;
    case 'case':
      return isRecord(key)
        ? (question.subQuestions ?? [])
            .map(
              (sub, index) =>
                `${t('exams.detail.subQuestion', { index: index + 1 })}：${keyText(sub, key[String(index)]) ?? '—'}`,
            )
            .join('\n')
        : null;
  }
};

/** A question's answer and (when released) key: the options marked for choices, text otherwise. */
export const AnswerReview = ({
  question,
  answer,
  answerKey,
  keyReleased,
}: {
  question: CandidateQuestion;
  answer: unknown;
  answerKey: unknown;
  keyReleased: boolean;
}) => {
  if ((question.type === 'single' || question.type === 'multiple') && question.options)
    return (
      <OptionsReview
        options={question.options}
        chosen={numbers(answer) ?? []}
        correct={keyReleased ? numbers(answerKey) : null}
      />
    );
  const yours = answerText(question, answer);
  const key = keyReleased ? keyText(question, answerKey) : null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{t('exams.result.yourAnswer')}</Typography.Text>
      <Typography.Text style={block} type={yours ? undefined : 'secondary'}>
        {yours ?? t('exams.result.noAnswer')}
      </Typography.Text>
      {key !== null && (
        <>
          <Typography.Text type="secondary">
            {question.type === 'short_answer' || question.type === 'scenario'
              ? t('exams.detail.reference')
              : t('exams.detail.correct')}
          </Typography.Text>
          <Typography.Text style={block} data-testid="answer-key">
            {key}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
};
