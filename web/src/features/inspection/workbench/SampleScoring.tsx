import { App, Button, Drawer, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import type { Sample, ScoreSheet } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { useIsMobile } from '../../../components/useIsMobile.js';
import { t } from '../../../i18n/i18n.js';
import { ConversationView } from './ConversationView.js';
import { useScoreSample } from './queries.js';
import { agentName } from './workbench.labels.js';

type Values = { scores: number[]; comment: string };

/** Scores one sampled conversation: the chat above, one number per sheet item and a comment below. */
export const SampleScoring = ({
  sample,
  sheet,
  onClose,
}: {
  sample: Sample | undefined;
  sheet: ScoreSheet | undefined;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const save = useScoreSample();
  const scores = Form.useWatch('scores', form) ?? [];
  useEffect(() => {
    // A new sample starts from its saved scores, or full marks (reviewers deduct what is missing).
    if (sample && sheet)
      form.setFieldsValue({
        scores: sample.scores ?? sheet.items.map((item) => item.points),
        comment: sample.comment ?? '',
      });
  }, [sample, sheet, form]);
  const submit = async (values: Values) => {
    if (!sample) return;
    try {
      await save.mutateAsync({ id: sample.id, scores: values.scores, comment: values.comment.trim() });
      message.success(t('inspection.sampling.saved'));
      onClose();
    } catch (error) {
      message.error(describeError(error));
    }
  };
  const total = scores.reduce((sum: number, value: number | null) => sum + (value ?? 0), 0);
  return (
    <Drawer
      open={sample !== undefined}
      onClose={onClose}
      size={mobile ? '100%' : 720}
      title={
        sample
          ? `${t('inspection.sampling.scoreTitle')} · ${agentName(sample.agent)} · ${sample.day}`
          : t('inspection.sampling.scoreTitle')
      }
      destroyOnHidden
    >
      {sample && sheet && (
        <Flex vertical gap={16}>
          <div style={{ maxHeight: mobile ? undefined : 360, overflowY: 'auto', paddingRight: 4 }}>
            <ConversationView target={sample} buyer={sample.buyer} />
          </div>
          <Form form={form} layout="vertical" onFinish={submit}>
            {sheet.items.map((item, index) => (
              <Form.Item
                key={item.label}
                name={['scores', index]}
                label={`${item.label}（${item.points} 分）`}
                help={item.description}
                rules={[{ required: true }]}
              >
                <InputNumber
                  min={0}
                  max={item.points}
                  step={1}
                  aria-label={item.label}
                  style={{ width: 100 }}
                />
              </Form.Item>
            ))}
            <Form.Item name="comment" label={t('inspection.sampling.comment')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
            </Form.Item>
            <Flex justify="space-between" align="center">
              <Typography.Text strong data-testid="sample-sum">
                {t('inspection.sampling.sum', { total, max: sheet.maxTotal })}
              </Typography.Text>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('inspection.action.submit')}
              </Button>
            </Flex>
          </Form>
        </Flex>
      )}
    </Drawer>
  );
};
