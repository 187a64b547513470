import { Router, UrlTree } from '@angular/router';

import { LogoutLensConfig } from '../config/logout-lens.config';

/** The query parameter of the sign-in page that names the page to go back to. */
export const RETURN_URL_PARAM = 'returnUrl';

/**
 * A page of this app to go back to, or `null`: only an absolute path of this origin (`/…`, never
 * `//host` or `https://…`), and never the sign-in page itself.
 */
export function safeReturnUrl(value: unknown, signIn: string): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return null;
  }
  return value.split(/[?#]/)[0] === signIn ? null : value;
}

/** The sign-in page, naming `from` (when there is one to go back to and the policy says so). */
export function signInTree(router: Router, config: LogoutLensConfig, from: string | null): UrlTree {
  const returnUrl = config.routes.returnToPrevious ? safeReturnUrl(from, config.routes.signIn) : null;
  const afterSignIn = config.routes.afterSignIn;
  return router.createUrlTree([config.routes.signIn], {
    queryParams: returnUrl && returnUrl !== afterSignIn ? { [RETURN_URL_PARAM]: returnUrl } : {},
  });
}

/** Where a sign-in goes: back to the page named on the sign-in page's URL, else `afterSignIn`. */
export function afterSignInUrl(router: Router, config: LogoutLensConfig): string {
  const named = router.parseUrl(router.url).queryParams[RETURN_URL_PARAM];
  return (config.routes.returnToPrevious && safeReturnUrl(named, config.routes.signIn)) || config.routes.afterSignIn;
}

/** Whether the user is on the sign-in page. */
export function onSignInPage(router: Router, config: LogoutLensConfig): boolean {
  return router.url.split(/[?#]/)[0] === config.routes.signIn;
}
