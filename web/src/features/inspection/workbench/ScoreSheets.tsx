import {
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  HistoryOutlined,
  InboxOutlined,
  PlusOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Button, Empty, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ScoreSheet } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useArchiveScoreSheet, useDeleteScoreSheet, useScoreSheets } from './queries.js';
import { ScoreSheetHistory } from './ScoreSheetHistory.js';
import { type EditorState, ScoreSheetEditor } from './ScoreSheetEditor.js';

/** A sheet's items as they will be scored, for reading without opening the editor. */
const ItemList = ({ sheet }: { sheet: ScoreSheet }) => (
  <ol style={{ margin: 0, paddingInlineStart: 20 }}>
    {sheet.items.map((item) => (
      <li key={item.label} style={{ marginBottom: 4 }}>
        <Typography.Text>{item.label}</Typography.Text>
        <Typography.Text type="secondary">
          {' '}
          · {t('inspection.sheets.points', { points: item.points })}
        </Typography.Text>
        {item.description && (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
            {item.description}
          </Typography.Paragraph>
        )}
      </li>
    ))}
  </ol>
);

/** 评分表: the organisation's 质检评分表, with how much 抽检 uses each; create, edit, copy, delete. */
export const ScoreSheets = () => {
  const { message, modal } = App.useApp();
  const sheets = useScoreSheets(true);
  const remove = useDeleteScoreSheet();
  const archive = useArchiveScoreSheet();
  const [editor, setEditor] = useState<EditorState | undefined>();
  const [history, setHistory] = useState<ScoreSheet | undefined>();
  const toggleArchived = async (sheet: ScoreSheet) => {
    const archived = sheet.archivedAt === null;
    try {
      await archive.mutateAsync({ id: sheet.id, archived });
      message.success(t(archived ? 'inspection.sheets.archiveDone' : 'inspection.sheets.restoreDone'));
    } catch (error) {
      message.error(describeError(error));
    }
  };
  // Each opening gets a fresh editor (and form): a form kept across openings would show old values.
  const [openings, setOpenings] = useState(0);
  const open = (state: EditorState) => {
    setEditor(state);
    setOpenings((count) => count + 1);
  };
  const confirmDelete = (sheet: ScoreSheet) =>
    modal.confirm({
      title: t('inspection.sheets.deleteConfirm', { title: sheet.title }),
      okText: t('inspection.sheets.delete'),
      okButtonProps: { danger: true },
      cancelText: t('inspection.sheets.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(sheet.id);
          message.success(t('inspection.sheets.deleted'));
        } catch (error) {
          message.error(describeError(error));
        }
      },
    });
  const columns: TableColumnsType<ScoreSheet> = [
    {
      title: t('inspection.sheets.title'),
      key: 'title',
      render: (_: unknown, sheet) => (
        <Flex vertical style={{ minWidth: 140, maxWidth: 'min(420px, 50vw)' }}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong type={sheet.archivedAt === null ? undefined : 'secondary'}>
              {sheet.title}
            </Typography.Text>
            {sheet.archivedAt !== null && (
              <Tooltip title={t('inspection.sheets.archivedHelp')}>
                <Tag>{t('inspection.sheets.archived')}</Tag>
              </Tooltip>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inspection.sheets.meta', {
              version: sheet.version,
              date: dayjs(sheet.updatedAt).format('YYYY-MM-DD HH:mm'),
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('inspection.sheets.items'),
      key: 'items',
      width: 80,
      responsive: ['sm'],
      render: (_: unknown, sheet) => t('inspection.sheets.itemsCount', { count: sheet.items.length }),
    },
    {
      title: t('inspection.sheets.maxTotal'),
      dataIndex: 'maxTotal',
      width: 80,
      align: 'right',
      // A phone shows name and actions; the expanded row lists the items with their points.
      responsive: ['sm'],
      render: (points: number) => t('inspection.sheets.points', { points }),
    },
    {
      title: t('inspection.sheets.usage'),
      key: 'usage',
      responsive: ['md'],
      render: (_: unknown, sheet) =>
        sheet.samples === 0 ? (
          <Tag>{t('inspection.sheets.unused')}</Tag>
        ) : (
          <Typography.Text>
            {t('inspection.sheets.used', { samples: sheet.samples, scored: sheet.scored })}
          </Typography.Text>
        ),
    },
    {
      key: 'actions',
      width: 160,
      render: (_: unknown, sheet) => (
        <Flex gap={2}>
          <Tooltip title={t('inspection.sheets.history')}>
            <Button
              type="text"
              size="small"
              icon={<HistoryOutlined />}
              aria-label={`${t('inspection.sheets.history')} ${sheet.title}`}
              onClick={() => setHistory(sheet)}
            />
          </Tooltip>
          <Tooltip title={t('inspection.sheets.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('inspection.sheets.edit')} ${sheet.title}`}
              onClick={() => open({ mode: 'edit', sheet })}
            />
          </Tooltip>
          <Tooltip title={t('inspection.sheets.copy')}>
            <Button
              type="text"
              size="small"
              icon={<CopyOutlined />}
              aria-label={`${t('inspection.sheets.copy')} ${sheet.title}`}
              onClick={() => open({ mode: 'copy', sheet })}
            />
          </Tooltip>
          <Tooltip
            title={t(sheet.archivedAt === null ? 'inspection.sheets.archive' : 'inspection.sheets.restore')}
          >
            <Button
              type="text"
              size="small"
              icon={sheet.archivedAt === null ? <InboxOutlined /> : <UndoOutlined />}
              aria-label={`${t(sheet.archivedAt === null ? 'inspection.sheets.archive' : 'inspection.sheets.restore')} ${sheet.title}`}
              loading={archive.isPending && archive.variables?.id === sheet.id}
              onClick={() => toggleArchived(sheet)}
            />
          </Tooltip>
          <Tooltip
            title={sheet.samples > 0 ? t('inspection.sheets.deleteInUse') : t('inspection.sheets.delete')}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('inspection.sheets.delete')} ${sheet.title}`}
              disabled={sheet.samples > 0}
              onClick={() => confirmDelete(sheet)}
            />
          </Tooltip>
        </Flex>
      ),
    },
  ];
  if (sheets.isError) return <QueryError error={sheets.error} onRetry={() => sheets.refetch()} />;
  const rows = sheets.data ?? [];
  const create = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'create' })}>
      {t('inspection.sheets.new')}
    </Button>
  );
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }}>
          {t('inspection.sheets.help')}
        </Typography.Text>
        {rows.length > 0 && create}
      </Flex>
      <Table<ScoreSheet>
        data-testid="score-sheets-table"
        rowKey="id"
        size="small"
        loading={sheets.isLoading}
        dataSource={rows}
        columns={columns}
        expandable={{ expandedRowRender: (sheet) => <ItemList sheet={sheet} /> }}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.sheets.empty')}>
              {create}
            </Empty>
          ),
        }}
      />
      <ScoreSheetEditor key={openings} state={editor} onClose={() => setEditor(undefined)} />
      <ScoreSheetHistory sheet={history} onClose={() => setHistory(undefined)} />
    </Flex>
  );
};
