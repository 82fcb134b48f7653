import { Typography } from 'antd';
import { segmentText } from '../inspection.text.js';

const markStyle = {
  background: '#ffccc7',
  color: 'inherit',
  padding: '0 1px',
  borderBottom: '2px solid #ff4d4f',
  borderRadius: 2,
};

// The finding under review stands out from the message's other findings.
const currentStyle = { ...markStyle, background: '#ff7875', outline: '2px solid #cf1322' };

/** A marked span; `current` is the one being looked at, when several are shown. */
export type MarkedSpan = { start: number; end: number; ruleTitle: string; current?: boolean };

/** The checked reply with every violating span marked red; hovering a mark names its rules. */
export const HighlightedReply = ({
  text,
  findings,
  fontSize = 15,
}: {
  text: string;
  findings: readonly MarkedSpan[];
  fontSize?: number;
}) => (
  <Typography.Paragraph
    data-testid="highlighted-reply"
    style={{
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      marginBottom: 0,
      fontSize,
      lineHeight: 1.9,
    }}
  >
    {segmentText(text, findings).map((segment) =>
      segment.findings.length === 0 ? (
        <span key={segment.start}>{segment.text}</span>
      ) : (
        <mark
          key={segment.start}
          data-current={segment.findings.some((index) => findings[index]?.current) || undefined}
          style={segment.findings.some((index) => findings[index]?.current) ? currentStyle : markStyle}
          title={segment.findings.map((index) => findings[index]?.ruleTitle ?? '').join('、')}
        >
          {segment.text}
        </mark>
      ),
    )}
  </Typography.Paragraph>
);
