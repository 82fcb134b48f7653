import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ExplainedBuyer } from '../../../api/metrics.api.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { useRuleCredit } from '../queries.js';

type RulingForm = { agent: string; reason: string };

// The Select needs a value for "nobody": a string no sub-account name can be (they hold a colon).
const nobody = '\u0000nobody';

/**
 * 改判落实客服: moves the credit for the buyer's order to another agent who chatted with the
 * buyer, or to nobody, with a reason (audited; the numbers are recomputed).
 */
export const CreditRuling = ({ buyer }: { buyer: ExplainedBuyer & { order: string } }) => {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RulingForm>();
  const rule = useRuleCredit();
  const { message } = App.useApp();
  const agents = [...new Set(buyer.messages.filter((m) => m.sender === 'agent').map((m) => m.agent))];
  const submit = ({ agent, reason }: RulingForm) =>
    rule.mutate(
      { shop: buyer.shop, order: buyer.order, agent: agent === nobody ? null : agent, reason },
      {
        onSuccess: () => {
          message.success(t('metrics.ruling.done'));
          setOpen(false);
        },
        onError: (error) => message.error(describeError(error)),
      },
    );
  return (
    <>
      <Button
        size="small"
        type="link"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {t('metrics.ruling.open')}
      </Button>
      <Modal
        open={open}
        title={t('metrics.ruling.title', { order: buyer.order })}
        okText={t('metrics.ruling.submit')}
        confirmLoading={rule.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="agent"
            label={t('metrics.ruling.agent')}
            rules={[{ required: true, message: t('metrics.ruling.agentRequired') }]}
          >
            <Select
              options={[
                ...agents.map((agent) => ({ value: agent, label: agent })),
                { value: nobody, label: t('metrics.ruling.nobody') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('metrics.ruling.reason')}
            rules={[{ required: true, whitespace: true, message: t('metrics.ruling.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
