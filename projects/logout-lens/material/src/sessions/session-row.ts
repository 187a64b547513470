import { SessionsWords, lifetimeText } from '@logout-lens/angular';

import { DeviceDescription, describeUserAgent } from './describe-user-agent';
import { formatRelativeTime } from './relative-time';
import { ActiveSession } from './sessions-api';
import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

/** One session as the table shows it. */
export interface SessionRow {
  id: string;
  /** Whether this is the browser showing the page. */
  current: boolean;
  device: DeviceDescription;
  /** Material icon for the kind of device. */
  icon: 'smartphone' | 'computer';
  signedInAt: string;
  lastActiveAt: string;
  /** "3 minutes ago", measured on the server's clock. */
  lastActive: string;
  ip: string;
  /** "Yes, 20 days" or "No, 7 days": the choice made at sign-in and the lifetime it gives. */
  rememberMe: string;
  /** The browser's device id as the server knows it; empty when it sent none. */
  deviceId: string;
  /** Its first 8 characters, enough to tell two alike browsers apart; "Unknown" when there is none. */
  shortDeviceId: string;
}

/** How many characters of the device id a row shows. */
const SHORT_DEVICE_ID_LENGTH = 8;

/**
 * Puts a session into `words`; `nowMs` is the server's now, so a wrong local clock does not skew
 * it. `lifetime` words a session's lifetime (`LogoutLensIntl.lifetime`; English by default).
 */
export function toSessionRow(
  session: ActiveSession,
  nowMs: number,
  words: SessionsWords = ENGLISH_SESSIONS_WORDS,
  lifetime: (seconds: number) => string = lifetimeText,
): SessionRow {
  const device = describeUserAgent(session.user_agent, words);
  const lastUsed = Date.parse(session.last_used_at);
  return {
    id: session.id,
    current: session.current,
    device,
    icon: device.mobile ? 'smartphone' : 'computer',
    signedInAt: session.created_at,
    lastActiveAt: session.last_used_at,
    // A session cannot have been used in the future; a few seconds of skew read as "just now".
    lastActive: Number.isNaN(lastUsed) ? words.unknown : formatRelativeTime(Math.min(lastUsed, nowMs), nowMs, words),
    ip: session.ip ?? words.unknown,
    rememberMe: words.rememberMeValue(session.remember_me, sessionLifetime(session, lifetime)),
    deviceId: session.device_id ?? '',
    shortDeviceId: session.device_id?.trim() ? session.device_id.trim().slice(0, SHORT_DEVICE_ID_LENGTH) : words.unknown,
  };
}

/** "20 days": the lifetime the server gave the session (it never slides), when its times say it. */
function sessionLifetime(session: ActiveSession, lifetime: (seconds: number) => string): string | null {
  const ms = Date.parse(session.expires_at) - Date.parse(session.created_at);
  return ms > 0 ? lifetime(ms / 1000) : null;
}
