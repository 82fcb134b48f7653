import { Button, Card, Checkbox, Flex, Input, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Question } from '../../../api/questions.api.js';
import { t } from '../../../i18n/i18n.js';
import { flagLabel, letter, typeColor, typeLabel } from '../exams.labels.js';
import {
  changeType,
  editableTypes,
  localErrors,
  type ReviewItem,
  visibleFlags,
  withCasePoints,
} from '../exams.review.js';

const splitLines = (text: string) => text.split('\n').map((line) => line.trim());

const answerText = (question: Question): string => {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.answer.map(letter).join('');
    case 'true_false':
      return question.answer ? '√' : '×';
    case 'fill_blank':
      return question.answer.map((blank) => blank.join('/')).join('；');
    case 'short_answer':
    case 'scenario':
      return question.reference;
    case 'case':
      return t('exams.import.caseTasks', { count: question.subQuestions.length });
  }
};

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
    <legend style={{ fontSize: 14, color: 'rgba(0, 0, 0, 0.45)', marginBottom: 2, border: 0 }}>
      {label}
    </legend>
    {children}
  </fieldset>
);

const AnswerEditor = ({
  question,
  confirmed,
  onChange,
}: {
  question: Question;
  confirmed: boolean;
  onChange: (next: Question) => void;
}) => {
  if (question.type === 'single' || question.type === 'multiple') {
    const options = question.options.map((_, index) => ({ value: index, label: letter(index) }));
    return question.type === 'single' ? (
      <Radio.Group
        aria-label={t('exams.import.answer')}
        options={options}
        value={question.answer[0]}
        onChange={(event) => onChange({ ...question, answer: [event.target.value as number] })}
      />
    ) : (
      <Checkbox.Group
        aria-label={t('exams.import.answer')}
        options={options}
        value={question.answer}
        onChange={(values) => onChange({ ...question, answer: [...values].sort((a, b) => a - b) })}
      />
    );
  }
  if (question.type === 'true_false') {
    return (
      <Radio.Group
        aria-label={t('exams.import.answer')}
        // An unread true/false answer shows neither choice, so either click confirms it.
        value={confirmed ? question.answer : undefined}
        onChange={(event) => onChange({ ...question, answer: event.target.value as boolean })}
        options={[
          { value: true, label: t('exams.detail.true') },
          { value: false, label: t('exams.detail.false') },
        ]}
      />
    );
  }
  if (question.type === 'fill_blank') {
    return (
      <Input.TextArea
        aria-label={t('exams.import.blanks')}
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={question.answer.map((blank) => blank.join('/')).join('\n')}
        onChange={(event) =>
          onChange({
            ...question,
            answer: event.target.value.split('\n').map((line) =>
              line
                .split('/')
                .map((alt) => alt.trim())
                .filter(Boolean),
            ),
          })
        }
      />
    );
  }
  if (question.type === 'short_answer' || question.type === 'scenario') {
    return (
      <>
        {question.type === 'scenario' && (
          <Field label={t('exams.import.buyerText')}>
            <Input.TextArea
              aria-label={t('exams.import.buyerText')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={question.buyerText}
              onChange={(event) => onChange({ ...question, buyerText: event.target.value })}
            />
          </Field>
        )}
        <Input.TextArea
          aria-label={t('exams.import.reference')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={question.reference}
          onChange={(event) => onChange({ ...question, reference: event.target.value })}
        />
        <Field label={t('exams.import.keywords')}>
          <Input
            aria-label={t('exams.import.keywords')}
            value={question.rubric[0]?.keywords.join('，') ?? ''}
            onChange={(event) => {
              const keywords = event.target.value
                .split(/[,，、]/)
                .map((word) => word.trim())
                .filter(Boolean);
              onChange({
                ...question,
                rubric: keywords.length ? [{ label: '要点', keywords, points: question.points }] : [],
              });
            }}
          />
        </Field>
      </>
    );
  }
  return null;
};

/** A case's material and each of its tasks, every task with the full editor of its own. */
const CaseEditor = ({
  question,
  onChange,
}: {
  question: Extract<Question, { type: 'case' }>;
  onChange: (next: Question, answerSet?: boolean) => void;
}) => (
  <>
    <Field label={t('exams.import.material')}>
      <Input.TextArea
        aria-label={t('exams.import.material')}
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={question.material}
        onChange={(event) => onChange({ ...question, material: event.target.value })}
      />
    </Field>
    {question.subQuestions.map((sub, index) => (
      <div key={sub.id} style={{ borderLeft: '3px solid #f0f0f0', paddingLeft: 12, marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('exams.import.task', { index: index + 1 })}</Typography.Text>
        <Editor
          question={sub}
          confirmed
          onChange={(next, answerSet) => {
            const subQuestions = question.subQuestions.map((one) =>
              one.id === sub.id ? (next as typeof sub) : one,
            );
            onChange(withCasePoints({ ...question, subQuestions }), answerSet);
          }}
        />
      </div>
    ))}
  </>
);

const Editor = ({
  question,
  confirmed,
  onChange,
}: {
  question: Question;
  confirmed: boolean;
  onChange: (next: Question, answerSet?: boolean) => void;
}) => (
  <div data-testid="review-editor" style={{ marginTop: 8 }}>
    <Field label={t('exams.import.type')}>
      {question.type === 'case' ? (
        <Tag color={typeColor.case}>{typeLabel('case')}</Tag>
      ) : (
        <Select
          aria-label={t('exams.import.type')}
          value={question.type}
          onChange={(type) => onChange(changeType(question, type))}
          options={editableTypes.map((value) => ({ value, label: typeLabel(value) }))}
          style={{ width: 140 }}
        />
      )}
    </Field>
    <Field label={t('exams.import.stem')}>
      <Input.TextArea
        aria-label={t('exams.import.stem')}
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={question.stem}
        onChange={(event) => onChange({ ...question, stem: event.target.value })}
      />
    </Field>
    {(question.type === 'single' || question.type === 'multiple') && (
      <Field label={t('exams.import.options')}>
        <Input.TextArea
          aria-label={t('exams.import.options')}
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={question.options.join('\n')}
          onChange={(event) => {
            const options = splitLines(event.target.value);
            onChange({
              ...question,
              options,
              answer: question.answer.filter((index) => index < options.length),
            });
          }}
        />
      </Field>
    )}
    {question.type === 'case' ? (
      <CaseEditor question={question} onChange={onChange} />
    ) : (
      <Field label={t('exams.import.answer')}>
        <AnswerEditor question={question} confirmed={confirmed} onChange={(next) => onChange(next, true)} />
      </Field>
    )}
    <Field label={t('exams.import.explanation')}>
      <Input.TextArea
        aria-label={t('exams.import.explanation')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        value={question.explanation}
        onChange={(event) => onChange({ ...question, explanation: event.target.value })}
      />
    </Field>
  </div>
);

/** One parsed question under review: what was read, its flags in orange, what blocks it, an editor. */
export const ReviewCard = ({
  item,
  index,
  onChange,
  onRemove,
}: {
  item: ReviewItem;
  index: number;
  onChange: (next: ReviewItem) => void;
  onRemove: () => void;
}) => {
  const [editing, setEditing] = useState(false);
  const { question } = item;
  const errors = localErrors(item);
  const options = question.type === 'single' || question.type === 'multiple' ? question.options : [];
  // Only setting the answer itself confirms an answer the paper did not give.
  const update = (next: Question, answerSet = false) =>
    onChange({
      ...item,
      question: next,
      serverErrors: [],
      answerConfirmed: item.answerConfirmed || answerSet,
    });
  return (
    <Card
      size="small"
      data-testid="review-question"
      style={{ borderColor: errors.length ? '#ffa940' : undefined }}
      title={
        <Flex gap={6} wrap align="center">
          <span>{index + 1}.</span>
          <Tag color={typeColor[question.type]}>{typeLabel(question.type)}</Tag>
          {visibleFlags(item).map((flag) => (
            <Tag key={flag} color="orange" data-testid="review-flag">
              {flagLabel(flag)}
            </Tag>
          ))}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {item.lines[0] === item.lines[1]
              ? t('exams.import.line', { line: item.lines[0] })
              : t('exams.import.lines', { from: item.lines[0], to: item.lines[1] })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={4}>
          <Button size="small" type={editing ? 'primary' : 'default'} onClick={() => setEditing(!editing)}>
            {editing ? t('exams.import.done.edit') : t('exams.import.edit')}
          </Button>
          <Button size="small" danger type="text" onClick={onRemove}>
            {t('exams.import.remove')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
        {question.stem}
      </Typography.Paragraph>
      {!editing && question.type === 'case' && (
        <>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 3, expandable: true }}
            style={{ marginBottom: 4 }}
          >
            {question.material}
          </Typography.Paragraph>
          <ol style={{ margin: '0 0 4px', paddingLeft: 20 }}>
            {question.subQuestions.map((sub) => (
              <li key={sub.id}>
                {sub.stem}（{sub.points} 分）
              </li>
            ))}
          </ol>
        </>
      )}
      {!editing && options.length > 0 && (
        <Flex gap={12} wrap style={{ marginBottom: 4 }}>
          {options.map((option, optionIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are positional (A, B, C …)
            <span key={optionIndex}>
              {letter(optionIndex)}. {option}
            </span>
          ))}
        </Flex>
      )}
      {!editing && (
        <Typography.Text>
          {t('exams.import.answer')}：
          <Typography.Text strong data-testid="review-answer">
            {item.answerConfirmed
              ? answerText(question) || t('exams.import.noAnswer')
              : t('exams.import.noAnswer')}
          </Typography.Text>
        </Typography.Text>
      )}
      {editing && <Editor question={question} confirmed={item.answerConfirmed} onChange={update} />}
      {errors.length > 0 && (
        <ul style={{ color: '#d46b08', margin: '8px 0 0', paddingLeft: 20 }} data-testid="review-errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </Card>
  );
};
