import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/errors.js';
import type { SubAccount } from '../../../api/types.js';
import { EllipsisText } from '../../../components/EllipsisText.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useCreateSubAccount, useShops, useSubAccounts } from '../queries.js';
import { platformLabel } from '../settings.labels.js';
import { NameDialog } from './NameDialog.js';

const ShopSubAccounts = ({ shopId }: { shopId: string }) => {
  const subAccounts = useSubAccounts(shopId);
  if (subAccounts.isError)
    return <QueryError error={subAccounts.error} onRetry={() => subAccounts.refetch()} />;
  return (
    <Table<SubAccount>
      rowKey="id"
      loading={subAccounts.isPending}
      dataSource={subAccounts.data}
      columns={[
        {
          title: t('subAccounts.name'),
          dataIndex: 'name',
          ellipsis: true,
          render: (name: string) => <EllipsisText text={name} />,
        },
      ]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('subAccounts.empty')} /> }}
    />
  );
};

/** Sub-accounts (子账号) are per shop: pick the shop, then list and add. */
export const SubAccountsTab = () => {
  const shops = useShops();
  const create = useCreateSubAccount();
  const { message } = App.useApp();
  const [chosenShopId, setChosenShopId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (shops.isError) return <QueryError error={shops.error} onRetry={() => shops.refetch()} />;
  if (shops.data?.length === 0) return <Empty description={t('subAccounts.noShops')} />;
  const shopId = chosenShopId ?? shops.data?.[0]?.id ?? null;
  const options = (shops.data ?? []).map((shop) => ({
    value: shop.id,
    label: `${shop.name}（${platformLabel(shop.platform)}）`,
  }));
  const onSubmit = (name: string) => {
    if (!shopId) return;
    create.mutate(
      { shopId, name },
      {
        onSuccess: () => {
          setAdding(false);
          message.success(t('subAccounts.added'));
        },
        onError: (error) => message.error(describeError(error)),
      },
    );
  };
  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('subAccounts.shop')}
          placeholder={t('subAccounts.chooseShop')}
          loading={shops.isPending}
          value={shopId}
          options={options}
          onChange={setChosenShopId}
          style={{ width: 280, maxWidth: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Button type="primary" icon={<PlusOutlined />} disabled={!shopId} onClick={() => setAdding(true)}>
          {t('subAccounts.add')}
        </Button>
      </Flex>
      {shopId && <ShopSubAccounts shopId={shopId} />}
      <NameDialog
        open={adding}
        title={t('subAccounts.add')}
        label={t('subAccounts.name')}
        placeholder={t('subAccounts.namePlaceholder')}
        requiredMessage={t('subAccounts.nameRequired')}
        saving={create.isPending}
        onSubmit={onSubmit}
        onClose={() => setAdding(false)}
      />
    </>
  );
};
