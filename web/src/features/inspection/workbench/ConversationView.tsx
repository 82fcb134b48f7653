import { Alert, Empty, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { ConversationMessage } from '../../../api/inspection.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { type MessageKey, t } from '../../../i18n/i18n.js';
import { HighlightedReply } from '../components/HighlightedReply.js';
import { useRules } from '../queries.js';
import { useConversation } from './queries.js';
import { shortTime } from './workbench.labels.js';

const bubble = (mine: boolean, current: boolean) => ({
  background: mine ? '#e6f4ff' : '#f5f5f5',
  border: current ? '2px solid #ff4d4f' : '1px solid transparent',
  borderRadius: 8,
  padding: '6px 10px',
});

const senderLabel = (sender: string) =>
  ['buyer', 'agent', 'system'].includes(sender)
    ? t(`inspection.drawer.sender.${sender}` as MessageKey)
    : sender;

/**
 * A stored conversation as a chat, every finding marked in its message; the message of
 * `findingId` is outlined and scrolled into view.
 */
export const ConversationView = ({
  target,
  findingId,
  buyer,
}: {
  target: { shopId: string; conversation: string };
  findingId?: string;
  buyer: string;
}) => {
  const conversation = useConversation(target);
  const rules = useRules();
  const currentRef = useRef<HTMLDivElement>(null);
  const messages = conversation.data?.messages;
  useEffect(() => {
    if (messages) currentRef.current?.scrollIntoView({ block: 'center' });
  }, [messages]);
  if (conversation.isError)
    return <QueryError error={conversation.error} onRetry={() => conversation.refetch()} />;
  if (!messages) return <Spin />;
  if (messages.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const titles = new Map((rules.data ?? []).map((rule) => [rule.id, rule.title]));
  const holds = (message: ConversationMessage) => message.findings.some((one) => one.id === findingId);
  return (
    <div data-testid="conversation" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {findingId && !messages.some(holds) && (
        <Alert type="warning" showIcon title={t('inspection.drawer.notInChat')} />
      )}
      {messages.map((message) => {
        const mine = message.sender !== 'buyer';
        const current = holds(message);
        return (
          <div
            // Messages have no id; time, sender and text tell them apart within one conversation.
            key={`${message.time}-${message.sender}-${message.agent}-${message.text}`}
            ref={current ? currentRef : undefined}
            data-current={current || undefined}
            style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: '88%' }}
          >
            <div style={{ fontSize: 12, color: '#8c8c8c', textAlign: mine ? 'right' : 'left' }}>
              {senderLabel(message.sender)} · {message.sender === 'buyer' ? buyer : message.agent} ·{' '}
              {shortTime(message.time)}
            </div>
            <div style={bubble(mine, current)}>
              {message.findings.length > 0 ? (
                <HighlightedReply
                  fontSize={14}
                  text={message.text}
                  findings={message.findings.map((one) => ({
                    start: one.start,
                    end: one.end,
                    ruleTitle: titles.get(one.ruleId) ?? one.ruleId,
                    current: one.id === findingId,
                  }))}
                />
              ) : (
                <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {message.text}
                </Typography.Text>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
};
