import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { PeerSession } from './peer-session';

export const signedInGuard: CanActivateFn = () =>
  inject(PeerSession).signedIn() || inject(Router).createUrlTree(['/signin']);

export const signedOutGuard: CanActivateFn = () =>
  !inject(PeerSession).signedIn() || inject(Router).createUrlTree(['/']);
