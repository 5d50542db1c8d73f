import { Radio, Select, Tabs, type TabsProps } from 'antd';
import { useCompact } from './useCompact';

/**
 * Ant Design's Tabs on a wide screen; below `md` a select of the same choices. Tabs that overflow
 * hide the rest behind a "more" button that is not a tab, which screen readers cannot use; so tabs
 * that only filter (no panels of their own) are a row of choices that wraps instead.
 */
export function AdaptiveTabs(props: TabsProps & { 'aria-label': string }) {
  const compact = useCompact();
  const items = props.items ?? [];
  const active = props.activeKey ?? items[0]?.key;
  const filterOnly = items.every((item) => item.children === undefined);
  if (!compact && !filterOnly) return <Tabs {...props} />;
  const children = items.find((item) => item.key === active)?.children;
  const choices = items.map((item) => ({ value: item.key, label: item.label }));
  return (
    <>
      {compact ? (
        <Select
          aria-label={props['aria-label']}
          value={active}
          onChange={(key: string) => props.onChange?.(key)}
          options={choices}
          style={{ width: '100%', marginBottom: 12 }}
        />
      ) : (
        <Radio.Group
          aria-label={props['aria-label']}
          optionType="button"
          value={active}
          onChange={(event) => props.onChange?.(event.target.value as string)}
          options={choices}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8, margin: '16px 0' }}
        />
      )}
      {children}
    </>
  );
}
