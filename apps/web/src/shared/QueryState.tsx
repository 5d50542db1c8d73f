import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from './problems';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** Treat the data as empty (an empty page of results, say) and show `empty` instead. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The loading state of a page or a list, announced to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('state.loading')}>
        <div style={{ minHeight: 40 }} />
      </Spin>
    </div>
  );
}

/**
 * Every list and page shows the same loading, error (with retry) and empty states. A failed
 * background refetch keeps what was loaded on screen, with a warning above it: replacing the page
 * would throw away whatever the user was typing into it.
 */
export function QueryState<T>({ query, isEmpty, empty, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  if (query.isPending) return <Loading />;
  const retry = (
    <Button type="primary" size={query.isLoadingError ? undefined : 'small'} onClick={() => void query.refetch()}>
      {t('state.retry')}
    </Button>
  );
  if (query.isLoadingError) {
    return <Result status="warning" title={t('state.error')} subTitle={problemText(query.error)} extra={retry} />;
  }
  const stale = query.isRefetchError && (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('state.refreshFailed')}
      description={problemText(query.error)}
      action={retry}
    />
  );
  return (
    <>
      {stale}
      {isEmpty?.(query.data) ? (empty ?? <Empty description={t('state.empty')} />) : children(query.data)}
    </>
  );
}
