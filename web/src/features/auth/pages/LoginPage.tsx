import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../../api/errors.js';
import { FullPageSpin } from '../../../components/guards.js';
import { t } from '../../../i18n/i18n.js';
import { useLogin, useSessionQuery } from '../queries.js';

type LoginForm = { login: string; password: string };

/** Only same-site paths: `next` comes from the address bar and must not send people elsewhere. */
const safeNext = (next: string | null): string =>
  next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';

export const LoginPage = () => {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const login = useLogin();
  const next = safeNext(params.get('next'));
  if (session.isPending) return <FullPageSpin />;
  if (session.data) return <Navigate to={next} replace />;
  const onFinish = (values: LoginForm) =>
    login.mutate(values, { onSuccess: () => navigate(next, { replace: true }) });
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {login.isError && (
          <Alert type="error" showIcon title={describeError(login.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginForm>
          name="login"
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item
            name="login"
            label={t('login.login')}
            rules={[{ required: true, message: t('login.loginRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
};
