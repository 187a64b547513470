import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SILENT_ERRORS } from '../../../src/lib/auth/api-request';
import { provideLogoutLensConfig } from '../../../src/lib/config/logout-lens.config';
import { activeSession } from './active-session.fixture';
import { SessionsApi } from './sessions-api';

describe('SessionsApi', () => {
  let api: SessionsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideLogoutLensConfig({ apiBase: '/api/v1' })],
    });
    api = TestBed.inject(SessionsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the sessions under the configured API base, handling failures itself', () => {
    const sessions = [activeSession({ current: true })];
    let received: unknown;
    api.list().subscribe((value) => (received = value));
    const request = http.expectOne({ method: 'GET', url: '/api/v1/auth/sessions/' });
    expect(request.request.context.get(SILENT_ERRORS)).toBe(true);
    request.flush(sessions);
    expect(received).toEqual(sessions);
  });

  it('revokes one session by its id', () => {
    let done = false;
    api.revoke('b6a1f0c2-0000-4000-8000-000000000001').subscribe(() => (done = true));
    http
      .expectOne({ method: 'DELETE', url: '/api/v1/auth/sessions/b6a1f0c2-0000-4000-8000-000000000001/' })
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);
  });

  it('revokes every other session with ?others=1', () => {
    let done = false;
    api.revokeOthers().subscribe(() => (done = true));
    const request = http.expectOne((r) => r.method === 'DELETE' && r.url === '/api/v1/auth/sessions/');
    expect(request.request.params.get('others')).toBe('1');
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);
  });

  it('passes errors on to the caller', () => {
    let status = 0;
    api.revoke('gone').subscribe({ error: (e: { status: number }) => (status = e.status) });
    http
      .expectOne('/api/v1/auth/sessions/gone/')
      .flush({ detail: 'Not found.', code: 'not_found' }, { status: 404, statusText: 'Not Found' });
    expect(status).toBe(404);
  });
});
