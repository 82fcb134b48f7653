import { Tabs, Typography } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/StatusPages.js';
import { t } from '../../../i18n/i18n.js';
import { BulkInspection } from '../components/BulkInspection.js';
import { ReplyCheck } from '../components/ReplyCheck.js';
import { RuleLibrary } from '../components/RuleLibrary.js';

const tabs = [
  { key: 'check', label: t('inspection.tab.check'), children: <ReplyCheck /> },
  { key: 'rules', label: t('inspection.tab.rules'), children: <RuleLibrary /> },
  { key: 'bulk', label: t('inspection.tab.bulk'), children: <BulkInspection /> },
];

/** 质检: one tab per address (/inspection/check …) so links and reloads keep the tab. */
export const InspectionPage = () => {
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!tab) return <Navigate to="/inspection/check" replace />;
  if (!tabs.some((entry) => entry.key === tab)) return <NotFoundPage />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('area.inspection.title')}
      </Typography.Title>
      <Tabs activeKey={tab} items={tabs} onChange={(key) => navigate(`/inspection/${key}`)} />
    </>
  );
};
