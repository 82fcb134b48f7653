import { Button } from 'antd';
import type { ReactNode } from 'react';

/** A number that opens the buyers and chats behind it (the 绩效看板's drill-downs). */
export const DrillNumber = ({
  label,
  onClick,
  children,
}: {
  /** What a screen reader announces, e.g. `小美 询单转化率`. */
  label: string;
  onClick: () => void;
  children: ReactNode;
}) => (
  <Button
    type="link"
    size="small"
    style={{ padding: 0, height: 'auto', fontSize: 'inherit', lineHeight: 'inherit' }}
    aria-label={label}
    onClick={onClick}
  >
    {children}
  </Button>
);
