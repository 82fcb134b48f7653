import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { type MetricsFilters as Filters, metricsExportUrl } from '../../../api/metrics.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { NotFoundPage } from '../../../components/StatusPages.js';
import { t } from '../../../i18n/i18n.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { AgentRanking } from '../components/AgentRanking.js';
import { type Drill, ExplainDrawer } from '../components/ExplainDrawer.js';
import { ImportPanel } from '../components/ImportPanel.js';
import { Restatements } from '../components/Restatements.js';
import { ShopStrip } from '../components/ShopStrip.js';
import { KpiCards } from '../components/KpiCards.js';
import { MetricsSettings } from '../components/MetricsSettings.js';
import { MetricsCharts } from '../components/MetricsCharts.js';
import { NoDataYet } from '../components/NoDataYet.js';
import { MetricsFilters } from '../components/MetricsFilters.js';
import { PlatformAssessments } from '../components/PlatformAssessments.js';
import { shopYesterday, totalsOf } from '../metrics.format.js';
import { useMetrics, useMetricsTeams } from '../queries.js';

const lastWeek = (): Filters => {
  const yesterday = shopYesterday();
  return {
    from: yesterday.subtract(6, 'day').format('YYYY-MM-DD'),
    to: yesterday.format('YYYY-MM-DD'),
    by: 'agent',
  };
};

const Dashboard = () => {
  const user = useCurrentUser();
  const manager = canManage(user);
  const [filters, setFilters] = useState<Filters>(lastWeek);
  const [drill, setDrill] = useState<Drill | null>(null);
  const report = useMetrics(filters);
  const days = useMetrics({ ...filters, by: 'agent-day' });
  const teams = useMetricsTeams(manager);
  const teamNames = useMemo(
    () => new Map((teams.data ?? []).map((team) => [team.id, team.name])),
    [teams.data],
  );
  const rows = report.data?.rows ?? [];
  const totals = useMemo(() => totalsOf(rows), [rows]);
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const provisional = report.data?.provisionalDays ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <MetricsFilters filters={filters} onChange={setFilters} agents={rows} manager={manager} />
        <Button icon={<DownloadOutlined />} href={metricsExportUrl(filters)}>
          {t('metrics.export')}
        </Button>
      </Space>
      {report.isLoading ? <Spin /> : null}
      {report.data && rows.length === 0 ? (
        <NoDataYet
          testId="metrics-empty"
          title="metrics.empty.title"
          body="metrics.empty.body"
          canImport={manager}
        />
      ) : null}
      {rows.length > 0 ? (
        <>
          {provisional.length > 0 ? (
            <Alert type="info" showIcon title={t('metrics.provisional', { days: provisional.join('、') })} />
          ) : null}
          <KpiCards totals={totals} onDrill={setDrill} />
          {manager && report.data ? (
            <ShopStrip shop={report.data.shop} agentAov={totals.aov} onDrill={setDrill} />
          ) : null}
          <MetricsCharts
            dayRows={days.data?.rows ?? []}
            totals={totals}
            distribution={report.data?.responseDistribution ?? []}
            from={filters.from}
            to={filters.to}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('metrics.ranking.title')}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('metrics.ranking.hint')}
            </Typography.Text>
          </Typography.Title>
          <AgentRanking rows={rows} teamNames={teamNames} onDrill={setDrill} />
        </>
      ) : null}
      <ExplainDrawer
        drill={drill}
        filters={filters}
        teamName={filters.teamId ? teamNames.get(filters.teamId) : undefined}
        onClose={() => setDrill(null)}
      />
    </Space>
  );
};

/** 绩效: the dashboard; for managers the import, the 重述记录 and 绩效设置 (/metrics/dashboard …). */
export const MetricsPage = () => {
  const { tab } = useParams();
  const navigate = useNavigate();
  const manager = canManage(useCurrentUser());
  const tabs = [
    { key: 'dashboard', label: t('metrics.tab.dashboard'), children: <Dashboard /> },
    ...(manager
      ? [
          { key: 'assessments', label: t('metrics.tab.assessments'), children: <PlatformAssessments /> },
          { key: 'import', label: t('metrics.tab.import'), children: <ImportPanel /> },
          { key: 'restatements', label: t('metrics.tab.restatements'), children: <Restatements /> },
          { key: 'settings', label: t('metrics.tab.settings'), children: <MetricsSettings /> },
        ]
      : []),
  ];
  if (!tab) return <Navigate to="/metrics/dashboard" replace />;
  if (!tabs.some((entry) => entry.key === tab)) return <NotFoundPage />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('area.metrics.title')}
      </Typography.Title>
      <Tabs activeKey={tab} items={tabs} destroyOnHidden onChange={(key) => navigate(`/metrics/${key}`)} />
    </>
  );
};
