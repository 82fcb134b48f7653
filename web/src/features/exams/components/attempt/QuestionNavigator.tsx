import { FlagFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { CandidateQuestion } from '../../../../api/exams.api.js';
import { t } from '../../../../i18n/i18n.js';
import type { AnswerState } from '../../attempt.answers.js';

export type NavigatorMark = { state: AnswerState; flagged: boolean; unsaved: boolean };

const cell = 36;

const styleOf = (mark: NavigatorMark, current: boolean) => ({
  position: 'relative' as const,
  width: cell,
  height: cell,
  borderRadius: 6,
  cursor: 'pointer',
  fontSize: 14,
  border: `1px solid ${mark.unsaved ? '#faad14' : mark.state === 'empty' ? '#d9d9d9' : '#1677ff'}`,
  borderStyle: mark.unsaved ? 'dashed' : 'solid',
  background: mark.state === 'complete' ? '#1677ff' : mark.state === 'partial' ? '#e6f4ff' : '#fff',
  color: mark.state === 'complete' ? '#fff' : 'rgba(0,0,0,0.88)',
  outline: current ? '2px solid #0958d9' : 'none',
  outlineOffset: 2,
});

const markText = (number: number, mark: NavigatorMark) =>
  [
    t('exams.take.navNumber', { number }),
    t(`exams.take.state.${mark.state}`),
    mark.flagged ? t('exams.take.flagged') : null,
    mark.unsaved ? t('exams.take.unsavedMark') : null,
  ]
    .filter(Boolean)
    .join('，');

/** 答题卡: every question's number with its marks — answered, 标记, not yet saved — and the current one. */
export const QuestionNavigator = ({
  questions,
  marks,
  current,
  onPick,
}: {
  questions: CandidateQuestion[];
  marks: NavigatorMark[];
  current: number;
  onPick: (index: number) => void;
}) => {
  const answered = marks.filter((mark) => mark.state === 'complete').length;
  return (
    <Flex vertical gap={12} data-testid="question-navigator">
      <Typography.Text type="secondary">
        {t('exams.take.progress', { answered, total: questions.length })}
      </Typography.Text>
      <Flex wrap gap={8}>
        {questions.map((question, index) => {
          const mark = marks[index] as NavigatorMark;
          return (
            <button
              key={question.key}
              type="button"
              aria-current={index === current ? 'true' : undefined}
              aria-label={markText(index + 1, mark)}
              title={markText(index + 1, mark)}
              data-state={mark.state}
              data-flagged={mark.flagged}
              data-unsaved={mark.unsaved}
              style={styleOf(mark, index === current)}
              onClick={() => onPick(index)}
            >
              {index + 1}
              {mark.unsaved && (
                <span
                  style={{
                    position: 'absolute',
                    bottom: -4,
                    right: -4,
                    width: 10,
                    height: 10,
                    borderRadius: 5,
                    background: '#faad14',
                    border: '2px solid #fff',
                  }}
                />
              )}
              {mark.flagged && (
                <FlagFilled
                  style={{ position: 'absolute', top: -6, right: -6, color: '#fa541c', fontSize: 12 }}
                />
              )}
            </button>
          );
        })}
      </Flex>
      <Flex wrap gap={12} style={{ fontSize: 12 }}>
        <Legend background="#1677ff" border="#1677ff" text={t('exams.take.legend.answered')} />
        <Legend background="#e6f4ff" border="#1677ff" text={t('exams.take.legend.partial')} />
        <Legend background="#fff" border="#d9d9d9" text={t('exams.take.legend.empty')} />
        <Flex align="center" gap={4}>
          <span style={{ width: 10, height: 10, borderRadius: 5, background: '#faad14' }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('exams.take.legend.unsaved')}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={4}>
          <FlagFilled style={{ color: '#fa541c' }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('exams.take.flagged')}
          </Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
};

const Legend = ({ background, border, text }: { background: string; border: string; text: string }) => (
  <Flex align="center" gap={4}>
    <span
      style={{
        width: 12,
        height: 12,
        borderRadius: 3,
        background,
        border: `1px solid ${border}`,
      }}
    />
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  </Flex>
);
