import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, defer, finalize, map, of, share, switchMap } from 'rxjs';

import { REFRESH_ON_401, SILENT_ERRORS } from '../auth/api-request';
import { LOGOUT_EVENTS_URL } from '../config/logout-lens.config';
import { LogoutRecord, parseLogoutRecord } from '../model/logout-record';
import { LOCAL_STORAGE } from '../platform/browser.tokens';
import { LOGOUT_EVENT_QUEUE_KEY, LOGOUT_EVENT_QUEUE_LIMIT } from './logout-event-queue';

type Delivery = 'sent' | 'kept' | 'dropped';

/**
 * Delivers logout records to the backend's audit trail (`LOGOUT_EVENTS_URL`, by default
 * `POST /v1/auth/logout-event/`). Each record is queued in storage first; a backend that can't be
 * reached leaves it queued for the next flush (on start, when the browser comes back online, and
 * periodically), so nothing is lost. A backend with no audit trail (the URL is null) gets none.
 */
@Injectable({ providedIn: 'root' })
export class LogoutEventOutbox {
  private readonly http = inject(HttpClient);
  private readonly storage = inject(LOCAL_STORAGE);
  private readonly url = inject(LOGOUT_EVENTS_URL);
  private flushing: Observable<number> | null = null;

  /** Queues the record and tries to deliver the queue. Emits whether this record was sent. */
  submit(record: LogoutRecord): Observable<boolean> {
    if (this.url === null) return of(false);
    this.write([...this.pending(), record]);
    return this.flush().pipe(map(() => !this.pending().some((r) => r.id === record.id)));
  }

  /** Sends queued events in order, stopping at the first that can't be delivered now. Emits how many remain. */
  flush(): Observable<number> {
    return (this.flushing ??= defer(() => this.sendNext()).pipe(
      finalize(() => (this.flushing = null)),
      share(),
    ));
  }

  /** The undelivered records, oldest first. */
  pending(): LogoutRecord[] {
    try {
      const raw = this.storage?.getItem(LOGOUT_EVENT_QUEUE_KEY);
      const value: unknown = raw && raw.length < 512 * 1024 ? JSON.parse(raw) : [];
      return Array.isArray(value) ? value.flatMap((item) => parseLogoutRecord(item) ?? []) : [];
    } catch {
      return [];
    }
  }

  private sendNext(): Observable<number> {
    const [next] = this.pending();
    if (!next) return of(0);
    return this.post(next).pipe(
      switchMap((delivery) => {
        if (delivery === 'kept') return of(this.pending().length);
        this.remove(next.id);
        return this.sendNext();
      }),
    );
  }

  private post(record: LogoutRecord): Observable<Delivery> {
    if (this.url === null) return of('kept');
    const context = new HttpContext().set(SILENT_ERRORS, true).set(REFRESH_ON_401, false);
    return this.http.post(this.url, toEvent(record), { context }).pipe(
      map((): Delivery => 'sent'),
      catchError((error: unknown) => of(deliveryAfter(error))),
    );
  }

  private remove(id: string): void {
    this.write(this.pending().filter((r) => r.id !== id));
  }

  private write(records: LogoutRecord[]): void {
    const kept = records.slice(-LOGOUT_EVENT_QUEUE_LIMIT);
    for (;;) {
      try {
        if (kept.length) this.storage?.setItem(LOGOUT_EVENT_QUEUE_KEY, JSON.stringify(kept));
        else this.storage?.removeItem(LOGOUT_EVENT_QUEUE_KEY);
        return;
      } catch {
        // Quota exceeded: drop the oldest and try again.
        if (kept.shift() === undefined) return;
      }
    }
  }
}

/** A rejected event (400, 413) will never be accepted: drop it. Everything else is retried later. */
function deliveryAfter(error: unknown): Delivery {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  return status === 400 || status === 413 || status === 422 ? 'dropped' : 'kept';
}

/** The backend's event shape: indexed fields at the top, the rest of the record in `details`. */
export function toEvent(record: LogoutRecord): Record<string, unknown> {
  const { type, message, idle_seconds, occurred_at, device_id, session_id, tab_id, route, ...rest } = record;
  return {
    type,
    message,
    idle_seconds: Math.round(idle_seconds),
    occurred_at,
    device_id,
    session_id,
    tab_id,
    route: route.startsWith('/') ? route : `/${route}`,
    details: { ...rest, client_event_id: rest.id },
  };
}
