import { Type } from '@angular/core';

/**
 * The Active sessions page (this device first; sign out one session or all the others), for a
 * lazy route: `{ path: 'account/sessions', canActivate: [signedInGuard], loadComponent: loadSessionsPage }`.
 */
export function loadSessionsPage(): Promise<Type<unknown>> {
  return import('./sessions/sessions-page').then((m) => m.SessionsPage);
}

/**
 * The change-password form (Django's password validators speak through it; the other sessions
 * end, this one goes on), for a lazy route with `loadComponent: loadChangePasswordPage`.
 */
export function loadChangePasswordPage(): Promise<Type<unknown>> {
  return import('./change-password/change-password-page').then((m) => m.ChangePasswordPage);
}
