import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Role, User } from '../../../api/types.js';
import type { UserFilters } from '../../../api/users.api.js';
import { EllipsisText } from '../../../components/EllipsisText.js';
import { OneTimeSecret } from '../../../components/OneTimeSecret.js';
import { QueryError } from '../../../components/QueryError.js';
import { useDebouncedValue } from '../../../components/useDebouncedValue.js';
import { t } from '../../../i18n/i18n.js';
import { useTeams, useUsers } from '../queries.js';
import { roleLabel, roles } from '../settings.labels.js';
import { UserActions } from './UserActions.js';
import { type UserDialogState, UserFormDialog } from './UserFormDialog.js';

type Secret = { title: string; owner: string; password: string };

const buildColumns = (
  onEdit: (user: User) => void,
  onSecret: (secret: Secret) => void,
): ColumnsType<User> => [
  {
    title: t('users.displayName'),
    dataIndex: 'displayName',
    width: 160,
    fixed: 'left',
    render: (name: string) => <EllipsisText text={name} />,
  },
  {
    title: t('users.login'),
    dataIndex: 'login',
    width: 140,
    render: (login: string) => <EllipsisText text={login} />,
  },
  { title: t('users.role'), dataIndex: 'role', width: 90, render: (role: Role) => roleLabel(role) },
  {
    title: t('users.team'),
    dataIndex: 'teamName',
    width: 150,
    render: (name: string | null) => (name ? <EllipsisText text={name} /> : '—'),
  },
  {
    title: t('users.subAccounts'),
    dataIndex: 'subAccounts',
    width: 200,
    render: (accounts: User['subAccounts']) => (
      <EllipsisText text={accounts.map((a) => a.name).join('、') || '—'} />
    ),
  },
  {
    title: t('users.status'),
    dataIndex: 'disabled',
    width: 90,
    render: (disabled: boolean) =>
      disabled ? (
        <Tag color="default">{t('users.disabled')}</Tag>
      ) : (
        <Tag color="green">{t('users.active')}</Tag>
      ),
  },
  {
    title: t('exams.certified.column'),
    dataIndex: 'certifiedAt',
    width: 110,
    // 上岗 is an agent's certification; managers do not sit the 上岗考试.
    render: (at: string | null, user: User) => {
      if (at) return <Tag color="gold">{dayjs(at).format('YYYY-MM-DD')}</Tag>;
      return user.role === 'agent' ? t('exams.certified.none') : '—';
    },
  },
  {
    title: t('users.actions'),
    key: 'actions',
    width: 220,
    render: (_: unknown, user: User) => <UserActions user={user} onEdit={onEdit} onSecret={onSecret} />,
  },
];

const UserFiltersBar = ({
  filters,
  onChange,
}: {
  filters: UserFilters;
  onChange: (next: UserFilters) => void;
}) => {
  const teams = useTeams();
  return (
    <Flex gap={8} wrap style={{ flex: '1 1 480px', maxWidth: 640 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('users.search')}
        aria-label={t('users.search')}
        value={filters.q ?? ''}
        onChange={(event) => onChange({ ...filters, q: event.target.value || undefined })}
        style={{ flex: '2 1 200px' }}
      />
      <Select<Role | undefined>
        allowClear
        placeholder={t('users.allRoles')}
        aria-label={t('users.role')}
        value={filters.role}
        onChange={(role) => onChange({ ...filters, role })}
        options={roles.map((value) => ({ value, label: roleLabel(value) }))}
        style={{ flex: '1 1 120px' }}
      />
      <Select<string | undefined>
        allowClear
        placeholder={t('users.allTeams')}
        aria-label={t('users.team')}
        value={filters.teamId}
        onChange={(teamId) => onChange({ ...filters, teamId })}
        options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        style={{ flex: '1 1 160px', minWidth: 0 }}
      />
    </Flex>
  );
};

/** Users: search and filters go to the API; the table pages on the client (1,000 rows stay smooth). */
export const UsersTab = () => {
  const [filters, setFilters] = useState<UserFilters>({});
  const users = useUsers(useDebouncedValue(filters, 250));
  const [dialog, setDialog] = useState<UserDialogState>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const columns = buildColumns((user) => setDialog({ mode: 'edit', user }), setSecret);
  if (users.isError) return <QueryError error={users.error} onRetry={() => users.refetch()} />;
  const onCreated = (user: User, password: string | null) => {
    if (password) setSecret({ title: t('users.initialPasswordTitle'), owner: user.displayName, password });
  };
  return (
    <>
      <Flex justify="space-between" align="start" gap={8} wrap style={{ marginBottom: 16 }}>
        <UserFiltersBar filters={filters} onChange={setFilters} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
          {t('users.create')}
        </Button>
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching && !users.data}
        dataSource={users.data}
        columns={columns}
        scroll={{ x: 1160 }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (count) => (
            <Typography.Text type="secondary">{t('users.total', { count })}</Typography.Text>
          ),
        }}
        locale={{ emptyText: <Empty description={t('users.empty')} /> }}
      />
      <UserFormDialog state={dialog} onClose={() => setDialog(null)} onCreated={onCreated} />
      <OneTimeSecret
        title={secret?.title ?? ''}
        owner={secret?.owner ?? ''}
        secret={secret?.password ?? null}
        onClose={() => setSecret(null)}
      />
    </>
  );
};
