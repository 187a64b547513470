import { activeSession as session } from './active-session.fixture';
import { toSessionRow } from './session-row';
import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('toSessionRow', () => {
  it('puts a session into words', () => {
    expect(toSessionRow(session(), NOW)).toEqual({
      id: 'b6a1f0c2-0000-4000-8000-000000000001',
      current: false,
      device: { full: 'Chrome 156 on Linux', short: 'Chrome on Linux', mobile: false },
      icon: 'computer',
      signedInAt: '2026-03-09T08:00:00Z',
      lastActiveAt: '2026-03-10T11:57:30Z',
      lastActive: '2 minutes ago',
      ip: '203.0.113.7',
      rememberMe: 'Yes, 20 days',
      deviceId: 'device-1',
      shortDeviceId: 'device-1',
    });
  });

  it('states the lifetime the server gave the session, from its own times', () => {
    const standard = session({ remember_me: false, created_at: '2026-03-09T08:00:00Z', expires_at: '2026-03-16T08:00:00Z' });
    expect(toSessionRow(standard, NOW).rememberMe).toBe('No, 7 days');
    const short = session({ remember_me: false, created_at: '2026-03-10T08:00:00Z', expires_at: '2026-03-10T20:00:00Z' });
    expect(toSessionRow(short, NOW).rememberMe).toBe('No, 12 hours');
  });

  it('states only the choice when the times do not say the lifetime', () => {
    expect(toSessionRow(session({ expires_at: 'not a date' }), NOW).rememberMe).toBe('Yes');
  });

  it('reads a last use slightly ahead of our clock as just now', () => {
    const row = toSessionRow(session({ last_used_at: '2026-03-10T12:03:00Z' }), NOW);
    expect(row.lastActive).toBe('just now');
  });

  it('shortens the device id to its first 8 characters', () => {
    const row = toSessionRow(session({ device_id: '3f2a9c1e-77b0-4d6e-9a51-0c8e2b4d6f10' }), NOW);
    expect(row.shortDeviceId).toBe('3f2a9c1e');
    expect(row.deviceId).toBe('3f2a9c1e-77b0-4d6e-9a51-0c8e2b4d6f10');
  });

  it('says so when the browser sent no device id', () => {
    expect(toSessionRow(session({ device_id: '' }), NOW).shortDeviceId).toBe('Unknown');
  });

  it('copes with a missing IP and an unreadable time', () => {
    const row = toSessionRow(session({ ip: null, last_used_at: 'not a date' }), NOW);
    expect(row.ip).toBe('Unknown');
    expect(row.lastActive).toBe('Unknown');
  });

  it('puts a session into the words and lifetime it is given', () => {
    const words = {
      ...ENGLISH_SESSIONS_WORDS,
      unknown: 'Unbekannt',
      minutesAgo: (n: number) => `vor ${n} Minuten`,
      browserOnOs: (browser: string, os: string) => `${browser} unter ${os}`,
      rememberMeValue: (rememberMe: boolean, lifetime: string | null) => `${rememberMe ? 'Ja' : 'Nein'}, ${lifetime}`,
    };
    const row = toSessionRow(session({ ip: null, device_id: '' }), NOW, words, (seconds) => `${seconds / 86_400} Tage`);
    expect(row).toEqual(
      expect.objectContaining({
        device: { full: 'Chrome 156 unter Linux', short: 'Chrome unter Linux', mobile: false },
        lastActive: 'vor 2 Minuten',
        ip: 'Unbekannt',
        rememberMe: 'Ja, 20 Tage',
        shortDeviceId: 'Unbekannt',
      }),
    );
  });
});
