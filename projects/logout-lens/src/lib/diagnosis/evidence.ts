import { ApiCall } from '../model/api-call';
import { LogoutRecord } from '../model/logout-record';

/** A monitor check that fired much later than scheduled: the laptop slept or the tab was throttled. */
export interface LateTimer {
  /** Local epoch ms the check was due. */
  expectedAt: number;
  /** Local epoch ms it actually ran. */
  firedAt: number;
  delayMs: number;
}

/** Everything the diagnosis may reason from. Plain data: no tokens, nothing secret. */
export interface Evidence {
  /** Local epoch ms. */
  now: number;
  signedIn: boolean;
  /** The session, while signed in (times on the server's clock, epoch ms). */
  session: {
    rememberMe: boolean;
    /** Server epoch ms the session began (sign-in), when known. */
    startedAt: number | null;
    accessExpiresAt: number;
    refreshExpiresAt: number;
  } | null;
  /** The most recent sign-out in this browser, if any. */
  lastLogout: LogoutRecord | null;
  /** Server time minus local time, ms (positive: this computer is behind). */
  clockSkewMs: number;
  /** Late monitor checks, oldest first. */
  lateTimers: readonly LateTimer[];
  /** Recent API calls, oldest first, refresh calls included (`refresh: true`). */
  apiCalls: readonly ApiCall[];
}

/** How worrying a finding is. */
export type DiagnosisSeverity = 'info' | 'warning' | 'critical';

/** The one sentence that names the most likely cause (or risk). */
export interface Diagnosis {
  /** Stable id of the rule that matched. */
  rule: string;
  severity: DiagnosisSeverity;
  sentence: string;
}
