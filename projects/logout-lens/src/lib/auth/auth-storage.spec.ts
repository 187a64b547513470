import { TestBed } from '@angular/core/testing';

import { LOCAL_STORAGE } from '../platform/browser.tokens';
import { AUTH_STORAGE_KEY, AuthStorage, parseRecord } from './auth-storage';

describe('AuthStorage', () => {
  function setUp(initial: string | null) {
    localStorage.clear();
    if (initial !== null) localStorage.setItem(AUTH_STORAGE_KEY, initial);
    TestBed.configureTestingModule({ providers: [{ provide: LOCAL_STORAGE, useValue: localStorage }] });
    return TestBed.inject(AuthStorage);
  }

  const session = {
    user: { id: 7, email: 'dana@example.com', name: 'Dana' },
    sessionId: 'b4c1f1de-2b5c-4f7e-9d55-1f1f1f1f1f1f',
    rememberMe: true,
    accessExpiresAt: 1_800_000_000_000,
    refreshExpiresAt: 1_801_000_000_000,
    issuedAt: 1_799_996_400_000,
  };

  it.each([
    ['invalid JSON', '{"device_id": '],
    ['an array', '[1,2,3]'],
    ['a number', '42'],
    ['a foreign shape', '{"state":{"token":"abc"},"version":0}'],
    ['a bad device id', '{"device_id":"<script>"}'],
    ['a huge string', JSON.stringify({ device_id: 'a'.repeat(10), pad: 'x'.repeat(100_000) })],
  ])('replaces %s with a fresh record and keeps working', (_name, raw) => {
    const storage = setUp(raw);

    const record = storage.read();

    expect(record.user).toBeNull();
    expect(record.device_id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(parseRecord(localStorage.getItem(AUTH_STORAGE_KEY))).toEqual(record);
    storage.saveSession(session);
    expect(storage.read().user).toEqual(session.user);
  });

  it('generates the device id once and keeps it across sessions', () => {
    const storage = setUp(null);
    const id = storage.deviceId();

    storage.saveSession(session);
    storage.clearSession();

    expect(storage.deviceId()).toBe(id);
    expect(storage.read().session_id).toBeNull();
  });

  it('salvages valid fields and drops wrongly typed ones', () => {
    const storage = setUp(
      JSON.stringify({ device_id: 'device-1234', user: { id: 1 }, remember_me: 'yes', refresh_expires_at: 'soon' }),
    );

    expect(storage.read()).toEqual({
      device_id: 'device-1234',
      user: null,
      session_id: null,
      remember_me: false,
      access_expires_at: null,
      refresh_expires_at: null,
    });
  });

  it('stores session metadata and never a token', () => {
    const storage = setUp(null);

    storage.saveSession(session);

    const raw = localStorage.getItem(AUTH_STORAGE_KEY) ?? '';
    expect(JSON.parse(raw)).toMatchObject({ session_id: session.sessionId, remember_me: true });
    expect(raw).not.toMatch(/access"|refresh"|token/i);
  });

  it('keeps working in memory when storage refuses writes', () => {
    localStorage.clear();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    TestBed.configureTestingModule({ providers: [{ provide: LOCAL_STORAGE, useValue: full }] });
    const storage = TestBed.inject(AuthStorage);

    storage.saveSession(session);

    expect(storage.read().user).toEqual(session.user);
  });
});
