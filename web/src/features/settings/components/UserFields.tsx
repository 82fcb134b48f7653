import { Form, Input, Select } from 'antd';
import type { User } from '../../../api/types.js';
import { t } from '../../../i18n/i18n.js';
import { useCurrentUser } from '../../auth/session.js';
import { useShops, useSubAccounts, useTeams } from '../queries.js';
import { roleLabel, roles } from '../settings.labels.js';

/** Sub-accounts grouped by shop, so 客服 with the same nickname in two shops stay apart. */
const useSubAccountOptions = () => {
  const shops = useShops();
  const subAccounts = useSubAccounts();
  const options = (shops.data ?? []).map((shop) => ({
    label: shop.name,
    options: (subAccounts.data ?? [])
      .filter((account) => account.shopId === shop.id)
      .map((account) => ({ value: account.id, label: account.name })),
  }));
  return { options: options.filter((group) => group.options.length > 0), loading: subAccounts.isPending };
};

/** The fields of the create/edit user form; the login is fixed once a user exists. */
export const UserFields = ({ editing }: { editing: User | null }) => {
  const me = useCurrentUser();
  const teams = useTeams();
  const subAccounts = useSubAccountOptions();
  // Supervisors may only create and edit agents; nobody changes their own role.
  const roleOptions = roles
    .filter((role) => me.role === 'admin' || role === 'agent')
    .map((value) => ({ value, label: roleLabel(value) }));
  return (
    <>
      <Form.Item
        name="login"
        label={t('users.login')}
        rules={[{ required: true, whitespace: true, message: t('users.loginRequired') }]}
      >
        <Input disabled={editing !== null} autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('users.role')}
        rules={[{ required: true, message: t('users.roleRequired') }]}
      >
        <Select options={roleOptions} disabled={editing?.id === me.id} />
      </Form.Item>
      <Form.Item name="teamId" label={t('users.team')}>
        <Select
          allowClear
          placeholder={t('users.noTeam')}
          loading={teams.isPending}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
      </Form.Item>
      <Form.Item name="subAccountIds" label={t('users.subAccounts')}>
        <Select
          mode="multiple"
          allowClear
          loading={subAccounts.loading}
          options={subAccounts.options}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
    </>
  );
};
