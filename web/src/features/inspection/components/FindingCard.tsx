import { Card, Flex, Tag, Typography } from 'antd';
import type { Finding } from '../../../api/compliance.api.js';
import { t } from '../../../i18n/i18n.js';
import { kindColor, kindLabel, pointsLabel } from '../inspection.labels.js';

/** One finding: which rule, what it costs, the words that broke it, why, and a compliant way to say it. */
export const FindingCard = ({ finding }: { finding: Finding }) => (
  <Card size="small" data-testid="finding" styles={{ body: { padding: 12 } }}>
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text strong>{finding.ruleTitle}</Typography.Text>
      <Flex gap={4}>
        <Tag color={kindColor[finding.kind]}>{kindLabel(finding.kind)}</Tag>
        <Tag color="red">{pointsLabel(finding.points)}</Tag>
      </Flex>
    </Flex>
    <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
      <Typography.Text type="secondary">{t('inspection.check.evidence')}：</Typography.Text>
      <mark style={{ background: '#ffccc7', color: 'inherit' }}>{finding.evidence}</mark>
    </Typography.Paragraph>
    <Typography.Paragraph style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{t('inspection.check.why')}：</Typography.Text>
      {finding.explanation}
    </Typography.Paragraph>
    <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '8px 10px' }}>
      <Typography.Text type="secondary">{t('inspection.check.suggestion')}：</Typography.Text>
      <Typography.Text>{finding.suggestion}</Typography.Text>
    </div>
  </Card>
);
