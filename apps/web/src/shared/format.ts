import dayjs from 'dayjs';

/** 50–200 万元, or 50 万元 when both ends agree. */
export function bountyRange(min: number, max: number, unit: string): string {
  const format = (value: number) => value.toLocaleString('zh-CN');
  return min === max ? `${format(min)} ${unit}` : `${format(min)}–${format(max)} ${unit}`;
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}
