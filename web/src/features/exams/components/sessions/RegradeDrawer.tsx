import { Alert, App, Button, Collapse, Drawer, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { ItemAnalysis } from '../../../../api/exams-admin.api.js';
import { describeError } from '../../../../api/errors.js';
import type { Question } from '../../../../api/questions.api.js';
import { useIsMobile } from '../../../../components/useIsMobile.js';
import { t } from '../../../../i18n/i18n.js';
import { useCorrectAndRegrade } from '../../manage.queries.js';
import { useQuestion } from '../../queries.js';
import { QuestionView } from '../QuestionView.js';
import { KeyEditor } from './KeyEditor.js';

const noRuleTitles: ReadonlyMap<string, string> = new Map();

const Body = ({ current, examId }: { current: Question; examId: string }) => {
  const { message } = App.useApp();
  const [draft, setDraft] = useState(current);
  const regrade = useCorrectAndRegrade();
  const unchanged = JSON.stringify(draft) === JSON.stringify(current);
  return (
    <Flex vertical gap={12}>
      <Collapse
        size="small"
        items={[
          {
            key: 'current',
            label: t('exams.regrade.current'),
            children: <QuestionView question={current} ruleTitles={noRuleTitles} />,
          },
        ]}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{draft.stem}</Typography.Paragraph>
      <KeyEditor question={draft} onChange={setDraft} />
      {regrade.data && (
        <Alert
          type="success"
          showIcon
          data-testid="regrade-result"
          title={t('exams.regrade.done', { attempts: regrade.data.attempts, changed: regrade.data.changed })}
        />
      )}
      <Typography.Text type="secondary">{t('exams.regrade.help')}</Typography.Text>
      <Button
        type="primary"
        loading={regrade.isPending}
        onClick={() =>
          regrade.mutate(
            { questionId: current.id, corrected: unchanged ? null : draft, examId },
            { onError: (error) => message.error(describeError(error)) },
          )
        }
      >
        {t('exams.regrade.submit')}
      </Button>
    </Flex>
  );
};

/** 更正答案并重新判分: the question's key, corrected here, then every attempt of the exam regraded. */
export const RegradeDrawer = ({
  item,
  examId,
  onClose,
}: {
  item: ItemAnalysis | null;
  examId: string;
  onClose: () => void;
}) => {
  const isMobile = useIsMobile();
  const detail = useQuestion(item?.questionId ?? null);
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      title={item ? t('exams.regrade.title', { id: item.questionId }) : ''}
      size={isMobile ? '100%' : 640}
      destroyOnHidden
    >
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title={describeError(detail.error)} />}
      {detail.data && item && <Body key={item.questionId} current={detail.data.question} examId={examId} />}
    </Drawer>
  );
};
