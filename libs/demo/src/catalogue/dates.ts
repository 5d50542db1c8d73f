/** Calendar arithmetic on ISO days (yyyy-mm-dd) and Beijing times, for the demo's historical dates. */

const DAY = 24 * 3600 * 1000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The last day of the month `months` after the month of `day`. */
export function monthEndAfter(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month + months, 0)).toISOString().slice(0, 10);
}

/** The instant (ISO) of a Beijing wall-clock time (UTC+8, no daylight saving) on `day`. */
export function beijingAt(day: string, hour: number, minute = 0): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((hour - 8) * 60 + minute) * 60_000).toISOString();
}

/** The Beijing calendar day of an instant. */
export function beijingDayOf(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierDay(a: string, b: string): string {
  return a < b ? a : b;
}
