/** The signed-in person, as the backend describes them. */
export interface SessionUser {
  id: number | string;
  email: string;
  name: string;
}

/** A live session as the app keeps it: everything but the access token, which stays in memory. */
export interface SessionInfo {
  user: SessionUser;
  sessionId: string;
  rememberMe: boolean;
  /** Access token expiry, epoch ms on the server's clock. */
  accessExpiresAt: number;
  /** Refresh token (session) expiry, epoch ms on the server's clock. */
  refreshExpiresAt: number;
  /** When this access token was received, epoch ms on the server's clock. */
  issuedAt: number;
  /**
   * The session's whole lifetime as the server's policy gives it (20 days with "Remember me" by
   * default, else 7), in seconds; absent when the server did not say.
   */
  lifetimeSeconds?: number;
}

/** The session policy in force, as the server states it (its `policy/` endpoint and every grant). */
export interface SessionPolicy {
  /** Lifetime of an access token. */
  accessSeconds: number;
  /** Absolute lifetime of a session started with "Remember me". */
  rememberMeSeconds: number;
  /** Absolute lifetime of any other session. */
  standardSeconds: number;
}

/** Reads a policy from a server answer (`session_policy` or the `policy/` body); null if malformed. */
export function parseSessionPolicy(value: unknown): SessionPolicy | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const seconds = (key: string) => {
    const n = v[key];
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
  };
  const accessSeconds = seconds('access_seconds');
  const rememberMeSeconds = seconds('remember_me_seconds');
  const standardSeconds = seconds('standard_seconds');
  return accessSeconds && rememberMeSeconds && standardSeconds ? { accessSeconds, rememberMeSeconds, standardSeconds } : null;
}

/** What the sign-in form submits. */
export interface Credentials {
  email: string;
  password: string;
  rememberMe: boolean;
}

/** Why a sign-in attempt failed, in a form the sign-in page can put into words. */
export type SignInError =
  | { kind: 'invalid-credentials' }
  | { kind: 'account-disabled' }
  | { kind: 'unreachable' }
  | { kind: 'invalid-input'; fields: Record<string, string> }
  | { kind: 'throttled' }
  | { kind: 'server'; status: number };

/** A user as storage or another tab hands it over, checked field by field: null when malformed. */
export function parseSessionUser(value: unknown): SessionUser | null {
  if (!value || typeof value !== 'object') return null;
  const { id, email, name } = value as Record<string, unknown>;
  const idOk = (typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id.length <= 64);
  if (!idOk || typeof email !== 'string' || email.length > 254 || typeof name !== 'string' || name.length > 300) return null;
  return { id, email, name };
}
