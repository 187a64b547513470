import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { filter, map, take } from 'rxjs';

import { authFeature } from './state/auth.feature';

/** Lets signed-in users through once a silent restore has settled; others go to sign-in. */
export const signedInGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settledStatus().pipe(
    map((signedIn) => signedIn || router.createUrlTree(['/signin'])),
  );
};

/** Sends an already signed-in user from the sign-in page to the home page. */
export const signedOutGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settledStatus().pipe(map((signedIn) => !signedIn || router.createUrlTree(['/'])));
};

function settledStatus() {
  const store = inject(Store);
  return store.select(authFeature.selectStatus).pipe(
    filter((status) => status !== 'unknown' && status !== 'restoring'),
    take(1),
    map((status) => status === 'signed-in'),
  );
}
