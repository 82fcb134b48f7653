import { Checkbox, Flex, Input, Radio, Typography } from 'antd';
import type { Question } from '../../../../api/questions.api.js';
import { t } from '../../../../i18n/i18n.js';
import { letter } from '../../exams.labels.js';

const Label = ({ children }: { children: string }) => (
  <Typography.Text strong style={{ display: 'block', marginTop: 12, marginBottom: 4 }}>
    {children}
  </Typography.Text>
);

const splitWords = (text: string) =>
  text
    .split(/[,，、]/)
    .map((word) => word.trim())
    .filter(Boolean);

/**
 * Edits what decides a question's score — the correct options, √/×, each blank's accepted
 * answers, the reference and rubric keywords — and its 解析. Regrading keeps what candidates saw,
 * so the stem, type and options stay as they are.
 */
export const KeyEditor = ({
  question,
  onChange,
}: {
  question: Question;
  onChange: (next: Question) => void;
}) => {
  const explanation = (
    <>
      <Label>{t('exams.detail.explanation')}</Label>
      <Input.TextArea
        aria-label={t('exams.detail.explanation')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        value={question.explanation}
        onChange={(event) => onChange({ ...question, explanation: event.target.value })}
      />
    </>
  );
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const options = question.options.map((option, index) => ({
        value: index,
        label: `${letter(index)}. ${option}`,
      }));
      return (
        <div data-testid="key-editor">
          <Label>{t('exams.regrade.correctOptions')}</Label>
          {question.type === 'single' ? (
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={options}
              value={question.answer[0]}
              onChange={(event) => onChange({ ...question, answer: [event.target.value as number] })}
            />
          ) : (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={options}
              value={question.answer}
              onChange={(values) => onChange({ ...question, answer: [...values].sort((a, b) => a - b) })}
            />
          )}
          {explanation}
        </div>
      );
    }
    case 'true_false':
      return (
        <div data-testid="key-editor">
          <Label>{t('exams.detail.answer')}</Label>
          <Radio.Group
            value={question.answer}
            onChange={(event) => onChange({ ...question, answer: event.target.value as boolean })}
            options={[
              { value: true, label: t('exams.detail.true') },
              { value: false, label: t('exams.detail.false') },
            ]}
          />
          {explanation}
        </div>
      );
    case 'fill_blank':
      return (
        <div data-testid="key-editor">
          <Label>{t('exams.regrade.blanks')}</Label>
          <Flex vertical gap={6}>
            {question.answer.map((accepted, index) => (
              <Input
                // biome-ignore lint/suspicious/noArrayIndexKey: blanks are positional
                key={index}
                addonBefore={t('exams.detail.blank', { index: index + 1 })}
                aria-label={t('exams.detail.blank', { index: index + 1 })}
                value={accepted.join(' / ')}
                onChange={(event) =>
                  onChange({
                    ...question,
                    answer: question.answer.map((one, i) =>
                      i === index
                        ? event.target.value
                            .split('/')
                            .map((alt) => alt.trim())
                            .filter(Boolean)
                        : one,
                    ),
                  })
                }
              />
            ))}
          </Flex>
          {explanation}
        </div>
      );
    case 'short_answer':
    case 'scenario':
      return (
        <div data-testid="key-editor">
          <Label>{t('exams.detail.reference')}</Label>
          <Input.TextArea
            aria-label={t('exams.detail.reference')}
            autoSize={{ minRows: 2, maxRows: 8 }}
            value={question.reference}
            onChange={(event) => onChange({ ...question, reference: event.target.value })}
          />
          <Label>{t('exams.detail.rubric')}</Label>
          <Flex vertical gap={6}>
            {question.rubric.map((item, index) => (
              <Input
                key={item.label}
                addonBefore={`${item.label}（${item.points} 分）`}
                aria-label={item.label}
                value={item.keywords.join('，')}
                onChange={(event) =>
                  onChange({
                    ...question,
                    rubric: question.rubric.map((one, i) =>
                      i === index ? { ...one, keywords: splitWords(event.target.value) } : one,
                    ),
                  })
                }
              />
            ))}
          </Flex>
          {explanation}
        </div>
      );
    case 'case':
      return (
        <div data-testid="key-editor">
          {question.subQuestions.map((sub, index) => (
            <div key={sub.id} style={{ borderLeft: '3px solid #f0f0f0', paddingLeft: 12, marginTop: 12 }}>
              <Typography.Text type="secondary">
                {t('exams.detail.subQuestion', { index: index + 1 })}：{sub.stem}
              </Typography.Text>
              <KeyEditor
                question={sub}
                onChange={(next) =>
                  onChange({
                    ...question,
                    subQuestions: question.subQuestions.map((one) => (one.id === sub.id ? next : one)),
                  })
                }
              />
            </div>
          ))}
          {explanation}
        </div>
      );
  }
};
