import { HttpContextToken } from '@angular/common/http';

import { LogoutLensConfig } from '../config/logout-lens.config';

/** Whether a 401 on this request may trigger a refresh and a retry (false for audit posts). */
export const REFRESH_ON_401 = new HttpContextToken<boolean>(() => true);

/** Whether failures of this request are left to the caller instead of a snack bar. */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

/**
 * Whether `url` addresses the configured API (`apiBase`, or one of `tokenUrls`). The token is
 * attached only to such requests: a relative base matches only this origin's paths under it, an
 * absolute one (`https://api.example.com/v1`) only URLs under it.
 */
export function isApiRequest(
  url: string,
  config: Pick<LogoutLensConfig, 'apiBase' | 'tokenUrls'>,
  origin: string | null,
): boolean {
  return [config.apiBase, ...config.tokenUrls].some((base) => isUnder(url, base, origin));
}

function isUnder(url: string, apiBase: string, origin: string | null): boolean {
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
export function isCookieEndpoint(url: string, config: Pick<LogoutLensConfig, 'apiBase' | 'authPath'>): boolean {
  const path = url.split(/[?#]/)[0]!;
  return ['login/', 'refresh/', 'logout/'].some((endpoint) => path.endsWith(`${config.apiBase}${config.authPath}/${endpoint}`));
}
