import { Alert, Modal, Typography } from 'antd';
import { t } from '../i18n/i18n.js';

/** Shows a generated password exactly once, with a copy button. */
export const OneTimeSecret = ({
  title,
  owner,
  secret,
  onClose,
}: {
  title: string;
  owner: string;
  secret: string | null;
  onClose: () => void;
}) => (
  <Modal
    open={secret !== null}
    title={title}
    onOk={onClose}
    onCancel={onClose}
    okText={t('common.close')}
    cancelButtonProps={{ style: { display: 'none' } }}
    mask={{ closable: false }}
  >
    <Alert type="warning" showIcon title={t('users.passwordOnce', { name: owner })} />
    <Typography.Paragraph
      copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('users.passwordCopied')] }}
      code
      style={{ fontSize: 20, marginTop: 16 }}
      data-testid="one-time-secret"
    >
      {secret}
    </Typography.Paragraph>
  </Modal>
);
