import { CloseCircleFilled, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Input, Pagination, Segmented, Select, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { QueryState } from '../../shared/QueryState';
import { SaveSearchButton } from '../notifications/SaveSearchButton';
import { FacetPanel, type FilterPatch } from './FacetPanel';
import { useDemandSearch, useFacetCounts } from './queries';
import { ResultList } from './ResultList';
import { activeFilterCount, hasFilters, PAGE_SIZES, readFilters, type Sort, SORTS, writeFilters } from './searchParams';
import { useDraft } from './useDraft';
import { ACCENT, MUTED } from './tone';
import { useCompact } from '../../shared/useCompact';

/** The public hall: full-text search of published needs, every filter kept in the address bar. */
export function HallPage() {
  const { t } = useTranslation('hall');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const search = useDemandSearch(filters);
  const counts = useFacetCounts(filters, search.data?.facets);
  // On a phone the filters wait in a drawer, so the first result is on the first screen.
  const compact = useCompact();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filterCount = activeFilterCount(filters);

  // Any change but paging starts again at page 1. Typing replaces the history entry; a click adds
  // one and renders at once (not in a transition), so a ticked box shows ticked straight away.
  const update = useCallback(
    (patch: FilterPatch, replace = false) =>
      void setParams((current) => writeFilters({ ...readFilters(current), page: 1, ...patch }), {
        replace,
        flushSync: !replace,
      }),
    [setParams],
  );
  const reset = () => void setParams(new URLSearchParams(), { flushSync: true });
  const changePage = (page: number, pageSize: number) => {
    update({ page: pageSize === filters.pageSize ? page : 1, pageSize });
    window.scrollTo({ top: 0 });
  };

  const [composing, setComposing] = useState(false);
  const commitQuery = useCallback((q: string) => update({ q }, true), [update]);
  const text = useDraft(filters.q, commitQuery, composing);

  return (
    <>
      <header
        style={{
          background: 'linear-gradient(180deg, #fff 0%, #fdf3f2 100%)',
          border: '1px solid #f0e0de',
          borderTop: `3px solid ${ACCENT}`,
          padding: compact ? '12px 12px' : '20px 24px',
          marginBottom: 16,
        }}
      >
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('hall.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: MUTED, margin: '4px 0 16px' }}>{t('hall.intro')}</Typography.Paragraph>
        <div role="search">
          <Input
            type="search"
            size="large"
            allowClear={{ clearIcon: <CloseCircleFilled aria-label={t('hall.clear')} /> }}
            aria-label={t('hall.searchLabel')}
            placeholder={t('hall.searchPlaceholder')}
            prefix={<SearchOutlined aria-hidden style={{ color: ACCENT }} />}
            value={text.draft}
            onChange={(event) => text.setDraft(event.target.value)}
            onCompositionStart={() => setComposing(true)}
            onCompositionEnd={() => setComposing(false)}
            onPressEnter={text.flush}
            maxLength={200}
            style={{ maxWidth: 880 }}
          />
        </div>
        {compact && (
          <Badge count={filterCount} size="small" offset={[-4, 4]}>
            <Button
              icon={<FilterOutlined />}
              style={{ marginTop: 12 }}
              aria-expanded={filtersOpen}
              aria-controls="hall-filter-drawer"
              onClick={() => setFiltersOpen(true)}
            >
              {filterCount > 0 ? t('hall.filtersActive', { count: filterCount }) : t('hall.filters')}
            </Button>
          </Badge>
        )}
      </header>
      {compact && (
        <Drawer
          id="hall-filter-drawer"
          title={t('hall.filters')}
          placement="left"
          size="min(360px, 92vw)"
          open={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          styles={{ body: { padding: 0 } }}
          footer={
            <Button type="primary" block onClick={() => setFiltersOpen(false)}>
              {search.data ? t('hall.showResults', { total: search.data.total }) : t('hall.close')}
            </Button>
          }
        >
          <FacetPanel filters={filters} counts={counts} onChange={update} onReset={reset} />
        </Drawer>
      )}
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        {!compact && (
          <div style={{ width: 272, flex: '0 0 272px' }}>
            <FacetPanel filters={filters} counts={counts} onChange={update} onReset={reset} />
          </div>
        )}
        <section
          aria-labelledby="hall-results"
          style={{
            flex: compact ? '1 1 100%' : '1 1 560px',
            minWidth: 0,
            background: '#fff',
            border: '1px solid #e8e8e8',
          }}
        >
          <div
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 12,
              justifyContent: 'space-between',
              alignItems: 'center',
              padding: compact ? '8px 12px' : '10px 20px',
              borderBottom: `2px solid ${ACCENT}`,
              background: '#fafafa',
            }}
          >
            <Typography.Title level={2} id="hall-results" style={{ fontSize: 16, margin: 0 }}>
              {t('hall.results')}
            </Typography.Title>
            <Segmented
              aria-label={t('hall.scope')}
              value={filters.open ? 'open' : 'all'}
              onChange={(scope) => update({ open: scope === 'open', status: [] })}
              options={[
                { value: 'open', label: t('hall.scopes.open') },
                { value: 'all', label: t('hall.scopes.all') },
              ]}
            />
            <div role="status" aria-live="polite" style={{ flex: 1, color: MUTED }}>
              {search.data && (
                <>
                  {t('hall.total', { total: search.data.total })}
                  <Typography.Text style={{ color: MUTED, marginLeft: 12, fontSize: 12 }}>
                    {t('hall.took', { ms: search.data.processingTimeMs })}
                  </Typography.Text>
                </>
              )}
            </div>
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <label htmlFor="hall-sort">{t('hall.sort')}</label>
              <Select
                id="hall-sort"
                style={{ width: 168 }}
                value={filters.sort}
                onChange={(sort: Sort) => update({ sort })}
                options={SORTS.map((sort) => ({ value: sort, label: t(`hall.sorts.${sort}`) }))}
              />
            </span>
            <SaveSearchButton filters={filters} />
          </div>
          <QueryState
            query={search}
            isEmpty={(data) => data.total === 0}
            empty={
              <Empty style={{ padding: 48 }} description={<span style={{ color: MUTED }}>{t('hall.empty')}</span>}>
                {hasFilters(filters) && (
                  <Button type="primary" onClick={reset}>
                    {t('hall.reset')}
                  </Button>
                )}
              </Empty>
            }
          >
            {(data) => (
              <>
                {data.items.length > 0 ? (
                  <ResultList hits={data.items} busy={search.isPlaceholderData} />
                ) : (
                  // A shared link to a page the results no longer reach.
                  <Empty
                    style={{ padding: 48 }}
                    description={<span style={{ color: MUTED }}>{t('hall.pastLastPage')}</span>}
                  >
                    <Button type="primary" onClick={() => update({ page: 1 })}>
                      {t('hall.firstPage')}
                    </Button>
                  </Empty>
                )}
                <Pagination
                  style={{ padding: 16, justifyContent: 'flex-end' }}
                  current={filters.page}
                  pageSize={filters.pageSize}
                  total={Math.min(data.total, 1000 * filters.pageSize)}
                  pageSizeOptions={[...PAGE_SIZES]}
                  showSizeChanger
                  showTotal={(total) => t('hall.total', { total })}
                  onChange={changePage}
                />
              </>
            )}
          </QueryState>
        </section>
      </div>
    </>
  );
}
