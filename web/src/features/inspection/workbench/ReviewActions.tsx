import { App, Button, Flex, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import type { StoredFinding } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { type ReviewInput, useReview } from './queries.js';

/** A review step that needs words from the reviewer or the agent. */
export type DialogKind = 'dismiss' | 'appeal' | 'decide';

/**
 * What the viewer may do with a finding now. Mirrors the server's state machine (审核 → 申诉 →
 * 处理) so no button leads to a refusal; the server still checks every step.
 */
export const availableActions = (
  finding: StoredFinding,
  role: { reviewer: boolean; own: boolean },
): ('confirm' | DialogKind)[] => {
  if (role.reviewer && finding.status === 'open') return ['confirm', 'dismiss'];
  if (role.reviewer && finding.status === 'appealed') return ['decide'];
  if (role.own && finding.status === 'confirmed') return ['appeal'];
  return [];
};

const labels = {
  confirm: 'inspection.action.confirm',
  dismiss: 'inspection.action.dismiss',
  appeal: 'inspection.action.appeal',
  decide: 'inspection.action.decide',
} as const;

export const ReviewButtons = ({
  finding,
  role,
  onConfirm,
  onDialog,
  busy,
}: {
  finding: StoredFinding;
  role: { reviewer: boolean; own: boolean };
  onConfirm: () => void;
  onDialog: (kind: DialogKind) => void;
  busy: boolean;
}) => {
  const actions = availableActions(finding, role);
  if (actions.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {actions.map((action) => (
        <Button
          key={action}
          type={action === 'confirm' || action === 'appeal' || action === 'decide' ? 'primary' : 'default'}
          danger={action === 'confirm'}
          loading={busy && action === 'confirm'}
          onClick={() => (action === 'confirm' ? onConfirm() : onDialog(action))}
        >
          {t(labels[action])}
        </Button>
      ))}
    </Flex>
  );
};

type Values = { text: string; upheld?: boolean };

const titles = {
  dismiss: 'inspection.action.dismissTitle',
  appeal: 'inspection.action.appealTitle',
  decide: 'inspection.action.decideTitle',
} as const;

const done = {
  dismiss: 'inspection.action.dismissed',
  appeal: 'inspection.action.appealed',
  decide: 'inspection.action.decided',
} as const;

/** The dialog of a step that needs a reason (误报), a statement (申诉) or a decision (申诉处理). */
export const ReviewDialog = ({
  dialog,
  onClose,
  onDone,
}: {
  dialog: { kind: DialogKind; finding: StoredFinding } | null;
  onClose: () => void;
  onDone: (updated: StoredFinding) => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const review = useReview();
  useEffect(() => {
    if (dialog) form.resetFields();
  }, [dialog, form]);
  if (!dialog) return null;
  const { kind, finding } = dialog;
  const submit = async (values: Values) => {
    const text = values.text.trim();
    const input: ReviewInput =
      kind === 'dismiss'
        ? { action: 'dismiss', id: finding.id, reason: text }
        : kind === 'appeal'
          ? { action: 'appeal', id: finding.id, text }
          : { action: 'decide', id: finding.id, upheld: values.upheld === true, note: text };
    try {
      const updated = await review.mutateAsync(input);
      message.success(t(done[kind]));
      onDone(updated);
    } catch (error) {
      message.error(describeError(error));
    }
  };
  const label =
    kind === 'dismiss'
      ? t('inspection.action.dismissReason')
      : kind === 'appeal'
        ? t('inspection.action.appealText')
        : t('inspection.action.decisionNote');
  return (
    <Modal
      open
      title={t(titles[kind])}
      okText={t('inspection.action.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={review.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ text: '' }}>
        {kind === 'decide' && (
          <Form.Item
            name="upheld"
            label={t('inspection.action.decision')}
            rules={[{ required: true, message: t('inspection.action.reasonRequired') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('inspection.action.upheld') },
                { value: false, label: t('inspection.action.rejected') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('inspection.action.reasonRequired') }]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={kind === 'appeal' ? 2000 : kind === 'decide' ? 1000 : 500}
            showCount
            placeholder={
              kind === 'dismiss'
                ? t('inspection.action.dismissPlaceholder')
                : kind === 'appeal'
                  ? t('inspection.action.appealPlaceholder')
                  : undefined
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
