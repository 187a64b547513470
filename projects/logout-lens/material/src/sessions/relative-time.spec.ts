import { formatRelativeTime } from './relative-time';
import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => formatRelativeTime(NOW - ms, NOW);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it('reads under a minute, either way, as just now', () => {
    expect(ago(0)).toBe('just now');
    expect(ago(59 * SECOND)).toBe('just now');
    expect(ago(-30 * SECOND)).toBe('just now');
  });

  it('counts whole minutes, hours and days in the past', () => {
    expect(ago(2 * MINUTE + 50 * SECOND)).toBe('2 minutes ago');
    expect(ago(MINUTE)).toBe('1 minute ago');
    expect(ago(HOUR)).toBe('1 hour ago');
    expect(ago(5 * HOUR)).toBe('5 hours ago');
    expect(ago(DAY + HOUR)).toBe('yesterday');
    expect(ago(3 * DAY)).toBe('3 days ago');
    expect(ago(7 * DAY)).toBe('last week');
    expect(ago(15 * DAY)).toBe('2 weeks ago');
    expect(ago(30 * DAY)).toBe('last month');
    expect(ago(65 * DAY)).toBe('2 months ago');
    expect(ago(400 * DAY)).toBe('last year');
    expect(ago(800 * DAY)).toBe('2 years ago');
  });

  it('reads an instant ahead of now as just now: a last use cannot lie in the future', () => {
    expect(ago(-3 * HOUR)).toBe('just now');
  });

  it('speaks the words it is given', () => {
    const german = {
      ...ENGLISH_SESSIONS_WORDS,
      justNow: 'gerade eben',
      minutesAgo: (n: number) => (n === 1 ? 'vor 1 Minute' : `vor ${n} Minuten`),
      daysAgo: (n: number) => (n === 1 ? 'gestern' : `vor ${n} Tagen`),
    };
    expect(formatRelativeTime(NOW - 2 * MINUTE, NOW, german)).toBe('vor 2 Minuten');
    expect(formatRelativeTime(NOW - DAY, NOW, german)).toBe('gestern');
    expect(formatRelativeTime(NOW, NOW, german)).toBe('gerade eben');
    // A word it leaves alone stays as given.
    expect(formatRelativeTime(NOW - 5 * HOUR, NOW, german)).toBe('5 hours ago');
  });
});
