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
