import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../i18n/i18n.js';
import { areas, areaTexts } from '../../areas/areas.js';
import { useCurrentUser } from '../../auth/session.js';

/** The landing page after sign-in: a greeting and one card per area. */
export const HomePage = () => {
  const user = useCurrentUser();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} ellipsis={{ tooltip: user.displayName }}>
        {t('home.greeting', { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {areas.map((area) => (
          <Col key={area} xs={24} sm={12} lg={8}>
            <Link to={`/${area}`}>
              <Card hoverable title={t(areaTexts[area].title)} style={{ height: '100%' }}>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ marginBottom: 0 }}>
                  {t(areaTexts[area].holds)}
                </Typography.Paragraph>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
};
