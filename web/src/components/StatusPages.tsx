import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../i18n/i18n.js';

const BackHome = () => {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
};

export const ForbiddenPage = () => (
  <Result
    status="403"
    title={t('common.forbiddenTitle')}
    subTitle={t('common.forbiddenText')}
    extra={<BackHome />}
  />
);

export const NotFoundPage = () => (
  <Result
    status="404"
    title={t('common.notFoundTitle')}
    subTitle={t('common.notFoundText')}
    extra={<BackHome />}
  />
);
