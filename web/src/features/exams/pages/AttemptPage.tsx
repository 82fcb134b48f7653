import { Spin } from 'antd';
import { useCallback, useEffect } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client.js';
import { QueryError } from '../../../components/QueryError.js';
import { NotFoundPage } from '../../../components/StatusPages.js';
import { storageKeyOf } from '../attempt.saver.js';
import { useAttempt } from '../candidate.queries.js';
import { AttemptResultView } from '../components/attempt/AttemptResultView.js';
import { AttemptSitting } from '../components/attempt/AttemptSitting.js';

const forget = (attemptId: string) => {
  try {
    window.localStorage.removeItem(storageKeyOf(attemptId));
  } catch {
    // Storage disabled: there is nothing to forget.
  }
};

/** /exams/attempt/:attemptId — sitting an attempt, or its result once it is handed in. */
export const AttemptPage = () => {
  const { attemptId = '' } = useParams();
  const attempt = useAttempt(attemptId);
  const { refetch } = attempt;
  const reload = useCallback(() => void refetch(), [refetch]);
  const submitted = attempt.data?.view.status === 'submitted';
  // A handed-in attempt takes no more answers: unsent ones left in storage can only mislead.
  useEffect(() => {
    if (submitted) forget(attemptId);
  }, [submitted, attemptId]);
  if (attempt.isPending) return <Spin size="large" style={{ display: 'block', margin: '64px auto' }} />;
  if (attempt.isError) {
    if (isApiError(attempt.error) && attempt.error.status === 404) return <NotFoundPage />;
    return <QueryError error={attempt.error} onRetry={reload} />;
  }
  const { view } = attempt.data;
  if (view.status === 'submitted') return <AttemptResultView view={view} />;
  return <AttemptSitting key={view.id} loaded={attempt.data} onReload={reload} />;
};
