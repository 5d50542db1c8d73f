import { BellOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Layout as AntLayout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageSuspense } from '../shared/PageSuspense';
import { api, unwrap } from '../api/client';
import { sessionStore, useSession } from '../api/session';
import { setLanguage } from '../i18n';
import { useVocabulary } from '../shared/vocabulary';
import { HOME_BY_ROLE } from './RequireRole';

const { Header, Content, Footer } = AntLayout;

function UnreadBadge() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Link to="/notifications" aria-label={`${t('nav.notifications')} ${t('notifications.unread', { count })}`}>
      <Badge count={count} size="small">
        <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
      </Badge>
    </Link>
  );
}

export function Layout() {
  const { t, i18n } = useTranslation();
  const { label } = useVocabulary();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = session?.user.role;

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

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Link to="/hall" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.name')} · {t('app.subtitle')}
        </Link>
        <nav aria-label={t('nav.main')} style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} />
        </nav>
        <Space size="middle">
          <Button
            type="text"
            icon={<GlobalOutlined />}
            style={{ color: '#fff' }}
            onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
          >
            {t('nav.language')}
          </Button>
          {session ? (
            <>
              <UnreadBadge />
              <Dropdown
                menu={{
                  items: [
                    { key: 'role', label: label('role', session.user.role), disabled: true },
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
              <Link to="/login">
                <Button type="primary">{t('nav.login')}</Button>
              </Link>
              <Link to="/register" style={{ color: '#fff' }}>
                {t('nav.register')}
              </Link>
            </>
          )}
        </Space>
      </Header>
      <Content style={{ padding: '24px 48px', maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </Content>
      <Footer style={{ textAlign: 'center' }}>
        <Typography.Text>
          {t('app.name')} · {t('app.subtitle')}
        </Typography.Text>
      </Footer>
    </AntLayout>
  );
}
