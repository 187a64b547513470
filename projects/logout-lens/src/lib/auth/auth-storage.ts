import { Injectable, inject } from '@angular/core';

import { SessionInfo, SessionUser, parseSessionUser } from '../model/session.model';
import { LOCAL_STORAGE } from '../platform/browser.tokens';
import { newDeviceId } from '../platform/ids';

/** localStorage key, fixed by the product: support scripts read it. */
export const AUTH_STORAGE_KEY = 'auth-storage';
const MAX_LENGTH = 4096;

/** The non-secret session metadata kept across reloads. Never a token. */
export interface AuthStorageRecord {
  device_id: string;
  user: SessionUser | null;
  session_id: string | null;
  remember_me: boolean;
  access_expires_at: number | null;
  refresh_expires_at: number | null;
  /** The session's lifetime under the server's policy, in seconds (when the server said it). */
  lifetime_seconds?: number;
}

/**
 * Reads and writes `auth-storage`. A missing, corrupt, foreign or oversized value is replaced by
 * a fresh record (keeping a valid device_id when one can be salvaged); nothing here throws.
 */
@Injectable({ providedIn: 'root' })
export class AuthStorage {
  private readonly storage = inject(LOCAL_STORAGE);
  private memory: AuthStorageRecord | null = null;

  read(): AuthStorageRecord {
    const parsed = parseRecord(this.rawValue());
    if (parsed) return (this.memory = parsed);
    const fresh = this.memory ?? emptyRecord(newDeviceId());
    this.write(fresh);
    return fresh;
  }

  /** The id of this browser, generated once and sent at sign-in. */
  deviceId(): string {
    return this.read().device_id;
  }

  saveSession(session: SessionInfo): void {
    this.write({
      device_id: this.deviceId(),
      user: session.user,
      session_id: session.sessionId,
      remember_me: session.rememberMe,
      access_expires_at: session.accessExpiresAt,
      refresh_expires_at: session.refreshExpiresAt,
      ...(session.lifetimeSeconds ? { lifetime_seconds: session.lifetimeSeconds } : {}),
    });
  }

  clearSession(): void {
    this.write(emptyRecord(this.deviceId()));
  }

  private rawValue(): string | null {
    try {
      return this.storage?.getItem(AUTH_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private write(record: AuthStorageRecord): void {
    this.memory = record;
    try {
      this.storage?.setItem(AUTH_STORAGE_KEY, JSON.stringify(record));
    } catch {
      // Storage full or refused: the in-memory copy keeps this tab working.
    }
  }
}

/**
 * The session `record` describes, as this browser last knew it (null when it names none): for a
 * restore that cannot reach the server, and for the record of a session found over on reload.
 * `now` stands in for the unknown time the access token was issued.
 */
export function storedSession(record: AuthStorageRecord, now: number): SessionInfo | null {
  if (!record.user) return null;
  return {
    user: record.user,
    sessionId: record.session_id ?? '',
    rememberMe: record.remember_me,
    accessExpiresAt: record.access_expires_at ?? now,
    refreshExpiresAt: record.refresh_expires_at ?? now,
    issuedAt: now,
    ...(record.lifetime_seconds ? { lifetimeSeconds: record.lifetime_seconds } : {}),
  };
}

function emptyRecord(deviceId: string): AuthStorageRecord {
  return {
    device_id: deviceId,
    user: null,
    session_id: null,
    remember_me: false,
    access_expires_at: null,
    refresh_expires_at: null,
  };
}

const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Validates a stored value field by field; returns null when it cannot be trusted. */
export function parseRecord(raw: string | null): AuthStorageRecord | null {
  if (!raw || raw.length > MAX_LENGTH) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['device_id'] !== 'string' || !DEVICE_ID.test(v['device_id'])) return null;
  return {
    device_id: v['device_id'],
    user: parseSessionUser(v['user']),
    session_id: typeof v['session_id'] === 'string' ? v['session_id'].slice(0, 64) : null,
    remember_me: v['remember_me'] === true,
    access_expires_at: finiteOrNull(v['access_expires_at']),
    refresh_expires_at: finiteOrNull(v['refresh_expires_at']),
    ...(positiveOrNull(v['lifetime_seconds']) ? { lifetime_seconds: positiveOrNull(v['lifetime_seconds'])! } : {}),
  };
}

function positiveOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

