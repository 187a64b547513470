import { Injectable, inject } from '@angular/core';
import { Observable, filter, first, map, of, race, timer } from 'rxjs';

import { SessionInfo } from '../model/session.model';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { TabChannel } from './tab-channel';

/** How long a new tab waits for an open tab to hand over the session before refreshing itself. */
export const SESSION_HANDOVER_WAIT_MS = 400;

/** A session another tab shared, with its access token (and carried credential, if the backend has one). */
export interface SharedSession {
  session: SessionInfo;
  access: string;
  carried: string | null;
}

/** Waits for a session (with its token) from another tab, for a bounded time. */
@Injectable({ providedIn: 'root' })
export class SharedSessionWaiter {
  private readonly channel = inject(TabChannel);
  private readonly scheduler = inject(SESSION_SCHEDULER);

  /** Whether another tab reports, within `ms`, that the session ended there. */
  signedOutElsewhere(ms: number): Observable<boolean> {
    return race(
      this.channel.messages$.pipe(
        filter((m) => m.kind === 'signed-out'),
        map(() => true),
        first(),
      ),
      timer(ms, this.scheduler).pipe(map(() => false)),
    );
  }

  /** The next shared session within `ms`, or null (at once where tokens can't be shared). */
  next(ms: number): Observable<SharedSession | null> {
    if (!this.channel.sharesTokens) return of(null);
    return race(
      this.channel.messages$.pipe(
        filter((m) => m.kind === 'session' && m.access !== null),
        map((m) => (m.kind === 'session' ? { session: m.session, access: m.access!, carried: m.carried } : null)),
        first(),
      ),
      timer(ms, this.scheduler).pipe(map(() => null)),
    );
  }
}
