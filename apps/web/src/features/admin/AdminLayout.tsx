import { Badge, Button, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageSuspense } from '../../shared/PageSuspense';
import { useCompact } from '../../shared/useCompact';
import { usePendingReviewCount } from './queries';

const SECTIONS = ['dashboard', 'review', 'batches', 'import', 'search'] as const;

const pathOf = (section: (typeof SECTIONS)[number]) => (section === 'dashboard' ? '/admin' : `/admin/${section}`);

/** The programme office's pages share one sub-navigation above their content. */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const selected = SECTIONS.filter((section) => section !== 'dashboard' && pathname.startsWith(pathOf(section)));
  const current = selected[0] ?? 'dashboard';
  // A horizontal menu too wide for a phone hides items that stay focusable: there the sections wrap.
  const compact = useCompact();
  const pending = usePendingReviewCount().data ?? 0;
  const labelOf = (section: (typeof SECTIONS)[number]) =>
    section === 'review' && pending > 0 ? (
      <>
        {t('nav.review')} <Badge count={pending} overflowCount={999} aria-hidden />
        <span className="visually-hidden">{t('nav.pending', { count: pending })}</span>
      </>
    ) : (
      t(`nav.${section}`)
    );
  return (
    <>
      <nav aria-label={t('nav.label')} style={{ marginBottom: 16 }}>
        {compact ? (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {SECTIONS.map((section) => (
              <li key={section}>
                {/* A button-styled link, routed in the page like the menu's links. */}
                <Button
                  size="small"
                  type={section === current ? 'primary' : 'default'}
                  href={pathOf(section)}
                  aria-current={section === current ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    void navigate(pathOf(section));
                  }}
                >
                  {labelOf(section)}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <Menu
            mode="horizontal"
            selectedKeys={selected.length > 0 ? selected : ['dashboard']}
            items={SECTIONS.map((section) => ({
              key: section,
              label: <Link to={pathOf(section)}>{labelOf(section)}</Link>,
            }))}
          />
        )}
      </nav>
      <PageSuspense>
        <Outlet />
      </PageSuspense>
    </>
  );
}
