import { Tooltip } from 'antd';
import { type CSSProperties, useState } from 'react';

const lineStyle: CSSProperties = {
  display: 'block',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

/**
 * One line of possibly long Chinese text: cut with … and shown whole in a tooltip on hover.
 * The tooltip is only created once the pointer arrives and only when the text is actually cut:
 * tables render this in every cell, and a Tooltip (or Typography's measuring ellipsis) per cell
 * made paging through 100 rows visibly slow.
 */
export const EllipsisText = ({ text, maxWidth }: { text: string; maxWidth?: number | string }) => {
  const [cut, setCut] = useState(false);
  const style = { ...lineStyle, maxWidth: maxWidth ?? '100%' };
  const line = (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering only adds a tooltip repeating text already in the DOM
    <span
      style={style}
      onMouseEnter={(event) => setCut(event.currentTarget.scrollWidth > event.currentTarget.clientWidth)}
      onMouseLeave={() => setCut(false)}
    >
      {text}
    </span>
  );
  return cut ? (
    <Tooltip title={text} open placement="topLeft">
      {line}
    </Tooltip>
  ) : (
    line
  );
};
