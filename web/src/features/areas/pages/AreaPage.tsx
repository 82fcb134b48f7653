import { Card, Empty, Typography } from 'antd';
import { t } from '../../../i18n/i18n.js';
import { type Area, areaTexts } from '../areas.js';

/** An area that has no data yet: says what it will hold and how data gets in. */
export const AreaPage = ({ area }: { area: Area }) => {
  const texts = areaTexts[area];
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t(texts.title)}
      </Typography.Title>
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Paragraph strong>{t('area.empty')}</Typography.Paragraph>
              <Typography.Paragraph>{t(texts.holds)}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t(texts.dataIn)}</Typography.Paragraph>
            </>
          }
        />
      </Card>
    </>
  );
};
