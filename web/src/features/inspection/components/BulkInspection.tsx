import { Card, Empty, Typography } from 'antd';
import { t } from '../../../i18n/i18n.js';

/** 批量质检: not built yet; points to the command line, which does it today. */
export const BulkInspection = () => (
  <Card>
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Paragraph strong>{t('inspection.bulk.title')}</Typography.Paragraph>
          <Typography.Paragraph>{t('inspection.bulk.text')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('inspection.bulk.cli')} <Typography.Text code>kefu check --jsonl FILE</Typography.Text>
          </Typography.Paragraph>
        </>
      }
    />
  </Card>
);
