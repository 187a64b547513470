import { activeSession as session } from './active-session.fixture';
import { pinCurrentFirst } from './pin-current-first';

const ids = (sessions: { id: string }[]) => sessions.map((s) => s.id);

describe('pinCurrentFirst', () => {
  it('puts this browser first even when another was used more recently', () => {
    const sessions = [
      session({ id: 'newest', last_used_at: '2026-03-10T11:59:00Z' }),
      session({ id: 'this', current: true, last_used_at: '2026-03-10T11:58:00Z' }),
      session({ id: 'oldest', last_used_at: '2026-03-01T08:00:00Z' }),
    ];
    expect(ids(pinCurrentFirst(sessions))).toEqual(['this', 'newest', 'oldest']);
  });

  it('orders the others by last activity, newest first, whatever order they came in', () => {
    const sessions = [
      session({ id: 'monday', last_used_at: '2026-03-09T09:00:00Z' }),
      session({ id: 'unreadable', last_used_at: 'not a date' }),
      session({ id: 'tuesday', last_used_at: '2026-03-10T09:00:00Z' }),
      session({ id: 'this', current: true, last_used_at: '2026-03-01T09:00:00Z' }),
      session({ id: 'sunday', last_used_at: '2026-03-08T09:00:00Z' }),
    ];
    expect(ids(pinCurrentFirst(sessions))).toEqual(['this', 'tuesday', 'monday', 'sunday', 'unreadable']);
  });

  it('keeps the server order for equal times and leaves its input alone', () => {
    const sessions = [session({ id: 'a' }), session({ id: 'b' }), session({ id: 'c' })];
    expect(ids(pinCurrentFirst(sessions))).toEqual(['a', 'b', 'c']);
    const input = [session({ id: 'old', last_used_at: '2026-03-01T00:00:00Z' }), session({ id: 'new' })];
    pinCurrentFirst(input);
    expect(ids(input)).toEqual(['old', 'new']);
  });
});
