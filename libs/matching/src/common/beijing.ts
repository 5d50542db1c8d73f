/** The calendar day in Beijing (UTC+8, no daylight saving) at `at`: due dates are Beijing days. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
