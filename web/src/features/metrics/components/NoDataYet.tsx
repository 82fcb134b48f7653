import { Button, Empty, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { type MessageKey, t } from '../../../i18n/i18n.js';

/** An empty 绩效 view: what is missing, and (for managers) the way to the import. */
export const NoDataYet = ({
  testId,
  title,
  body,
  canImport,
}: {
  testId: string;
  title: MessageKey;
  body: MessageKey;
  canImport: boolean;
}) => {
  const navigate = useNavigate();
  return (
    <Empty
      data-testid={testId}
      description={
        <Space orientation="vertical">
          <Typography.Text strong>{t(title)}</Typography.Text>
          <Typography.Text type="secondary">{t(body)}</Typography.Text>
        </Space>
      }
    >
      {canImport ? (
        <Button type="primary" onClick={() => navigate('/metrics/import')}>
          {t('metrics.empty.action')}
        </Button>
      ) : null}
    </Empty>
  );
};
