import { Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { StoredFinding } from '../../../api/inspection.api.js';
import { t } from '../../../i18n/i18n.js';
import { kindColor, kindLabel } from '../inspection.labels.js';
import { agentName, shortTime, statusColor, statusLabel } from './workbench.labels.js';

const clampTwoLines = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical' as const,
  overflow: 'hidden',
  overflowWrap: 'anywhere' as const,
};

const columns = (manager: boolean): TableColumnsType<StoredFinding> => [
  {
    title: t('inspection.findings.time'),
    dataIndex: 'messageTime',
    width: 110,
    render: (time: string) => shortTime(time),
  },
  ...(manager
    ? [
        {
          title: t('inspection.findings.agent'),
          key: 'agent',
          width: 130,
          // A phone keeps time, rule and status; the drawer names the agent.
          responsive: ['sm' as const],
          render: (_: unknown, finding: StoredFinding) => (
            <Flex vertical>
              <span>{agentName(finding.agent)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {finding.shopName}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : []),
  {
    title: t('inspection.findings.rule'),
    key: 'rule',
    width: 180,
    render: (_: unknown, finding: StoredFinding) => (
      <Flex vertical gap={2} align="start">
        <strong>{finding.ruleTitle}</strong>
        <Tag color={kindColor[finding.kind]} style={{ marginInlineEnd: 0 }}>
          {kindLabel(finding.kind)}
        </Tag>
      </Flex>
    ),
  },
  {
    title: t('inspection.findings.evidence'),
    dataIndex: 'evidence',
    responsive: ['md'],
    // CSS clamps instead of Typography's measured ellipsis: 200 rows re-render on every j/k.
    render: (evidence: string) => <div style={clampTwoLines}>{evidence}</div>,
  },
  {
    title: t('inspection.findings.points'),
    dataIndex: 'points',
    width: 64,
    align: 'right',
    responsive: ['sm'],
  },
  {
    title: t('inspection.findings.status'),
    dataIndex: 'status',
    width: 96,
    render: (status: StoredFinding['status']) => (
      <Tag color={statusColor[status]} data-testid="row-status">
        {statusLabel(status)}
      </Tag>
    ),
  },
];
const pageSizes = [20, 50, 100, 200];

type Props = {
  rows: StoredFinding[];
  total: number;
  page: { current: number; size: number };
  loading: boolean;
  manager: boolean;
  selectedId: string | undefined;
  onOpen: (index: number) => void;
  onPage: (current: number, size: number) => void;
};

/**
 * The findings table, server-paged. The selected row (j/k) is marked through the DOM and a style
 * rule rather than by re-rendering: with 200 rows a re-render per key press would lag.
 */
export const FindingsTable = memo(
  ({ rows, total, page, loading, manager, selectedId, onOpen, onPage }: Props) => {
    const wrapper = useRef<HTMLDivElement>(null);
    const table = useMemo(
      () => (
        <Table<StoredFinding>
          data-testid="findings-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          columns={columns(manager)}
          scroll={{ x: 'max-content' }}
          onRow={(_, index) => ({ onClick: () => onOpen(index ?? 0), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total,
            showSizeChanger: true,
            pageSizeOptions: pageSizes,
            onChange: onPage,
          }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={manager ? t('inspection.findings.empty') : t('inspection.findings.emptyMine')}
              />
            ),
          }}
        />
      ),
      [rows, total, page, loading, manager, onOpen, onPage],
    );
    useEffect(() => {
      for (const row of wrapper.current?.querySelectorAll('tbody tr[data-row-key]') ?? []) {
        const selected = row.getAttribute('data-row-key') === selectedId;
        row.setAttribute('aria-selected', String(selected));
        if (selected) row.scrollIntoView({ block: 'nearest' });
      }
    });
    return (
      <div ref={wrapper} className="kefu-findings">
        {selectedId && (
          <style>{`.kefu-findings tr[data-row-key="${selectedId}"] > td { background: #e6f4ff !important; }
.kefu-findings tr[data-row-key="${selectedId}"] > td:first-child { box-shadow: inset 3px 0 #1677ff; }`}</style>
        )}
        {table}
      </div>
    );
  },
);
