import { SessionsWords } from '@logout-lens/angular';

import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type RelativeTimeWords = Pick<
  SessionsWords,
  'justNow' | 'minutesAgo' | 'hoursAgo' | 'daysAgo' | 'weeksAgo' | 'monthsAgo' | 'yearsAgo'
>;

/** Largest unit first; the first one the distance reaches is the one shown. */
const UNITS: readonly (readonly [keyof Omit<RelativeTimeWords, 'justNow'>, number])[] = [
  ['yearsAgo', 365 * DAY],
  ['monthsAgo', 30 * DAY],
  ['weeksAgo', 7 * DAY],
  ['daysAgo', DAY],
  ['hoursAgo', HOUR],
  ['minutesAgo', MINUTE],
];

/**
 * How long ago an instant is, in `words`: "just now", "2 minutes ago", "yesterday". Under a
 * minute reads as "just now", and so does an instant ahead of `nowMs` (a last use cannot lie in
 * the future; a clock a little behind makes it seem so).
 */
export function formatRelativeTime(
  thenMs: number,
  nowMs: number,
  words: RelativeTimeWords = ENGLISH_SESSIONS_WORDS,
): string {
  const distance = nowMs - thenMs;
  for (const [unit, size] of UNITS) {
    if (distance >= size) return words[unit](Math.trunc(distance / size));
  }
  return words.justNow;
}
