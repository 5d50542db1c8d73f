import { Select, Tabs, type TabsProps } from 'antd';
import { useCompact } from './useCompact';

/**
 * Ant Design's Tabs on a wide screen; below `md` a select of the same choices. Tabs that overflow a
 * phone hide the rest behind a "more" button that is not a tab, which screen readers cannot use.
 */
export function AdaptiveTabs(props: TabsProps & { 'aria-label': string }) {
  const compact = useCompact();
  if (!compact) return <Tabs {...props} />;
  const items = props.items ?? [];
  const active = props.activeKey ?? items[0]?.key;
  const children = items.find((item) => item.key === active)?.children;
  return (
    <>
      <Select
        aria-label={props['aria-label']}
        value={active}
        onChange={(key: string) => props.onChange?.(key)}
        options={items.map((item) => ({ value: item.key, label: item.label }))}
        style={{ width: '100%', marginBottom: 12 }}
      />
      {children}
    </>
  );
}
