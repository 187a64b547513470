import { Injectable } from '@angular/core';
import { Observable, of } from 'rxjs';

import { LogoutPresentation } from '../model/logout-presentation';
import { LogoutType } from '../model/logout-type';

/** What the sign-out alert shows before the redirect to the sign-in page. */
export interface SignOutAlert {
  type: LogoutType;
  presentation: LogoutPresentation;
  /** Whether the session ended in another tab of this browser. */
  fromOtherTab: boolean;
  /** How long the alert stays before it closes by itself. */
  delayMs: number;
}

/** Something on screen that the core may take down again (the idle warning). */
export interface ShownUi {
  close(): void;
}

/**
 * What the core shows people, and nothing about how: the sign-out alert, the idle warning and
 * short notices ("… You are still signed in"). `withMaterialUi()` from
 * `@logout-lens/angular/material` provides the Angular Material implementation; an app with its
 * own design system provides its own class for this token. Without either, the core shows nothing
 * and goes straight to the sign-in page, whose banner (or the app's) says why.
 */
@Injectable({ providedIn: 'root', useFactory: () => new HeadlessLogoutLensUi() })
export abstract class LogoutLensUi {
  /** Shows why the session ended; emits or completes when the user may be taken to sign in. */
  abstract alertSignOut(alert: SignOutAlert): Observable<unknown>;
  /** Warns that the idle limit (`limitMs` of inactivity) is near. */
  abstract warnIdle(limitMs: number): ShownUi;
  /** A short notice that needs no answer, shown for `durationMs`. */
  abstract notify(message: string, durationMs: number): void;
  /** Takes down every dialog and notice (a session that ended makes them untrue). */
  abstract closeAll(): void;
}

/** Shows nothing: the events stream and the sign-in page's banner carry everything. */
export class HeadlessLogoutLensUi extends LogoutLensUi {
  alertSignOut(): Observable<unknown> {
    return of(undefined);
  }
  warnIdle(): ShownUi {
    return { close: () => undefined };
  }
  notify(): void {}
  closeAll(): void {}
}
