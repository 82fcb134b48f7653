import { App, Button, Space } from 'antd';
import { describeError } from '../../../api/errors.js';
import type { User } from '../../../api/types.js';
import { t } from '../../../i18n/i18n.js';
import { useCurrentUser } from '../../auth/session.js';
import { useResetPassword, useUpdateUser } from '../queries.js';

type UserActionsProps = {
  user: User;
  onEdit: (user: User) => void;
  onSecret: (secret: { title: string; owner: string; password: string }) => void;
};

/** Admins manage everyone; supervisors manage agents only (the API enforces the same). */
const canEdit = (me: User, user: User) =>
  me.role === 'admin' || (me.role === 'supervisor' && user.role === 'agent');

export const UserActions = ({ user, onEdit, onSecret }: UserActionsProps) => {
  const me = useCurrentUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const { message, modal } = App.useApp();
  if (!canEdit(me, user)) return null;
  const onError = (error: unknown) => message.error(describeError(error));
  const toggle = () => update.mutate({ id: user.id, input: { disabled: !user.disabled } }, { onError });
  const resetPassword = () =>
    reset.mutate(user.id, {
      onSuccess: ({ password }) =>
        onSecret({ title: t('users.newPasswordTitle'), owner: user.displayName, password }),
      onError,
    });
  // modal.confirm on click rather than a Popconfirm per row: tables show up to 100 rows of these.
  const confirm = (title: string, onOk: () => void) =>
    modal.confirm({ title, okText: t('common.ok'), cancelText: t('common.cancel'), onOk });
  const isSelf = user.id === me.id;
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        {t('users.edit')}
      </Button>
      {!isSelf && (
        <Button
          type="link"
          size="small"
          danger={!user.disabled}
          loading={update.isPending}
          onClick={() =>
            confirm(user.disabled ? t('users.enableConfirm') : t('users.disableConfirm'), toggle)
          }
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </Button>
      )}
      {!isSelf && (
        <Button
          type="link"
          size="small"
          loading={reset.isPending}
          onClick={() => confirm(t('users.resetConfirm'), resetPassword)}
        >
          {t('users.resetPassword')}
        </Button>
      )}
    </Space>
  );
};
