import { App, Flex, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { StoredFinding } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { QueryError } from '../../../components/QueryError.js';
import { useIsMobile } from '../../../components/useIsMobile.js';
import { t } from '../../../i18n/i18n.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { ExampleForm, type ExampleFormValues } from './ExampleForm.js';
import { FindingDrawer } from './FindingDrawer.js';
import { type Filter, FindingsFilters, FindingsSummary } from './FindingsFilters.js';
import { FindingsTable } from './FindingsTable.js';
import { useFindings, useReview } from './queries.js';
import { availableActions, type DialogKind, ReviewDialog } from './ReviewActions.js';
import { RunPanel } from './RunPanel.js';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const keys = {
  j: 'next',
  k: 'previous',
  Enter: 'open',
  Escape: 'close',
  c: 'confirm',
  d: 'dismiss',
} as const;

const keyAction = (key: string) => (Object.hasOwn(keys, key) ? keys[key as keyof typeof keys] : undefined);

/**
 * 质检工作台 (supervisors) and 我的质检 (agents): the findings of bulk runs, server-paged, with a
 * conversation drawer and keyboard review — j/k move, Enter opens, c confirms, d dismisses.
 */
export const Workbench = () => {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const manager = canManage(user);
  const mobile = useIsMobile();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [selected, setSelected] = useState(0);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [dialog, setDialog] = useState<{ kind: DialogKind; finding: StoredFinding } | null>(null);
  // 存为样本: the form filled from a finding; each opening gets a fresh form.
  const [example, setExample] = useState<ExampleFormValues | undefined>();
  const [exampleOpenings, setExampleOpenings] = useState(0);
  const findings = useFindings({ ...filter, limit: page.size, offset: (page.current - 1) * page.size });
  // Rule and agent choices come from the counts without those two filters, so picking one rule
  // still offers the others.
  const narrowed = filter.ruleId !== undefined || filter.agent !== undefined;
  const facets = useFindings(
    { ...filter, ruleId: undefined, agent: undefined, limit: 1, offset: 0 },
    narrowed,
  );
  const review = useReview();
  const rows = findings.data?.findings ?? [];
  const total = findings.data?.total ?? 0;
  const current = rows[Math.min(selected, rows.length - 1)];
  const roleOf = (finding: StoredFinding) => ({
    reviewer: manager,
    own: user.subAccounts.some((entry) => entry.shopId === finding.shopId && entry.name === finding.agent),
  });

  // Stable callbacks: the table re-renders only when its rows or paging change, not on j/k.
  const openRow = useCallback((index: number) => {
    setSelected(index);
    setDrawerOpen(true);
  }, []);
  const changePage = useCallback((current: number, size: number) => {
    setPage((old) => ({ current: size === old.size ? current : 1, size }));
    setSelected(0);
  }, []);
  const changeFilter = (next: Filter) => {
    setFilter(next);
    setPage((old) => ({ ...old, current: 1 }));
    setSelected(0);
  };
  const move = (step: 1 | -1) => {
    const next = selected + step;
    const pages = Math.ceil(total / page.size);
    if (next >= 0 && next < rows.length) setSelected(next);
    else if (step === 1 && page.current < pages) {
      setPage({ ...page, current: page.current + 1 });
      setSelected(0);
    } else if (step === -1 && page.current > 1) {
      setPage({ ...page, current: page.current - 1 });
      setSelected(page.size - 1);
    }
  };
  const confirm = async (finding: StoredFinding) => {
    if (!availableActions(finding, roleOf(finding)).includes('confirm')) return;
    try {
      await review.mutateAsync({ action: 'confirm', id: finding.id });
      message.success(t('inspection.action.confirmed'));
    } catch (error) {
      message.error(describeError(error));
    }
  };
  const openDialog = (kind: DialogKind, finding: StoredFinding | undefined) => {
    if (finding && availableActions(finding, roleOf(finding)).includes(kind)) setDialog({ kind, finding });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialog || example || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = keyAction(event.key);
      if (!action) return;
      event.preventDefault();
      if (action === 'next') move(1);
      else if (action === 'previous') move(-1);
      else if (action === 'open') setDrawerOpen(current !== undefined);
      else if (action === 'close') setDrawerOpen(false);
      else if (action === 'confirm') current && void confirm(current);
      else openDialog('dismiss', current);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (findings.isError) return <QueryError error={findings.error} onRetry={() => findings.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {manager && <RunPanel />}
      <FindingsFilters
        filter={filter}
        onChange={changeFilter}
        facets={narrowed ? facets.data : findings.data}
        manager={manager}
      />
      {findings.data && total > 0 && (
        <FindingsSummary page={findings.data} filter={filter} onChange={changeFilter} manager={manager} />
      )}
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text type="secondary">{t('inspection.findings.total', { count: total })}</Typography.Text>
        {manager && !mobile && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inspection.findings.keys')}
          </Typography.Text>
        )}
      </Flex>
      <FindingsTable
        rows={rows}
        total={total}
        page={page}
        loading={findings.isLoading || findings.isPlaceholderData}
        manager={manager}
        selectedId={current?.id}
        onOpen={openRow}
        onPage={changePage}
      />
      <FindingDrawer
        finding={drawerOpen ? current : undefined}
        role={current ? roleOf(current) : { reviewer: false, own: false }}
        busy={review.isPending}
        onClose={() => setDrawerOpen(false)}
        onConfirm={() => current && void confirm(current)}
        onDialog={(kind) => openDialog(kind, current)}
        onMove={move}
        onSaveAsExample={
          manager
            ? (values) => {
                setExample(values);
                setExampleOpenings((count) => count + 1);
              }
            : undefined
        }
      />
      <ReviewDialog dialog={dialog} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />
      {manager && (
        <ExampleForm key={exampleOpenings} example={example} onClose={() => setExample(undefined)} />
      )}
    </Flex>
  );
};
