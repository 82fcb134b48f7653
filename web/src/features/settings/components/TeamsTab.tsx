import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Table } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/errors.js';
import type { Team } from '../../../api/types.js';
import { EllipsisText } from '../../../components/EllipsisText.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useCreateTeam, useRenameTeam, useTeams } from '../queries.js';
import { NameDialog } from './NameDialog.js';

type Editing = { mode: 'create' } | { mode: 'rename'; team: Team } | null;

export const TeamsTab = () => {
  const teams = useTeams();
  const create = useCreateTeam();
  const rename = useRenameTeam();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  if (teams.isError) return <QueryError error={teams.error} onRetry={() => teams.refetch()} />;
  const close = () => setEditing(null);
  const onError = (error: unknown) => message.error(describeError(error));
  const done = (text: string) => () => {
    close();
    message.success(text);
  };
  const onSubmit = (name: string) => {
    if (editing?.mode === 'rename') {
      rename.mutate({ id: editing.team.id, name }, { onSuccess: done(t('teams.renamed')), onError });
    } else {
      create.mutate({ name }, { onSuccess: done(t('teams.created')), onError });
    }
  };
  const columns = [
    {
      title: t('teams.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string) => <EllipsisText text={name} />,
    },
    { title: t('teams.memberCount'), dataIndex: 'memberCount', width: 100 },
    {
      title: t('users.actions'),
      width: 100,
      render: (_: unknown, team: Team) => (
        <Button type="link" size="small" onClick={() => setEditing({ mode: 'rename', team })}>
          {t('teams.rename')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
          {t('teams.create')}
        </Button>
      </Flex>
      <Table<Team>
        rowKey="id"
        loading={teams.isPending}
        dataSource={teams.data}
        columns={columns}
        scroll={{ x: 420 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('teams.empty')} /> }}
      />
      <NameDialog
        open={editing !== null}
        title={editing?.mode === 'rename' ? t('teams.rename') : t('teams.create')}
        label={t('teams.name')}
        requiredMessage={t('teams.nameRequired')}
        initialName={editing?.mode === 'rename' ? editing.team.name : ''}
        saving={create.isPending || rename.isPending}
        onSubmit={onSubmit}
        onClose={close}
      />
    </>
  );
};
