import { Injectable, signal } from '@angular/core';

import { SessionPolicy } from '../model/session.model';

/** The session policy the server last stated (every grant carries it; `policy/` answers it to anyone). */
@Injectable({ providedIn: 'root' })
export class SessionPolicyStore {
  private readonly current = signal<SessionPolicy | null>(null);
  /** The policy, or null until the server has said it. */
  readonly policy = this.current.asReadonly();

  set(policy: SessionPolicy): void {
    this.current.set(policy);
  }
}
