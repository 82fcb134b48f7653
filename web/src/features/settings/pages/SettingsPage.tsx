import { Tabs, Typography } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/StatusPages.js';
import { t } from '../../../i18n/i18n.js';
import { ShopsTab } from '../components/ShopsTab.js';
import { SubAccountsTab } from '../components/SubAccountsTab.js';
import { TeamsTab } from '../components/TeamsTab.js';
import { UsersTab } from '../components/UsersTab.js';

const tabs = [
  { key: 'users', label: t('settings.users'), children: <UsersTab /> },
  { key: 'teams', label: t('settings.teams'), children: <TeamsTab /> },
  { key: 'shops', label: t('settings.shops'), children: <ShopsTab /> },
  { key: 'sub-accounts', label: t('settings.subAccounts'), children: <SubAccountsTab /> },
];

/** Organisation settings, one tab per address (/settings/users …) so links and reloads keep the tab. */
export const SettingsPage = () => {
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!tab) return <Navigate to="/settings/users" replace />;
  if (!tabs.some((entry) => entry.key === tab)) return <NotFoundPage />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Tabs activeKey={tab} items={tabs} onChange={(key) => navigate(`/settings/${key}`)} destroyOnHidden />
    </>
  );
};
