import { App, Form, type FormInstance, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.js';
import type { NewExampleInput } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { useShopsForCheck } from '../queries.js';
import { useLabellingRules, useSaveExample } from './examples.queries.js';

/** What the form opens with: an example to relabel (with `id`), a blank one, or one from a finding. */
export type ExampleFormValues = {
  id?: string;
  shopId: string | null;
  agent: string;
  buyer: string | null;
  rules: string[];
  note: string;
  source: 'manual' | 'finding';
};

export const blankExample: ExampleFormValues = {
  shopId: null,
  agent: '',
  buyer: null,
  rules: [],
  note: '',
  source: 'manual',
};

type Draft = { shopId?: string; agent: string; buyer?: string; rules?: string[]; note?: string };
const fields = ['shopId', 'agent', 'buyer', 'rules', 'note'] as const;

/** Puts each problem the server names (`body.rules`) under its field; the rest go to a message. */
const showRefusal = (form: FormInstance<Draft>, error: unknown): boolean => {
  const details: unknown[] = isApiError(error) && Array.isArray(error.details) ? error.details : [];
  const placed = details.flatMap((detail) => {
    const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
    const name = fields.find((field) => path === `body.${field}`);
    return name && typeof message === 'string' ? [{ name, errors: [message] }] : [];
  });
  form.setFields(placed);
  return placed.length > 0;
};

/**
 * The form of a 标注样本: the shop whose rules judge it (none: the built-in ones), the reply, the
 * buyer message it answers, the rules it breaks (none: compliant) and why. Closed when `example`
 * is undefined.
 */
export const ExampleForm = ({
  example,
  onClose,
}: {
  example: ExampleFormValues | undefined;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<Draft>();
  // The form is mounted afresh for each opening, so the chosen shop starts from the example's.
  const [shopId, setShopId] = useState(example?.shopId ?? undefined);
  // Nothing is fetched while the form is closed.
  const open = example !== undefined;
  const shops = useShopsForCheck(open);
  const rules = useLabellingRules(shopId, open);
  const custom = new Set((rules.data ?? []).filter((rule) => rule.custom).map((rule) => rule.id));
  // The shop's own rules first: with a shop chosen they are what the list is narrowed for.
  const options = [...(rules.data ?? [])]
    .sort((a, b) => Number(b.custom) - Number(a.custom))
    .map((rule) => ({
      value: rule.id,
      label: rule.custom
        ? `${rule.title}（${rule.id}，${t('inspection.examples.customRule')}）`
        : `${rule.title}（${rule.id}）`,
    }));
  const save = useSaveExample();
  const submit = async (draft: Draft) => {
    const input: NewExampleInput = {
      shopId: draft.shopId ?? null,
      agent: draft.agent,
      buyer: draft.buyer?.trim() ? draft.buyer : null,
      rules: draft.rules ?? [],
      note: draft.note ?? '',
      source: example?.source ?? 'manual',
    };
    try {
      await save.mutateAsync({ id: example?.id, input });
      message.success(t('inspection.examples.saved'));
      onClose();
    } catch (error) {
      if (!showRefusal(form, error)) message.error(describeError(error));
    }
  };
  const title = example?.id
    ? 'inspection.examples.editTitle'
    : example?.source === 'finding'
      ? 'inspection.examples.fromFindingTitle'
      : 'inspection.examples.createTitle';
  return (
    <Modal
      open={open}
      title={t(title)}
      okText={t('inspection.examples.save')}
      cancelText={t('inspection.examples.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width="min(640px, 100vw)"
    >
      <Form<Draft>
        form={form}
        layout="vertical"
        data-testid="example-form"
        preserve={false}
        initialValues={{
          shopId: example?.shopId ?? undefined,
          agent: example?.agent ?? '',
          buyer: example?.buyer ?? '',
          rules: example?.rules ?? [],
          note: example?.note ?? '',
        }}
        // Another shop does not know this one's own rules: they are taken off the label.
        onValuesChange={(changed: Partial<Draft>) => {
          if (!('shopId' in changed)) return;
          setShopId(changed.shopId);
          form.setFieldValue(
            'rules',
            (form.getFieldValue('rules') as string[] | undefined)?.filter((id) => !custom.has(id)) ?? [],
          );
        }}
        onFinish={submit}
      >
        <Form.Item
          name="agent"
          label={t('inspection.examples.agent')}
          rules={[{ required: true, whitespace: true, message: t('inspection.examples.agentRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            showCount
            placeholder={t('inspection.examples.agentPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="buyer" label={t('inspection.examples.buyer')}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            placeholder={t('inspection.examples.buyerPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="shopId"
          label={t('inspection.examples.shop')}
          extra={t('inspection.examples.shopHelp')}
        >
          <Select<string>
            allowClear
            placeholder={t('inspection.examples.noShop')}
            loading={shops.isLoading}
            options={(shops.data ?? []).map((shop) => ({
              value: shop.id,
              label: `${shop.name}（${t(`platform.${shop.platform}`)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="rules"
          label={t('inspection.examples.rules')}
          extra={t('inspection.examples.rulesHelp')}
        >
          <Select
            mode="multiple"
            allowClear
            loading={rules.isLoading}
            options={options}
            optionFilterProp="label"
            placeholder={t('inspection.examples.rulesPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('inspection.examples.note')}>
          <Input maxLength={500} placeholder={t('inspection.examples.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
