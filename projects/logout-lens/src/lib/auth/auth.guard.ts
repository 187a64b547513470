import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { filter, map, take } from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { signInTree } from './routes';
import { authFeature } from './state/auth.feature';

/**
 * Lets signed-in users through once a silent restore has settled; others go to the sign-in page
 * (`routes.signIn`), which names the page they asked for so that signing in leads back to it.
 */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  const config = inject(LOGOUT_LENS_CONFIG);
  return settledStatus().pipe(map((signedIn) => signedIn || signInTree(router, config, state.url)));
};

/** Sends an already signed-in user from the sign-in page to `routes.afterSignIn`. */
export const signedOutGuard: CanActivateFn = () => {
  const router = inject(Router);
  const config = inject(LOGOUT_LENS_CONFIG);
  return settledStatus().pipe(map((signedIn) => !signedIn || router.parseUrl(config.routes.afterSignIn)));
};

function settledStatus() {
  const store = inject(Store);
  return store.select(authFeature.selectStatus).pipe(
    filter((status) => status !== 'unknown' && status !== 'restoring'),
    take(1),
    map((status) => status === 'signed-in'),
  );
}
