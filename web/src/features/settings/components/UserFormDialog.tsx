import { App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { describeError } from '../../../api/errors.js';
import type { Role, User } from '../../../api/types.js';
import { t } from '../../../i18n/i18n.js';
import { useCreateUser, useUpdateUser } from '../queries.js';
import { UserFields } from './UserFields.js';

type UserForm = { login: string; displayName: string; role: Role; teamId?: string; subAccountIds?: string[] };

export type UserDialogState = { mode: 'create' } | { mode: 'edit'; user: User } | null;

type UserFormDialogProps = {
  state: UserDialogState;
  onClose: () => void;
  /** Called after creation with the generated initial password, when the server made one. */
  onCreated: (user: User, initialPassword: string | null) => void;
};

const formValuesOf = (user: User): UserForm => ({
  login: user.login,
  displayName: user.displayName,
  role: user.role,
  teamId: user.teamId ?? undefined,
  subAccountIds: user.subAccounts.map((account) => account.id),
});

/** Saves the form: PATCH for an existing user, POST (with a generated password) for a new one. */
const useSaveUser = ({ onClose, onCreated }: Omit<UserFormDialogProps, 'state'>) => {
  const create = useCreateUser();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const onError = (error: unknown) => message.error(describeError(error));
  const save = (values: UserForm, editing: User | null) => {
    const common = { displayName: values.displayName.trim(), subAccountIds: values.subAccountIds ?? [] };
    if (editing) {
      // The role is sent only when it changes: supervisors may edit agents but not touch roles.
      const role = values.role === editing.role ? {} : { role: values.role };
      const onSuccess = () => {
        onClose();
        message.success(t('users.edited'));
      };
      update.mutate(
        { id: editing.id, input: { ...common, ...role, teamId: values.teamId ?? null } },
        { onSuccess, onError },
      );
      return;
    }
    const input = { ...common, role: values.role, login: values.login.trim(), teamId: values.teamId };
    create.mutate(input, {
      onSuccess: ({ user, initialPassword }) => {
        onClose();
        message.success(t('users.created'));
        onCreated(user, initialPassword ?? null);
      },
      onError,
    });
  };
  return { save, saving: create.isPending || update.isPending };
};

export const UserFormDialog = ({ state, onClose, onCreated }: UserFormDialogProps) => {
  const [form] = Form.useForm<UserForm>();
  const { save, saving } = useSaveUser({ onClose, onCreated });
  const editing = state?.mode === 'edit' ? state.user : null;

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    if (state.mode === 'edit') form.setFieldsValue(formValuesOf(state.user));
  }, [state, form]);

  return (
    <Modal
      open={state !== null}
      title={editing ? t('users.editTitle') : t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        name="user"
        layout="vertical"
        onFinish={(values) => save(values, editing)}
        initialValues={{ role: 'agent' }}
      >
        <UserFields editing={editing} />
      </Form>
    </Modal>
  );
};
