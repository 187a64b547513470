import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { SILENT_ERRORS } from '@logout-lens/angular';
import { LOGOUT_LENS_CONFIG, authBase } from '@logout-lens/angular';

/** One signed-in browser of the user, as the backend lists it. */
export interface ActiveSession {
  /** The session id (the refresh token family). */
  id: string;
  device_id: string;
  user_agent: string;
  ip: string | null;
  created_at: string;
  last_used_at: string;
  expires_at: string;
  /** Whether the user chose "Remember me for 20 days" when signing in there. */
  remember_me: boolean;
  /** Whether this is the session of the browser asking. */
  current: boolean;
}

/**
 * The user's active sessions: listing them and signing them out. Failures are left to the caller
 * (the sessions page shows them in place rather than in the global snack bar).
 */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${authBase(inject(LOGOUT_LENS_CONFIG))}/sessions/`;

  list(): Observable<ActiveSession[]> {
    return this.http.get<ActiveSession[]>(this.url, { context: silent() });
  }

  /** Signs out one session; the server records it as SESSION_REVOKED. */
  revoke(sessionId: string): Observable<void> {
    return this.http
      .delete(`${this.url}${encodeURIComponent(sessionId)}/`, { context: silent() })
      .pipe(map(() => undefined));
  }

  /** Signs out every session but this browser's. */
  revokeOthers(): Observable<void> {
    return this.http
      .delete(this.url, { params: { others: '1' }, context: silent() })
      .pipe(map(() => undefined));
  }
}

function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
