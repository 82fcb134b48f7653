import { Tabs, Typography } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/StatusPages.js';
import { t } from '../../../i18n/i18n.js';
import { canManage, useCurrentUser } from '../../auth/session.js';
import { ImportPaper } from '../components/ImportPaper.js';
import { MyExams } from '../components/MyExams.js';
import { WrongQuestions } from '../components/WrongQuestions.js';
import { GradingQueue } from '../components/grading/GradingQueue.js';
import { PaperList } from '../components/papers/PaperList.js';
import { ExamSessions } from '../components/sessions/ExamSessions.js';
import { QuestionBank } from '../components/QuestionBank.js';

const tabs = [
  { key: 'bank', label: t('exams.tab.bank'), children: <QuestionBank /> },
  { key: 'import', label: t('exams.tab.import'), children: <ImportPaper /> },
  { key: 'papers', label: t('exams.tab.papers'), children: <PaperList /> },
  { key: 'sessions', label: t('exams.tab.sessions'), children: <ExamSessions /> },
  { key: 'grading', label: t('exams.tab.grading'), children: <GradingQueue /> },
];

/** The candidate's tabs, for everyone who sits exams (exams.take: agents, and managers too). */
const candidateTabs = [
  { key: 'mine', label: t('exams.tab.mine'), children: <MyExams /> },
  { key: 'wrong', label: t('exams.tab.wrong'), children: <WrongQuestions /> },
];

/**
 * 考试: for managers 题库, 导入试题, 试卷 (组卷), 考试安排 (results, 试题分析) and 阅卷, one tab per
 * address (/exams/bank …); for everyone 我的考试 and 错题本 (agents see only these, never a key
 * before it is released).
 */
export const ExamsPage = () => {
  const user = useCurrentUser();
  const { tab } = useParams();
  const navigate = useNavigate();
  const items = canManage(user) ? [...tabs, ...candidateTabs] : candidateTabs;
  if (!tab) return <Navigate to={canManage(user) ? '/exams/bank' : '/exams/mine'} replace />;
  if (!items.some((entry) => entry.key === tab)) return <NotFoundPage />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('area.exams.title')}
      </Typography.Title>
      <Tabs activeKey={tab} items={items} onChange={(key) => navigate(`/exams/${key}`)} destroyOnHidden />
    </>
  );
};
