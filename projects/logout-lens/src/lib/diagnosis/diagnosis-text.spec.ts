import { clockOffsetText, durationText, statusesText, timesText, localTimeText } from './diagnosis-text';

describe('diagnosis text', () => {
  it.each([
    [30_000, 'less than a minute'],
    [60_000, '1 minute'],
    [43 * 60_000 + 20_000, '43 minutes'],
    [119 * 60_000, '119 minutes'],
    [5 * 3_600_000 + 10 * 60_000, '5 hours'],
    [47 * 3_600_000, '47 hours'],
    [7 * 86_400_000 + 30_000, '7 days'],
    [-20 * 86_400_000, '20 days'],
  ])('says %i ms as "%s"', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });

  it('says which way the clock is off', () => {
    expect(clockOffsetText(6 * 60_000)).toBe('6 minutes behind the server');
    expect(clockOffsetText(-6 * 60_000)).toBe('6 minutes ahead of the server');
  });

  it('counts as a person would', () => {
    expect([1, 2, 3].map(timesText)).toEqual(['once', 'twice', '3 times']);
  });

  it('gives times in the local time zone, in the medium format the rest of the app uses', () => {
    const at = new Date(2026, 10, 28, 9, 15, 42); // 09:15:42 local time, wherever the test runs
    expect(localTimeText(at.getTime())).toBe('Nov 28, 2026, 9:15:42\u202fAM');
  });

  it('lists each status once, in order seen, with network failures in words', () => {
    expect(statusesText([503, 503, 503])).toBe('503');
    expect(statusesText([503, 0])).toBe('503 and a network error');
    expect(statusesText([503, 502, 503, 0])).toBe('503, 502 and a network error');
  });
});
