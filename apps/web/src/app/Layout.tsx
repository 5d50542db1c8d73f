import {
  AuditOutlined,
  BellOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Dropdown, Layout as AntLayout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router-dom';
import { PageSuspense } from '../shared/PageSuspense';
import { sessionStore, useSession } from '../api/session';
import { setLanguage } from '../i18n';
import { useVocabulary } from '../shared/vocabulary';
import { useUnreadCount } from '../features/notifications/queries';
import { HOME_BY_ROLE } from './RequireRole';
import { useCompact } from '../shared/useCompact';

const { Header, Content, Footer } = AntLayout;

function UnreadBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  return (
    <Link to="/notifications" aria-label={`${t('nav.notifications')} ${t('notifications.unread', { count })}`}>
      <Badge count={count} size="small">
        <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
      </Badge>
    </Link>
  );
}

/** Scroll positions are kept per page, not per query string: a filter or a tab does not jump to the top. */
const scrollKey = (location: { pathname: string }) => location.pathname;

export function Layout() {
  const { t, i18n } = useTranslation();
  const { label } = useVocabulary();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = session?.user.role;
  // Below `md` (768 px) the navigation, language and account move into a drawer behind one button.
  const compact = useCompact();
  // The drawer belongs to the page it was opened on: navigating closes it.
  const [drawerPath, setDrawerPath] = useState<string | null>(null);
  const drawerOpen = drawerPath === location.pathname;
  const setDrawerOpen = (open: boolean) => setDrawerPath(open ? location.pathname : null);

  const items = [
    { key: '/hall', label: <Link to="/hall">{t('nav.hall')}</Link> },
    { key: '/batches', label: <Link to="/batches">{t('nav.batches')}</Link> },
    ...(role ? [{ key: HOME_BY_ROLE[role], label: <Link to={HOME_BY_ROLE[role]}>{t(`nav.${role}`)}</Link> }] : []),
  ];
  // A need's page is reached from the hall, so the hall stays highlighted there.
  const path = location.pathname.startsWith('/demands/') ? '/hall' : location.pathname;
  const selected = items.map((item) => item.key).filter((key) => path.startsWith(key));

  const logout = () => {
    sessionStore.set(null);
    queryClient.clear();
    void navigate('/hall');
  };
  const toggleLanguage = () => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en');

  const brand = (
    <Link to="/hall" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
      {compact ? t('app.name') : `${t('app.name')} · ${t('app.subtitle')}`}
    </Link>
  );

  const header = compact ? (
    <Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px' }}>
      {brand}
      <span style={{ flex: 1 }} />
      {session && <UnreadBadge />}
      <Button
        type="text"
        icon={<MenuOutlined />}
        style={{ color: '#fff' }}
        aria-label={t('nav.menu')}
        aria-expanded={drawerOpen}
        aria-controls="site-menu"
        onClick={() => setDrawerOpen(true)}
      />
      <Drawer
        id="site-menu"
        title={t('nav.menu')}
        placement="right"
        size={280}
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        styles={{ body: { padding: 0 } }}
      >
        <nav aria-label={t('nav.main')}>
          <Menu mode="vertical" selectedKeys={selected} items={items} style={{ borderInlineEnd: 0 }} />
        </nav>
        <Space direction="vertical" style={{ width: '100%', padding: 16 }}>
          <Button block icon={<GlobalOutlined />} onClick={toggleLanguage}>
            {t('nav.language')}
          </Button>
          {session ? (
            <>
              <Typography.Text>
                <UserOutlined /> {session.user.displayName} · {label('role', session.user.role)}
              </Typography.Text>
              <Button block icon={<AuditOutlined />} onClick={() => void navigate('/reviews')}>
                {t('nav.reviews')}
              </Button>
              <Button block icon={<LogoutOutlined />} onClick={logout}>
                {t('nav.logout')}
              </Button>
            </>
          ) : (
            <>
              <Button block type="primary" onClick={() => void navigate('/login')}>
                {t('nav.login')}
              </Button>
              <Button block onClick={() => void navigate('/register')}>
                {t('nav.register')}
              </Button>
            </>
          )}
        </Space>
      </Drawer>
    </Header>
  ) : (
    <Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
      {brand}
      <nav aria-label={t('nav.main')} style={{ flex: 1, minWidth: 0 }}>
        <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} />
      </nav>
      <Space size="middle">
        <Button type="text" icon={<GlobalOutlined />} style={{ color: '#fff' }} onClick={toggleLanguage}>
          {t('nav.language')}
        </Button>
        {session ? (
          <>
            <UnreadBadge />
            <Dropdown
              menu={{
                items: [
                  { key: 'role', label: label('role', session.user.role), disabled: true },
                  {
                    key: 'reviews',
                    icon: <AuditOutlined />,
                    label: t('nav.reviews'),
                    onClick: () => void navigate('/reviews'),
                  },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), onClick: logout },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} style={{ color: '#fff' }}>
                {session.user.displayName}
              </Button>
            </Dropdown>
          </>
        ) : (
          <>
            <Button type="primary" onClick={() => void navigate('/login')}>
              {t('nav.login')}
            </Button>
            <Link to="/register" style={{ color: '#fff' }}>
              {t('nav.register')}
            </Link>
          </>
        )}
      </Space>
    </Header>
  );

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('nav.skip')}
      </a>
      {header}
      <Content
        id="main-content"
        tabIndex={-1}
        style={{ padding: compact ? '12px 12px' : '24px 48px', maxWidth: 1400, width: '100%', margin: '0 auto' }}
      >
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </Content>
      <Footer style={{ textAlign: 'center', padding: compact ? '16px 12px' : undefined }}>
        <Typography.Text>
          {t('app.name')} · {t('app.subtitle')}
        </Typography.Text>
      </Footer>
      <ScrollRestoration getKey={scrollKey} />
    </AntLayout>
  );
}
