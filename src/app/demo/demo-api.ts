import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '@logout-lens/angular';
import { DemoEndpoint } from './demo-endpoints';
import { SIMULATE_NETWORK_CUT } from './network-cut.interceptor';

/** Calls the backend's demo endpoints (enabled in development and tests only). */
@Injectable({ providedIn: 'root' })
export class DemoApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(LOGOUT_LENS_CONFIG).apiBase}/demo/`;

  call(endpoint: DemoEndpoint): Observable<unknown> {
    const cut = endpoint.path === null;
    return this.http.get(this.base + (endpoint.path ?? 'data/'), {
      context: new HttpContext().set(SIMULATE_NETWORK_CUT, cut),
    });
  }
}
