import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { SILENT_ERRORS } from '../auth/api-request';
import { LOGOUT_LENS_CONFIG, authBase } from '../config/logout-lens.config';

/** A server-side audit record, as the drawer shows it. */
export interface AuditRecord {
  id: number;
  type: string;
  source: 'client' | 'server';
  message: string;
  server_time: string;
  session_id: string | null;
  verified: boolean;
}

/** Reads this device's records from the backend's audit trail (the user's own only). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${authBase(inject(LOGOUT_LENS_CONFIG))}/logout-events/`;

  forDevice(deviceId: string): Observable<AuditRecord[]> {
    return this.http
      .get<{ results: AuditRecord[] }>(this.url, {
        params: { device_id: deviceId, limit: 20 },
        context: new HttpContext().set(SILENT_ERRORS, true),
      })
      .pipe(map((page) => page.results.map(({ id, type, source, message, server_time, session_id, verified }) => ({ id, type, source, message, server_time, session_id, verified }))));
  }
}
