import { CheckCircleOutlined, CloudSyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { t } from '../../../../i18n/i18n.js';
import type { SaverState } from '../../attempt.saver.js';

/** 「已保存」, 「正在保存」 or 「未保存 N 题 · 正在重试」 with a button to retry at once. */
export const SaveStatus = ({ state, onRetry }: { state: SaverState; onRetry: () => void }) => {
  const count = state.unsaved.length;
  const rejected = Object.keys(state.rejected).length;
  if (state.signedOut)
    return (
      <Typography.Text type="danger" data-testid="save-status" data-unsaved={count}>
        <WarningOutlined /> {t('exams.take.signedOut', { count })}
      </Typography.Text>
    );
  if (count === 0)
    return (
      <Typography.Text type="success" data-testid="save-status" data-unsaved={0}>
        <CheckCircleOutlined /> {t('exams.take.allSaved')}
      </Typography.Text>
    );
  if (state.retrying || rejected > 0)
    return (
      <Flex align="center" gap={4} wrap data-testid="save-status" data-unsaved={count} role="status">
        <Typography.Text type="danger">
          <WarningOutlined />{' '}
          {rejected > 0 ? t('exams.take.rejected', { count }) : t('exams.take.retrying', { count })}
        </Typography.Text>
        {state.retrying && (
          <Button size="small" type="link" onClick={onRetry}>
            {t('exams.take.retryNow')}
          </Button>
        )}
      </Flex>
    );
  return (
    <Typography.Text type="secondary" data-testid="save-status" data-unsaved={count}>
      <CloudSyncOutlined /> {t('exams.take.saving', { count })}
    </Typography.Text>
  );
};
