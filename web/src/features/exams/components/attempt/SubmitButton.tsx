import { App, Button, Flex, Typography } from 'antd';
import { describeError } from '../../../../api/errors.js';
import { t } from '../../../../i18n/i18n.js';
import type { NavigatorMark } from './QuestionNavigator.js';

const numbersOf = (marks: NavigatorMark[], keep: (mark: NavigatorMark) => boolean) =>
  marks.flatMap((mark, index) => (keep(mark) ? [index + 1] : []));

const NumberList = ({
  label,
  numbers,
  onPick,
}: {
  label: string;
  numbers: number[];
  onPick: (index: number) => void;
}) =>
  numbers.length === 0 ? null : (
    <Flex vertical gap={4}>
      <Typography.Text strong>{label}</Typography.Text>
      <Flex wrap gap={4}>
        {numbers.map((number) => (
          <Button key={number} size="small" onClick={() => onPick(number - 1)}>
            {number}
          </Button>
        ))}
      </Flex>
    </Flex>
  );

const summaryText = (empty: number, partial: number, total: number) => {
  if (empty > 0 && partial > 0) return t('exams.take.submitSummary', { empty, partial });
  if (empty > 0) return t('exams.take.submitSummaryEmpty', { empty });
  if (partial > 0) return t('exams.take.submitSummaryPartial', { partial });
  return t('exams.take.submitAllAnswered', { total });
};

/**
 * 交卷 with a confirmation that lists unanswered, partly answered and 标记 questions (a number
 * jumps there). Unsent answers are sent first; if some still cannot be saved, the candidate decides.
 */
export const SubmitButton = ({
  marks,
  flush,
  submit,
  onPick,
  submitting,
}: {
  marks: NavigatorMark[];
  flush: () => Promise<number>;
  submit: () => Promise<unknown>;
  onPick: (index: number) => void;
  submitting: boolean;
}) => {
  const { modal, message } = App.useApp();
  const send = async () => {
    try {
      await submit();
    } catch (error) {
      message.error(describeError(error));
    }
  };
  const confirm = () => {
    const empty = numbersOf(marks, (mark) => mark.state === 'empty');
    const partial = numbersOf(marks, (mark) => mark.state === 'partial');
    const flagged = numbersOf(marks, (mark) => mark.flagged);
    const dialog = modal.confirm({
      title: t('exams.take.submitTitle'),
      width: 520,
      okText: t('exams.take.submitOk'),
      cancelText: t('exams.take.submitCancel'),
      content: (
        <Flex vertical gap={12} data-testid="submit-summary">
          <Typography.Text>{summaryText(empty.length, partial.length, marks.length)}</Typography.Text>
          <NumberList
            label={t('exams.take.listEmpty')}
            numbers={empty}
            onPick={(index) => {
              dialog.destroy();
              onPick(index);
            }}
          />
          <NumberList
            label={t('exams.take.listPartial')}
            numbers={partial}
            onPick={(index) => {
              dialog.destroy();
              onPick(index);
            }}
          />
          <NumberList
            label={t('exams.take.listFlagged')}
            numbers={flagged}
            onPick={(index) => {
              dialog.destroy();
              onPick(index);
            }}
          />
          <Typography.Text type="secondary">{t('exams.take.submitFinal')}</Typography.Text>
        </Flex>
      ),
      onOk: async () => {
        const unsaved = await flush();
        if (unsaved === 0) return send();
        modal.confirm({
          title: t('exams.take.unsavedTitle', { count: unsaved }),
          content: t('exams.take.unsavedBody'),
          okText: t('exams.take.submitAnyway'),
          okButtonProps: { danger: true },
          cancelText: t('exams.take.keepTrying'),
          onOk: send,
        });
      },
    });
  };
  return (
    <Button type="primary" loading={submitting} onClick={confirm} data-testid="submit-attempt">
      {t('exams.take.submit')}
    </Button>
  );
};
