import { BookOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ConversationMessage, StoredFinding } from '../../../api/inspection.api.js';
import { t } from '../../../i18n/i18n.js';
import type { ExampleFormValues } from './ExampleForm.js';
import { useLabellingRules } from './examples.queries.js';
import { useConversation } from './queries.js';

// Statuses after which a finding no longer counts: the reply is labelled without its rule.
const cleared = new Set(['dismissed', 'appeal_upheld']);

/**
 * The 标注样本 a finding suggests: its message, the buyer's messages since the previous reply, the
 * rules still held against the message (those a label may name), the reviewer's note.
 */
export const exampleFromFinding = (
  finding: StoredFinding,
  messages: ConversationMessage[],
  labelable: Set<string>,
): ExampleFormValues | undefined => {
  const index = messages.findIndex((message) => message.findings.some((one) => one.id === finding.id));
  const message = messages[index];
  if (!message) return undefined;
  const buyer: string[] = [];
  for (const earlier of messages.slice(0, index).reverse()) {
    if (earlier.sender === 'agent') break;
    if (earlier.sender === 'buyer') buyer.unshift(earlier.text);
  }
  const rules = message.findings
    .filter((one) => !cleared.has(one.status) && labelable.has(one.ruleId))
    .map((one) => one.ruleId);
  return {
    shopId: finding.shopId,
    agent: message.text,
    buyer: buyer.join('\n') || null,
    rules: [...new Set(rules)],
    note: finding.dismissReason ?? finding.decisionNote ?? finding.reviewNote ?? '',
    source: 'finding',
  };
};

/** 存为样本: opens the 标注样本 form filled from the finding (reviewers only). */
export const SaveAsExample = ({
  finding,
  onOpen,
}: {
  finding: StoredFinding;
  onOpen: (example: ExampleFormValues) => void;
}) => {
  const conversation = useConversation(finding);
  const rules = useLabellingRules(finding.shopId);
  const labelable = new Set((rules.data ?? []).map((rule) => rule.id));
  const example =
    conversation.data && rules.data
      ? exampleFromFinding(finding, conversation.data.messages, labelable)
      : undefined;
  return (
    <Button
      icon={<BookOutlined />}
      disabled={example === undefined}
      loading={conversation.isLoading || rules.isLoading}
      onClick={() => example && onOpen(example)}
    >
      {t('inspection.examples.saveFinding')}
    </Button>
  );
};
