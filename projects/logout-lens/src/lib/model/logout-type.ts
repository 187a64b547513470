/** The built-in reasons a session ends. The names are fixed: support scripts and the audit trail use them. */
export const LOGOUT_TYPES = [
  'USER_INITIATED',
  'TOKEN_EXPIRED',
  'REFRESH_FAILED',
  'SESSION_REVOKED',
  'PASSWORD_CHANGED',
  'TOKEN_REUSE_DETECTED',
  'IDLE_TIMEOUT',
  'AUTH_ERROR',
  'ACCOUNT_DISABLED',
  'SESSION_NOT_KEPT',
  'UNKNOWN',
] as const;

/** One of the built-in reasons. */
export type BuiltInLogoutType = (typeof LOGOUT_TYPES)[number];

/**
 * Why a session ended: a built-in reason, or one of the app's own (`withLogoutReasons()`), named
 * in the same style — upper case, digits and underscores, 3 to 32 characters (`LICENSE_EXPIRED`).
 */
export type LogoutType = BuiltInLogoutType | (string & {});

/** The form every logout type has, built-in or the app's own. */
export const LOGOUT_TYPE_PATTERN = /^[A-Z][A-Z0-9_]{2,31}$/;

/** Whether a value is a well-formed logout type (built-in or an app's own). */
export function isLogoutType(value: unknown): value is LogoutType {
  return typeof value === 'string' && LOGOUT_TYPE_PATTERN.test(value);
}

/** Whether a value is one of the built-in logout types. */
export function isBuiltInLogoutType(value: unknown): value is BuiltInLogoutType {
  return typeof value === 'string' && (LOGOUT_TYPES as readonly string[]).includes(value);
}
