import { Tabs, Typography } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/StatusPages.js';
import { t } from '../../../i18n/i18n.js';
import { AreaPage } from '../../areas/pages/AreaPage.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { ImportPaper } from '../components/ImportPaper.js';
import { PaperDefinitions } from '../components/PaperDefinitions.js';
import { QuestionBank } from '../components/QuestionBank.js';

const tabs = [
  { key: 'bank', label: t('exams.tab.bank'), children: <QuestionBank /> },
  { key: 'import', label: t('exams.tab.import'), children: <ImportPaper /> },
  { key: 'papers', label: t('exams.tab.papers'), children: <PaperDefinitions /> },
];

/**
 * 考试: for managers the question bank, the paper import and the paper definitions, one tab per
 * address (/exams/bank …). Agents never see answer keys: until online exams arrive they get the
 * area's description.
 */
export const ExamsPage = () => {
  const user = useCurrentUser();
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!canManage(user)) return <AreaPage area="exams" />;
  if (!tab) return <Navigate to="/exams/bank" replace />;
  if (!tabs.some((entry) => entry.key === tab)) return <NotFoundPage />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('area.exams.title')}
      </Typography.Title>
      <Tabs activeKey={tab} items={tabs} onChange={(key) => navigate(`/exams/${key}`)} destroyOnHidden />
    </>
  );
};
