import { Form, Input, Modal, Select, App } from 'antd';
import type { FormInstance } from 'antd';
import { isApiError } from '../../../api/client.js';
import type { ExampleInput, LabelledExample } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { useRules } from '../queries.js';
import { useSaveExample } from './examples.queries.js';

type Draft = { agent: string; buyer?: string; rules: string[]; note?: string };
const fields = ['agent', 'buyer', 'rules', 'note'] as const;

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
 * The form of a 标注样本: the reply, the buyer message it answers, the rules it breaks (none:
 * compliant) and why. `example` undefined: closed; null: a new one.
 */
export const ExampleForm = ({
  example,
  onClose,
}: {
  example: LabelledExample | null | undefined;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<Draft>();
  const rules = useRules();
  const save = useSaveExample();
  // Rules judged on a whole conversation cannot be labelled on one reply.
  const options = (rules.data ?? [])
    .filter((rule) => rule.scope === 'message')
    .map((rule) => ({ value: rule.id, label: `${rule.title}（${rule.id}）` }));
  const submit = async (draft: Draft) => {
    const input: ExampleInput = {
      agent: draft.agent,
      buyer: draft.buyer?.trim() ? draft.buyer : null,
      rules: draft.rules ?? [],
      note: draft.note ?? '',
    };
    try {
      await save.mutateAsync({ id: example?.id, input });
      message.success(t('inspection.examples.saved'));
      onClose();
    } catch (error) {
      if (!showRefusal(form, error)) message.error(describeError(error));
    }
  };
  return (
    <Modal
      open={example !== undefined}
      title={t(example ? 'inspection.examples.editTitle' : 'inspection.examples.createTitle')}
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
          agent: example?.agent ?? '',
          buyer: example?.buyer ?? '',
          rules: example?.rules ?? [],
          note: example?.note ?? '',
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
