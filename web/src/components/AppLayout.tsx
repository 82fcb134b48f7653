import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { describeError } from '../api/errors.js';
import { useLogout } from '../features/auth/queries.js';
import { useCurrentUser } from '../features/auth/session.js';
import { t } from '../i18n/i18n.js';
import { FullPageSpin } from './guards.js';
import { activeNavPath, navItems } from './navigation.js';
import { useIsMobile } from './useIsMobile.js';

const SideMenu = ({ onNavigate }: { onNavigate: () => void }) => {
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const items = navItems
    .filter((item) => !item.roles || item.roles.includes(user.role))
    .map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }));
  return (
    <Menu
      mode="inline"
      selectedKeys={[activeNavPath(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
};

const UserMenu = ({ compact }: { compact: boolean }) => {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const onClick = ({ key }: { key: string }) => {
    if (key === 'profile') navigate('/profile');
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSuccess: () => navigate('/login', { replace: true }),
        onError: (error) => message.error(describeError(error)),
      });
    }
  };
  const items = [
    { key: 'profile', icon: <UserOutlined />, label: t('user.profile') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout') },
  ];
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        data-testid="user-menu"
        style={{ maxWidth: 260, height: 40, marginInlineStart: 'auto' }}
      >
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ flex: 'none' }} />
          <Typography.Text ellipsis style={{ maxWidth: compact ? 96 : 160 }}>
            {user.displayName}
          </Typography.Text>
          {!compact && <Tag style={{ marginInlineEnd: 0 }}>{t(`role.${user.role}`)}</Tag>}
        </Flex>
      </Button>
    </Dropdown>
  );
};

const Brand = ({ short = false }: { short?: boolean }) => (
  <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
    {short ? t('app.shortName') : t('app.name')}
  </Typography.Title>
);

/** The signed-in frame: side navigation (a drawer on phones), header with the user menu, page outlet. */
export const AppLayout = () => {
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const closeDrawer = () => setDrawerOpen(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Layout.Sider theme="light" width={208} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px' }}>
            <Brand />
          </div>
          <SideMenu onNavigate={closeDrawer} />
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer placement="left" size={240} open={drawerOpen} onClose={closeDrawer} title={t('app.name')}>
          <SideMenu onNavigate={closeDrawer} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            borderBottom: '1px solid #f0f0f0',
            lineHeight: 'normal',
          }}
        >
          <Flex align="center" justify="space-between" gap={8} style={{ height: '100%', width: '100%' }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {isMobile && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.openMenu')}
                  onClick={() => setDrawerOpen(true)}
                />
              )}
              {isMobile && <Brand short />}
            </Flex>
            <UserMenu compact={isMobile} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
