import { LogoutLensFeature, SESSION_URLS, SessionUrls, logoutLensFeature } from '@logout-lens/angular';

/** Where a project on djangorestframework-simplejwt mounts `logout_lens.contrib.simplejwt`. */
export interface SimpleJwtUrls {
  /** The obtain view (simplejwt's `TokenObtainPairView` was here): `/api/token/`. */
  obtainUrl: string;
  /** `/api/token/refresh/`. */
  refreshUrl: string;
  /** `/api/token/logout/`. */
  logoutUrl: string;
  /** The session policy, for the sign-in page (`/api/token/policy/`); none: the page says no lifetime before sign-in. */
  policyUrl?: string;
  /** The field of the obtain body that names the account: the user model's USERNAME_FIELD (`'username'`). */
  usernameField?: string;
}

/**
 * Sessions from a Django project on djangorestframework-simplejwt that mounts the package's
 * `logout_lens.contrib.simplejwt` views: simplejwt access tokens for the project's API, and the
 * refresh token in Logout Lens's HttpOnly cookie, with its codes for every end. The views answer
 * as Logout Lens's own do, at the project's URLs.
 *
 * ```ts
 * provideLogoutLens(
 *   { appName: 'Acme', apiBase: '/api', authPath: '/token' },
 *   withSimpleJwt({ obtainUrl: '/api/token/', refreshUrl: '/api/token/refresh/', logoutUrl: '/api/token/logout/' }),
 * )
 * ```
 */
export function withSimpleJwt(urls: SimpleJwtUrls): LogoutLensFeature<'SessionBackend'> {
  const sessionUrls: SessionUrls = {
    signIn: urls.obtainUrl,
    refresh: urls.refreshUrl,
    signOut: urls.logoutUrl,
    policy: urls.policyUrl ?? null,
    accountField: urls.usernameField ?? 'username',
  };
  return logoutLensFeature('SessionBackend', [{ provide: SESSION_URLS, useValue: sessionUrls }]);
}
