import { Button, Empty, Pagination, Spin, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type Key, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompact } from './useCompact';

type Column<T> = NonNullable<TableProps<T>['columns']>[number];

/** The columns that hold a value (a group's children in place of the group). */
function leaves<T>(columns: readonly Column<T>[]): ColumnType<T>[] {
  return columns.flatMap((column) => ('children' in column ? leaves(column.children) : [column]));
}

function cellOf<T>(column: ColumnType<T>, record: T, index: number): ReactNode {
  const path = column.dataIndex === undefined ? [] : ([] as PropertyKey[]).concat(column.dataIndex as PropertyKey);
  const value = path.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown> | undefined)?.[key], record);
  if (column.render) {
    const rendered = column.render(value, record, index);
    // A render may return cell props ({ children, props }) for spans; a card shows the children.
    return rendered && typeof rendered === 'object' && 'children' in rendered
      ? (rendered as { children: ReactNode }).children
      : (rendered as ReactNode);
  }
  return value as ReactNode;
}

/** A column heading a card can show (a function heading is a sorter's, for the table header only). */
function hasTitle<T>(column: ColumnType<T>): boolean {
  return !!column.title && typeof column.title !== 'function';
}

function titleOf<T>(column: ColumnType<T>): ReactNode {
  return typeof column.title === 'function' ? null : column.title;
}

function keyOf<T>(rowKey: TableProps<T>['rowKey'], record: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(record, index);
  if (rowKey !== undefined) return (record as Record<PropertyKey, Key>)[rowKey];
  return index;
}

const cardStyle = { border: '1px solid #f0f0f0', borderRadius: 6, padding: '10px 12px', background: '#fff' };

/**
 * Ant Design's Table on a wide screen; below `md` (768 px) each row becomes a card, its first
 * column as the heading and the others as "title: value" lines, so no page scrolls sideways on a phone.
 * Takes the Table's own props: columns, rows, paging, expandable rows, loading, empty text.
 */
export function AdaptiveTable<T extends object>(props: TableProps<T>) {
  const compact = useCompact();
  const { t } = useTranslation();
  const [localPage, setLocalPage] = useState(1);
  const [expanded, setExpanded] = useState<ReadonlySet<Key>>(new Set());
  if (!compact) return <Table<T> {...props} />;

  const rows = props.dataSource ?? [];
  const columns = leaves(props.columns ?? []).filter((column) => !column.hidden);
  const paging = props.pagination === false ? null : (props.pagination ?? {});
  const pageSize = paging?.pageSize ?? 10;
  // Controlled paging (`current` given) means the rows are already one page from the server.
  const controlled = paging?.current !== undefined;
  const current = paging?.current ?? localPage;
  const shown = paging && !controlled ? rows.slice((current - 1) * pageSize, current * pageSize) : rows;
  const expandable = props.expandable;
  const loading = typeof props.loading === 'object' ? props.loading.spinning : props.loading;

  const toggle = (key: Key) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <Spin spinning={!!loading}>
      {props.title && <div style={{ padding: '8px 0' }}>{props.title(rows)}</div>}
      {shown.length === 0 ? (
        ((typeof props.locale?.emptyText === 'function' ? props.locale.emptyText() : props.locale?.emptyText) ?? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ))
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
          {shown.map((record, i) => {
            const index = controlled ? i : (current - 1) * pageSize + i;
            const key = keyOf(props.rowKey, record, index);
            const [first, ...rest] = columns;
            const canExpand =
              !!expandable?.expandedRowRender && (expandable.rowExpandable?.(record) ?? true) && !!first;
            const isOpen = expanded.has(key);
            const onClick = props.onRow?.(record, index).onClick;
            return (
              <li key={key} style={{ ...cardStyle, cursor: onClick ? 'pointer' : undefined }} onClick={onClick}>
                {first && <div style={{ fontWeight: 600, marginBottom: 4 }}>{cellOf(first, record, index)}</div>}
                <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 12px' }}>
                  {rest.filter(hasTitle).map((column, c) => (
                    <div key={column.key ?? c} style={{ display: 'contents' }}>
                      <dt style={{ color: 'rgba(0, 0, 0, 0.6)' }}>{titleOf(column)}</dt>
                      <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
                        {cellOf(column, record, index)}
                      </dd>
                    </div>
                  ))}
                </dl>
                {/* Columns without a heading (row actions) go below the lines. */}
                {rest
                  .filter((column) => !hasTitle(column))
                  .map((column, c) => (
                    <div key={column.key ?? c} style={{ marginTop: 4 }}>
                      {cellOf(column, record, index)}
                    </div>
                  ))}
                {canExpand && (
                  <>
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      aria-expanded={isOpen}
                      onClick={(event) => {
                        event.stopPropagation();
                        toggle(key);
                      }}
                    >
                      {isOpen ? t('table.collapse') : t('table.expand')}
                    </Button>
                    {isOpen && <div>{expandable.expandedRowRender!(record, index, 0, true)}</div>}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {paging && (paging.total ?? rows.length) > pageSize && (
        <Pagination
          size="small"
          style={{ marginTop: 12, justifyContent: 'center' }}
          current={current}
          pageSize={pageSize}
          total={paging.total ?? rows.length}
          showSizeChanger={false}
          onChange={(page, size) => {
            setLocalPage(page);
            paging.onChange?.(page, size);
          }}
        />
      )}
    </Spin>
  );
}
