import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Drawer, Flex, Tag, Typography } from 'antd';
import type { StoredFinding } from '../../../api/inspection.api.js';
import { useIsMobile } from '../../../components/useIsMobile.js';
import { t } from '../../../i18n/i18n.js';
import { kindColor, kindLabel, pointsLabel } from '../inspection.labels.js';
import { useRules } from '../queries.js';
import { ConversationView } from './ConversationView.js';
import type { ExampleFormValues } from './ExampleForm.js';
import { type DialogKind, ReviewButtons } from './ReviewActions.js';
import { SaveAsExample } from './SaveAsExample.js';
import { agentName, shortTime, statusColor, statusLabel } from './workbench.labels.js';

type Props = {
  finding: StoredFinding | undefined;
  role: { reviewer: boolean; own: boolean };
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
  onDialog: (kind: DialogKind) => void;
  onMove: (step: 1 | -1) => void;
  /** Reviewers only: opens the 标注样本 form filled from the finding. */
  onSaveAsExample?: ((example: ExampleFormValues) => void) | undefined;
};

const Notes = ({ finding }: { finding: StoredFinding }) => {
  const notes = [
    ['inspection.drawer.reviewNote', finding.reviewNote],
    ['inspection.drawer.dismissReason', finding.dismissReason],
    ['inspection.drawer.appealText', finding.appealText],
    ['inspection.drawer.decisionNote', finding.decisionNote],
  ] as const;
  const shown = notes.filter(([, text]) => text);
  if (shown.length === 0) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={shown.map(([key, text]) => ({
        key,
        label: t(key),
        children: <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span>,
      }))}
    />
  );
};

/** A finding in its conversation: the rule, why it matters, the notes so far, and the next step. */
export const FindingDrawer = ({
  finding,
  role,
  busy,
  onClose,
  onConfirm,
  onDialog,
  onMove,
  onSaveAsExample,
}: Props) => {
  const mobile = useIsMobile();
  const rules = useRules();
  const rule = finding ? rules.data?.find((one) => one.id === finding.ruleId) : undefined;
  return (
    <Drawer
      open={finding !== undefined}
      onClose={onClose}
      size={mobile ? '100%' : 720}
      // Keep focus on the page so j/k and c/d keep working while the drawer is open.
      autoFocus={false}
      mask={mobile}
      title={t('inspection.drawer.title')}
      extra={
        <Flex gap={4}>
          <Button
            icon={<UpOutlined />}
            aria-label={t('inspection.drawer.previous')}
            title="k"
            onClick={() => onMove(-1)}
          />
          <Button
            icon={<DownOutlined />}
            aria-label={t('inspection.drawer.next')}
            title="j"
            onClick={() => onMove(1)}
          />
        </Flex>
      }
    >
      {finding && (
        <Flex vertical gap={12} data-testid="finding-detail">
          <Flex justify="space-between" align="start" gap={8} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {finding.ruleTitle}
            </Typography.Title>
            <Flex gap={4} wrap>
              <Tag color={kindColor[finding.kind]}>{kindLabel(finding.kind)}</Tag>
              <Tag color="red">{pointsLabel(finding.points)}</Tag>
              <Tag color={statusColor[finding.status]} data-testid="finding-status">
                {statusLabel(finding.status)}
              </Tag>
            </Flex>
          </Flex>
          <Typography.Text type="secondary">
            {finding.shopName} · {agentName(finding.agent)} ·{' '}
            {t('inspection.drawer.buyer', { buyer: finding.buyer })} · {shortTime(finding.messageTime)} ·{' '}
            {t('inspection.drawer.version', { version: finding.ruleVersion })}
            {finding.orderId ? ` · ${t('inspection.findings.order', { order: finding.orderId })}` : ''}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">{t('inspection.findings.evidence')}：</Typography.Text>
            <mark style={{ background: '#ffccc7', color: 'inherit', overflowWrap: 'anywhere' }}>
              {finding.evidence}
            </mark>
          </Typography.Paragraph>
          {rule && (
            <Typography.Paragraph style={{ margin: 0 }}>
              <Typography.Text type="secondary">{t('inspection.drawer.explanation')}：</Typography.Text>
              {rule.explanation}
              {rule.rightExamples[0] && (
                <>
                  <br />
                  <Typography.Text type="secondary">{t('inspection.drawer.suggestion')}：</Typography.Text>
                  {rule.rightExamples[0]}
                </>
              )}
            </Typography.Paragraph>
          )}
          <Notes finding={finding} />
          <Flex justify="space-between" gap={8} wrap>
            <ReviewButtons
              finding={finding}
              role={role}
              busy={busy}
              onConfirm={onConfirm}
              onDialog={onDialog}
            />
            {onSaveAsExample && <SaveAsExample finding={finding} onOpen={onSaveAsExample} />}
          </Flex>
          <Divider style={{ margin: '4px 0' }} />
          <ConversationView target={finding} findingId={finding.id} buyer={finding.buyer} />
        </Flex>
      )}
    </Drawer>
  );
};
