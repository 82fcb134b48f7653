import { Alert, Button } from 'antd';
import { describeError, isForbidden } from '../api/errors.js';
import { t } from '../i18n/i18n.js';
import { ForbiddenPage } from './StatusPages.js';

/** A failed load: the 403 page when the API refuses, otherwise the reason and a retry button. */
export const QueryError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  if (isForbidden(error)) return <ForbiddenPage />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={describeError(error)}
      action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
};
