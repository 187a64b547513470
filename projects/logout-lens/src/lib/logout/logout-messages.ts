import { InjectionToken } from '@angular/core';

import { LogoutLensFeature, logoutLensFeature } from '../config/features';
import { LogoutPresentation } from '../model/logout-presentation';
import { LOGOUT_TYPE_PATTERN, isBuiltInLogoutType } from '../model/logout-type';

export type { LogoutPresentation };

/** How an app's own reason reads: its words, icon (a Material icon name) and tone. */
export type LogoutReason = LogoutPresentation;

/** The app's own reasons, by type (`withLogoutReasons()`). */
export const LOGOUT_REASONS = new InjectionToken<Readonly<Record<string, LogoutReason>>[]>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_REASONS' : '',
);

/**
 * The app's own reasons a session may end — `LICENSE_EXPIRED`, `TENANT_SWITCHED` — with their
 * words, icon and tone. End a session for one with `LogoutLens.endSession(type, message)`: it is
 * recorded, shown (the alert, the banner) and reported to the audit trail like a built-in one.
 * The backend must know the types too (the Django package's `APP_LOGOUT_TYPES` setting). A type
 * is upper case, digits and underscores, 3 to 32 characters, and not a built-in one.
 */
export function withLogoutReasons(reasons: Record<string, LogoutReason>): LogoutLensFeature<'LogoutReasons'> {
  for (const [type, reason] of Object.entries(reasons)) {
    if (!LOGOUT_TYPE_PATTERN.test(type)) {
      throw new Error(`withLogoutReasons(): "${type}" is not a logout type (A–Z, 0–9 and _, 3 to 32 characters).`);
    }
    if (isBuiltInLogoutType(type)) throw new Error(`withLogoutReasons(): ${type} is a built-in type.`);
    if (!reason.title || !reason.sentence || !reason.icon || !['neutral', 'warning', 'error'].includes(reason.tone)) {
      throw new Error(`withLogoutReasons(): ${type} needs a title, a sentence, an icon and a tone.`);
    }
  }
  return logoutLensFeature('LogoutReasons', [{ provide: LOGOUT_REASONS, multi: true, useValue: { ...reasons } }]);
}
