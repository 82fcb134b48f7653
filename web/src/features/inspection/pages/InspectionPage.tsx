import { Tabs, Typography } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/StatusPages.js';
import { t } from '../../../i18n/i18n.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { ReplyCheck } from '../components/ReplyCheck.js';
import { RuleLibrary } from '../components/RuleLibrary.js';
import { Examples } from '../workbench/Examples.js';
import { Sampling } from '../workbench/Sampling.js';
import { ScoreSheets } from '../workbench/ScoreSheets.js';
import { Scores } from '../workbench/Scores.js';
import { Workbench } from '../workbench/Workbench.js';

/** 质检: one tab per address (/inspection/check …) so links and reloads keep the tab. */
export const InspectionPage = () => {
  const { tab } = useParams();
  const navigate = useNavigate();
  const manager = canManage(useCurrentUser());
  // Agents get their own findings (我的质检) where supervisors get the workbench; 抽检 is reviewers' work.
  const tabs = [
    { key: 'check', label: t('inspection.tab.check'), children: <ReplyCheck /> },
    { key: 'rules', label: t('inspection.tab.rules'), children: <RuleLibrary /> },
    {
      key: 'workbench',
      label: manager ? t('inspection.tab.workbench') : t('inspection.tab.mine'),
      children: <Workbench />,
    },
    ...(manager ? [{ key: 'sampling', label: t('inspection.tab.sampling'), children: <Sampling /> }] : []),
    ...(manager
      ? [{ key: 'score-sheets', label: t('inspection.tab.sheets'), children: <ScoreSheets /> }]
      : []),
    { key: 'scores', label: t('inspection.tab.scores'), children: <Scores /> },
    ...(manager ? [{ key: 'examples', label: t('inspection.tab.examples'), children: <Examples /> }] : []),
  ];
  if (!tab) return <Navigate to="/inspection/check" replace />;
  // /inspection/bulk was the placeholder's address; old links land on the workbench.
  if (tab === 'bulk') return <Navigate to="/inspection/workbench" replace />;
  if (!tabs.some((entry) => entry.key === tab)) return <NotFoundPage />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('area.inspection.title')}
      </Typography.Title>
      <Tabs activeKey={tab} items={tabs} destroyOnHidden onChange={(key) => navigate(`/inspection/${key}`)} />
    </>
  );
};
