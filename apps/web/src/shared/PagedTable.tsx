import type { UseQueryResult } from '@tanstack/react-query';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { ReactNode } from 'react';
import { AdaptiveTable } from './AdaptiveTable';
import { QueryState } from './QueryState';

/** One page of a server-paged list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
}

interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> {
  query: UseQueryResult<Page<T>>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** Shown instead of the table when the list holds nothing; without it the table shows its own empty text. */
  empty?: ReactNode;
  /** Pagination options beyond the controlled paging. */
  pagination?: Pick<TablePaginationConfig, 'hideOnSinglePage' | 'showTotal'>;
}

/**
 * A server-paged list: its loading, error and empty states, then one page of rows with controlled
 * paging. A query with keepPreviousData keeps the last page, under a spinner, while the next loads.
 */
export function PagedTable<T extends object>({
  query,
  page,
  pageSize,
  onPage,
  empty,
  pagination,
  ...table
}: PagedTableProps<T>) {
  return (
    <QueryState query={query} isEmpty={empty === undefined ? undefined : (data) => data.total === 0} empty={empty}>
      {(data) => (
        <AdaptiveTable<T>
          {...table}
          dataSource={data.items}
          loading={query.isFetching && query.isPlaceholderData}
          pagination={{
            current: page,
            pageSize,
            total: data.total,
            showSizeChanger: false,
            ...pagination,
            onChange: onPage,
          }}
        />
      )}
    </QueryState>
  );
}
