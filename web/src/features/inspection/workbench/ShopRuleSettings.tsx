import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { Rule } from '../../../api/compliance.api.js';
import type { CustomRule, ShopSettingsVersion } from '../../../api/inspection.api.js';
import { isApiError } from '../../../api/client.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { useShopsForCheck } from '../queries.js';
import { useSaveShopSettings, useShopSettings } from './queries.js';
import { recentPeriod } from './workbench.labels.js';

type Overrides = ShopSettingsVersion['rules'];
type CustomDraft = {
  id: string;
  title: string;
  points?: number;
  words: string;
  patterns: string;
  explanation?: string;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const toDraft = (rule: CustomRule): CustomDraft => ({
  id: rule.id,
  title: rule.title,
  ...(rule.points === undefined ? {} : { points: rule.points }),
  words: (rule.words ?? []).join('\n'),
  patterns: (rule.patterns ?? []).join('\n'),
  ...(rule.explanation ? { explanation: rule.explanation } : {}),
});

const fromDraft = (draft: CustomDraft): CustomRule => ({
  id: draft.id.trim(),
  title: draft.title.trim(),
  ...(draft.points === undefined || draft.points === null ? {} : { points: draft.points }),
  words: lines(draft.words ?? ''),
  patterns: lines(draft.patterns ?? ''),
  ...(draft.explanation?.trim() ? { explanation: draft.explanation.trim() } : {}),
});

/** A refused save names each problem (e.g. which pattern does not compile), not just "invalid". */
const problemText = (error: unknown): string => {
  const details = isApiError(error) && Array.isArray(error.details) ? (error.details as unknown[]) : [];
  const messages = details.flatMap((detail) =>
    typeof detail === 'object' && detail !== null && 'message' in detail && typeof detail.message === 'string'
      ? [detail.message]
      : [],
  );
  return messages.length > 0 ? `${describeError(error)}：${messages.join('；')}` : describeError(error);
};

const ShopForm = ({ shopId, rules }: { shopId: string; rules: Rule[] }) => {
  const { message } = App.useApp();
  const settings = useShopSettings(shopId);
  const save = useSaveShopSettings(shopId);
  const [overrides, setOverrides] = useState<Overrides>({});
  // Today by default; a later day lets a supervisor announce a change before it applies.
  const [effectiveFrom, setEffectiveFrom] = useState(() => recentPeriod(0).from);
  const [form] = Form.useForm<{ custom: CustomDraft[] }>();
  const latest = settings.data?.versions.at(-1);
  useEffect(() => {
    setOverrides(latest?.rules ?? {});
    form.setFieldsValue({ custom: (latest?.custom ?? []).map(toDraft) });
  }, [latest, form]);
  const change = (id: string, patch: { enabled?: boolean; points?: number }) =>
    setOverrides((old) => ({ ...old, [id]: { ...old[id], ...patch } }));
  const submit = async ({ custom }: { custom: CustomDraft[] }) => {
    try {
      await save.mutateAsync({ effectiveFrom, rules: overrides, custom: (custom ?? []).map(fromDraft) });
      message.success(t('inspection.settings.saved', { date: effectiveFrom }));
    } catch (error) {
      message.error(problemText(error));
    }
  };
  const columns: TableColumnsType<Rule> = [
    { title: t('inspection.rules.title'), dataIndex: 'title' },
    {
      title: t('inspection.settings.enabled'),
      key: 'enabled',
      width: 80,
      render: (_: unknown, rule) => (
        <Switch
          size="small"
          aria-label={`${rule.title} ${t('inspection.settings.enabled')}`}
          checked={overrides[rule.id]?.enabled ?? true}
          onChange={(enabled) => change(rule.id, { enabled })}
        />
      ),
    },
    {
      title: t('inspection.settings.points'),
      key: 'points',
      width: 110,
      render: (_: unknown, rule) => (
        <InputNumber
          size="small"
          min={0}
          max={48}
          aria-label={`${rule.title} ${t('inspection.settings.points')}`}
          value={overrides[rule.id]?.points ?? rule.points}
          onChange={(points) => change(rule.id, { points: points ?? rule.points })}
          style={{ width: 80 }}
        />
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {latest
          ? t('inspection.settings.current', { date: latest.effectiveFrom })
          : t('inspection.settings.noVersion')}
      </Typography.Text>
      <Table<Rule>
        rowKey="id"
        size="small"
        loading={settings.isLoading}
        dataSource={rules}
        columns={columns}
        pagination={false}
        scroll={{ y: 320 }}
      />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Typography.Text strong>{t('inspection.settings.custom')}</Typography.Text>
        <Form.List name="custom">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('inspection.settings.remove')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('inspection.settings.customTitle')}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input maxLength={100} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'id']}
                      label={t('inspection.settings.customId')}
                      tooltip={t('inspection.settings.customIdHint')}
                      rules={[
                        {
                          required: true,
                          pattern: /^[a-z][a-z0-9_]{1,63}$/,
                          message: t('inspection.settings.customIdHint'),
                        },
                      ]}
                    >
                      <Input maxLength={64} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'points']} label={t('inspection.rules.points')}>
                      <InputNumber min={0} max={48} style={{ width: 80 }} />
                    </Form.Item>
                  </Flex>
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[field.name, 'words']}
                      label={t('inspection.settings.words')}
                      style={{ flex: '1 1 220px' }}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'patterns']}
                      label={t('inspection.settings.patterns')}
                      style={{ flex: '1 1 220px' }}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ id: '', title: '', words: '', patterns: '' })}
                style={{ alignSelf: 'start' }}
              >
                {t('inspection.settings.addCustom')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} align="center" wrap style={{ marginTop: 16 }}>
          <Typography.Text>{t('inspection.settings.effectiveFrom')}</Typography.Text>
          <DatePicker
            aria-label={t('inspection.settings.effectiveFrom')}
            allowClear={false}
            value={dayjs(effectiveFrom)}
            onChange={(day) => day && setEffectiveFrom(day.format('YYYY-MM-DD'))}
          />
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('inspection.settings.save')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
};

/**
 * 店铺质检设置: for one shop, switch built-in rules off, change their points, add its own forbidden
 * words and patterns. Each save is a new version from its effective date; earlier chats keep the
 * settings of their day.
 */
export const ShopRuleSettings = ({ rules }: { rules: Rule[] }) => {
  const shops = useShopsForCheck(true);
  const [shopId, setShopId] = useState<string | undefined>();
  const shop = shops.data?.find((one) => one.id === shopId);
  return (
    <Flex vertical gap={12}>
      <Select<string>
        aria-label={t('inspection.settings.shop')}
        allowClear
        placeholder={t('inspection.settings.shop')}
        value={shopId}
        onChange={(value) => setShopId(value ?? undefined)}
        options={(shops.data ?? []).map((one) => ({
          value: one.id,
          label: `${one.name}（${t(`platform.${one.platform}`)}）`,
        }))}
        style={{ maxWidth: 280 }}
      />
      {shop ? (
        <ShopForm
          key={shop.id}
          shopId={shop.id}
          rules={rules.filter((rule) => rule.platforms.includes(shop.platform))}
        />
      ) : (
        <Typography.Text type="secondary">{t('inspection.settings.pickShop')}</Typography.Text>
      )}
    </Flex>
  );
};
