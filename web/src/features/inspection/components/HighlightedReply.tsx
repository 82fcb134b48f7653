import { Typography } from 'antd';
import type { Finding } from '../../../api/compliance.api.js';
import { segmentText } from '../inspection.text.js';

const markStyle = {
  background: '#ffccc7',
  color: 'inherit',
  padding: '0 1px',
  borderBottom: '2px solid #ff4d4f',
  borderRadius: 2,
};

/** The checked reply with every violating span marked red; hovering a mark names its rules. */
export const HighlightedReply = ({ text, findings }: { text: string; findings: Finding[] }) => (
  <Typography.Paragraph
    data-testid="highlighted-reply"
    style={{
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      marginBottom: 0,
      fontSize: 15,
      lineHeight: 1.9,
    }}
  >
    {segmentText(text, findings).map((segment) =>
      segment.findings.length === 0 ? (
        <span key={segment.start}>{segment.text}</span>
      ) : (
        <mark
          key={segment.start}
          style={markStyle}
          title={segment.findings.map((index) => findings[index]?.ruleTitle ?? '').join('、')}
        >
          {segment.text}
        </mark>
      ),
    )}
  </Typography.Paragraph>
);
