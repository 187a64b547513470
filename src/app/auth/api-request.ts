import { HttpContextToken } from '@angular/common/http';

/** Whether a 401 on this request may trigger a refresh and a retry (false for audit posts). */
export const REFRESH_ON_401 = new HttpContextToken<boolean>(() => true);

/** Whether failures of this request are left to the caller instead of a snack bar. */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

/**
 * Whether `url` addresses the configured API. The token is attached only to such requests,
 * never to another origin: absolute URLs must be same-origin with a path under `apiBase`.
 */
export function isApiRequest(url: string, apiBase: string, origin: string | null): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(apiBase)) return url === apiBase || url.startsWith(`${apiBase}/`);
  if (url.startsWith('//')) return false;
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    if (!origin) return false;
    try {
      const parsed = new URL(url);
      if (parsed.origin !== origin) return false;
      path = parsed.pathname;
    } catch {
      return false;
    }
  }
  return path === apiBase || path.startsWith(`${apiBase}/`);
}

/** The session endpoints that work from the refresh cookie alone and carry no access token. */
export function isCookieEndpoint(url: string, apiBase: string): boolean {
  return ['login/', 'refresh/', 'logout/'].some((endpoint) =>
    url.endsWith(`${apiBase}/auth/${endpoint}`),
  );
}
