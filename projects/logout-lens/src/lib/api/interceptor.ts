import { HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';

import { authInterceptor } from '../auth/auth.interceptor';
import { apiCallLogInterceptor } from '../diagnostics/api-call-log.interceptor';
import { apiErrorInterceptor } from '../notifications/api-error.interceptor';

/**
 * Logout Lens's HTTP interceptor: attaches the access token to API calls (only those under
 * `apiBase` or `tokenUrls`), refreshes once on a 401 or ahead of a known expiry and retries,
 * tells the user about failures that keep the session, and logs API calls (no bodies, no query
 * strings) for the diagnosis. Put it in `withInterceptors([...])`; interceptors listed after it
 * see the request with the token.
 */
export const logoutLensInterceptor: HttpInterceptorFn = (req, next) => {
  const injector = inject(EnvironmentInjector);
  const inContext =
    (interceptor: HttpInterceptorFn, then: HttpHandlerFn): HttpHandlerFn =>
    (request: HttpRequest<unknown>) =>
      runInInjectionContext(injector, () => interceptor(request, then));
  return authInterceptor(req, inContext(apiErrorInterceptor, inContext(apiCallLogInterceptor, next)));
};
