import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { isApiError } from '../../../api/client.js';
import { describeError } from '../../../api/errors.js';
import type { User } from '../../../api/types.js';
import { t } from '../../../i18n/i18n.js';
import { useChangePassword } from '../../auth/queries.js';
import { useCurrentUser } from '../../auth/session.js';

const minPasswordLength = 8;

const CertifiedStatus = ({ user }: { user: User }) =>
  user.certifiedAt ? (
    <Tag color="success">
      {t('profile.certifiedAt', { date: dayjs(user.certifiedAt).format('YYYY-MM-DD') })}
    </Tag>
  ) : (
    <Typography.Text type="secondary">{t('profile.notCertified')}</Typography.Text>
  );

const ProfileInfo = ({ user }: { user: User }) => (
  <Descriptions column={1} bordered size="middle" styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
    <Descriptions.Item label={t('profile.displayName')}>{user.displayName}</Descriptions.Item>
    <Descriptions.Item label={t('profile.login')}>{user.login}</Descriptions.Item>
    <Descriptions.Item label={t('profile.role')}>{t(`role.${user.role}`)}</Descriptions.Item>
    <Descriptions.Item label={t('profile.team')}>{user.teamName ?? t('profile.none')}</Descriptions.Item>
    <Descriptions.Item label={t('profile.subAccounts')}>
      {user.subAccounts.length === 0 ? (
        t('profile.none')
      ) : (
        <Space wrap size={[4, 4]}>
          {user.subAccounts.map((account) => (
            <Tag key={account.id}>{account.name}</Tag>
          ))}
        </Space>
      )}
    </Descriptions.Item>
    <Descriptions.Item label={t('profile.certified')}>
      <CertifiedStatus user={user} />
    </Descriptions.Item>
  </Descriptions>
);

type PasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

const ChangePasswordCard = () => {
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();
  const { message } = App.useApp();
  const onFinish = ({ currentPassword, newPassword }: PasswordForm) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t('profile.passwordChanged'));
        },
        // Here a 401 "invalid credentials" means the current password was wrong, not the login.
        onError: (error) =>
          isApiError(error) && error.code === 'auth.invalid_credentials'
            ? form.setFields([{ name: 'currentPassword', errors: [t('profile.wrongCurrentPassword')] }])
            : message.error(describeError(error)),
      },
    );
  return (
    <Card title={t('profile.changePassword')} style={{ maxWidth: 480 }}>
      <Form form={form} name="password" layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('profile.currentPassword')}
          rules={[{ required: true, message: t('profile.currentPasswordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.newPassword')}
          rules={[{ required: true, min: minPasswordLength, message: t('profile.passwordTooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('profile.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('profile.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('profile.submitPassword')}
        </Button>
      </Form>
    </Card>
  );
};

/** Every role's own page: who I am, my team and sub-accounts, whether I am on duty, my password. */
export const ProfilePage = () => {
  const user = useCurrentUser();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('profile.title')}
        </Typography.Title>
        {user.certifiedAt && (
          <Tag icon={<SafetyCertificateOutlined />} color="gold" data-testid="certified-badge">
            {t('exams.certified.badge')}
          </Tag>
        )}
      </Flex>
      {user.mustChangePassword ? (
        <Alert type="warning" showIcon title={t('profile.mustChangePassword')} style={{ maxWidth: 720 }} />
      ) : null}
      <Card>
        <ProfileInfo user={user} />
      </Card>
      <ChangePasswordCard />
    </Space>
  );
};
