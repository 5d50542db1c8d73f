import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PageSuspense } from '../../shared/PageSuspense';

const SECTIONS = ['dashboard', 'review', 'batches', 'import', 'search'] as const;

const pathOf = (section: (typeof SECTIONS)[number]) => (section === 'dashboard' ? '/admin' : `/admin/${section}`);

/** The programme office's pages share one sub-navigation above their content. */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const { pathname } = useLocation();
  const selected = SECTIONS.filter((section) => section !== 'dashboard' && pathname.startsWith(pathOf(section)));
  return (
    <>
      <nav aria-label={t('nav.label')} style={{ marginBottom: 16 }}>
        <Menu
          mode="horizontal"
          selectedKeys={selected.length > 0 ? selected : ['dashboard']}
          items={SECTIONS.map((section) => ({
            key: section,
            label: <Link to={pathOf(section)}>{t(`nav.${section}`)}</Link>,
          }))}
        />
      </nav>
      <PageSuspense>
        <Outlet />
      </PageSuspense>
    </>
  );
}
