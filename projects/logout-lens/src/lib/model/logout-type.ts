/** Why a session ended. The names are fixed: support scripts and the backend audit trail use them. */
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
  'UNKNOWN',
] as const;

export type LogoutType = (typeof LOGOUT_TYPES)[number];

/** Whether a value is one of the known logout types. */
export function isLogoutType(value: unknown): value is LogoutType {
  return typeof value === 'string' && (LOGOUT_TYPES as readonly string[]).includes(value);
}
