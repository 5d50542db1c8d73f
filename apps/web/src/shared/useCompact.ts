import { Grid } from 'antd';

/** True below Ant Design's `md` breakpoint (768 px): a phone, where layouts switch to their compact form. */
export function useCompact(): boolean {
  return !(Grid.useBreakpoint().md ?? true);
}
