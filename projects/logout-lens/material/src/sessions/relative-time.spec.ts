import { formatRelativeTime } from './relative-time';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => formatRelativeTime(NOW - ms, NOW, 'en');
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
    expect(ago(5 * HOUR)).toBe('5 hours ago');
    expect(ago(DAY + HOUR)).toBe('yesterday');
    expect(ago(3 * DAY)).toBe('3 days ago');
    expect(ago(15 * DAY)).toBe('2 weeks ago');
    expect(ago(65 * DAY)).toBe('2 months ago');
    expect(ago(400 * DAY)).toBe('last year');
  });

  it('words the future too', () => {
    expect(ago(-3 * HOUR)).toBe('in 3 hours');
  });

  it('follows the locale', () => {
    expect(formatRelativeTime(NOW - 2 * MINUTE, NOW, 'de')).toBe('vor 2 Minuten');
  });
});
