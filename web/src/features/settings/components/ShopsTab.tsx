import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../../api/errors.js';
import type { Platform, Shop } from '../../../api/types.js';
import { EllipsisText } from '../../../components/EllipsisText.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useCurrentUser } from '../../auth/session.js';
import { useCreateShop, useRenameShop, useShops } from '../queries.js';
import { NameDialog } from './NameDialog.js';
import { platformLabel, platformOptions } from '../settings.labels.js';

type ShopForm = { name: string; platform: Platform; timeZone?: string };

const defaultTimeZone = 'Asia/Shanghai';

const CreateShopDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [form] = Form.useForm<ShopForm>();
  const create = useCreateShop();
  const { message } = App.useApp();
  const onFinish = (values: ShopForm) =>
    create.mutate(
      { name: values.name.trim(), platform: values.platform, timeZone: values.timeZone?.trim() || undefined },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
          message.success(t('shops.created'));
        },
        onError: (error) => message.error(describeError(error)),
      },
    );
  return (
    <Modal
      open={open}
      title={t('shops.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        name="shop"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ timeZone: defaultTimeZone }}
      >
        <Form.Item
          name="name"
          label={t('shops.name')}
          rules={[{ required: true, whitespace: true, message: t('shops.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="platform"
          label={t('shops.platform')}
          rules={[{ required: true, message: t('shops.platformRequired') }]}
        >
          <Select options={platformOptions} />
        </Form.Item>
        <Form.Item name="timeZone" label={t('shops.timeZone')}>
          <Input placeholder={defaultTimeZone} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const shopColumns = (onRename: ((shop: Shop) => void) | null): ColumnsType<Shop> => [
  {
    title: t('shops.name'),
    dataIndex: 'name',
    ellipsis: true,
    render: (name: string) => <EllipsisText text={name} />,
  },
  {
    title: t('shops.platform'),
    dataIndex: 'platform',
    width: 100,
    render: (platform: Platform) => <Tag>{platformLabel(platform)}</Tag>,
  },
  { title: t('shops.timeZone'), dataIndex: 'timeZone', width: 160 },
  {
    title: t('shops.createdAt'),
    dataIndex: 'createdAt',
    width: 130,
    render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
  },
  ...(onRename
    ? [
        {
          title: t('users.actions'),
          width: 100,
          render: (_: unknown, shop: Shop) => (
            <Button type="link" size="small" onClick={() => onRename(shop)}>
              {t('shops.rename')}
            </Button>
          ),
        },
      ]
    : []),
];

export const ShopsTab = () => {
  const user = useCurrentUser();
  const shops = useShops();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Shop | null>(null);
  const rename = useRenameShop();
  const { message } = App.useApp();
  if (shops.isError) return <QueryError error={shops.error} onRetry={() => shops.refetch()} />;
  const columns = shopColumns(user.role === 'admin' ? setRenaming : null);
  const onRename = (name: string) => {
    if (!renaming) return;
    rename.mutate(
      { id: renaming.id, name },
      {
        onSuccess: () => {
          setRenaming(null);
          message.success(t('shops.renamed'));
        },
        onError: (error) => message.error(describeError(error)),
      },
    );
  };
  return (
    <>
      {user.role === 'admin' && (
        <Flex justify="end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('shops.create')}
          </Button>
        </Flex>
      )}
      <Table<Shop>
        rowKey="id"
        loading={shops.isPending}
        dataSource={shops.data}
        columns={columns}
        scroll={{ x: 560 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('shops.empty')} /> }}
      />
      <CreateShopDialog open={creating} onClose={() => setCreating(false)} />
      <NameDialog
        open={renaming !== null}
        title={t('shops.rename')}
        label={t('shops.name')}
        requiredMessage={t('shops.nameRequired')}
        initialName={renaming?.name ?? ''}
        saving={rename.isPending}
        onSubmit={onRename}
        onClose={() => setRenaming(null)}
      />
    </>
  );
};
