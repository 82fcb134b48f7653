import { Alert, Drawer, Skeleton, Typography } from 'antd';
import { describeError } from '../../../api/errors.js';
import { useIsMobile } from '../../../components/useIsMobile.js';
import { t } from '../../../i18n/i18n.js';
import { sourceLabel } from '../exams.labels.js';
import { useQuestion } from '../queries.js';
import { QuestionView } from './QuestionView.js';

/** The detail drawer of the bank: loads the answer key of one question (audited on the server). */
export const QuestionDrawer = ({
  id,
  ruleTitles,
  onClose,
}: {
  id: string | null;
  ruleTitles: ReadonlyMap<string, string>;
  onClose: () => void;
}) => {
  const isMobile = useIsMobile();
  const detail = useQuestion(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={id ? t('exams.detail.title', { id }) : ''}
      size={isMobile ? '100%' : 640}
      destroyOnHidden
    >
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title={describeError(detail.error)} />}
      {detail.data && (
        <div data-testid="question-detail">
          <QuestionView question={detail.data.question} ruleTitles={ruleTitles} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('exams.detail.version', {
              version: detail.data.version,
              source: sourceLabel(detail.data.source),
              date: detail.data.updatedAt.slice(0, 10),
            })}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('exams.detail.audited')}</Typography.Text>
        </div>
      )}
    </Drawer>
  );
};
