import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { t } from '../../../i18n/i18n.js';

type NameDialogProps = {
  open: boolean;
  title: string;
  label: string;
  requiredMessage: string;
  initialName?: string;
  placeholder?: string;
  saving: boolean;
  onSubmit: (name: string) => void;
  onClose: () => void;
};

/** A one-field dialog: create or rename something that only has a name. */
export const NameDialog = (props: NameDialogProps) => {
  const [form] = Form.useForm<{ name: string }>();
  useEffect(() => {
    if (props.open) form.setFieldsValue({ name: props.initialName ?? '' });
  }, [props.open, props.initialName, form]);
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      <Form form={form} name="named" layout="vertical" onFinish={({ name }) => props.onSubmit(name.trim())}>
        <Form.Item
          name="name"
          label={props.label}
          rules={[{ required: true, whitespace: true, message: props.requiredMessage }]}
        >
          <Input placeholder={props.placeholder} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
