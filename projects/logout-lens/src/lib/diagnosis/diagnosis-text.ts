/** How the diagnosis puts numbers into words: durations, counts, times and HTTP statuses. */
import { formatDate } from '@angular/common';
import { TIME_FORMAT } from '../model/time-format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "1 minute", "43 minutes", "5 hours", "7 days": the unit a person would use for a span. */
export function durationText(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return 'less than a minute';
  if (span < 2 * HOUR) return unitText(Math.round(span / MINUTE), 'minute');
  if (span < 2 * DAY) return unitText(Math.round(span / HOUR), 'hour');
  return unitText(Math.round(span / DAY), 'day');
}

/** "6 minutes behind the server" / "6 minutes ahead of the server" (positive skew: this computer is behind). */
export function clockOffsetText(skewMs: number): string {
  return `${durationText(skewMs)} ${skewMs >= 0 ? 'behind' : 'ahead of'} the server`;
}

/** "once", "twice", "3 times". */
export function timesText(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return `${count} times`;
}

/** An instant in the user's local time, in TIME_FORMAT. */
export function localTimeText(epochMs: number): string {
  return formatDate(epochMs, TIME_FORMAT, 'en-US');
}

/** "503", "503 and 502", "503, 502 and a network error": each status once, in order seen. */
export function statusesText(statuses: readonly number[]): string {
  const names = [...new Set(statuses)].map((s) => (s === 0 ? 'a network error' : String(s)));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function unitText(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
