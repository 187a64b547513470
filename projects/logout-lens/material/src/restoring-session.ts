import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Event, NavigationCancel, NavigationCancellationCode, NavigationEnd, NavigationError, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { EMPTY, filter, map, take, timer } from 'rxjs';

import {
  DEFAULT_LOGOUT_LENS_CONFIG,
  LOGOUT_LENS_CONFIG,
  LogoutLensIntl,
  RestoringSessionActions,
  SESSION_SCHEDULER,
  authFeature,
  intlWords,
} from '@logout-lens/angular';
import { ENGLISH_RESTORING_WORDS } from './material-words.en';

/** How long a restore may go unanswered before the screen says the server can't be reached. */
export const RESTORE_SLOW_AFTER_MS = 3000;

/**
 * What a reload shows while the session is restored, instead of a blank page: the guards hold
 * the first navigation until the server has answered (or the retry policy has given up and kept
 * the session), so no page can render yet. After a few seconds without an answer it says the
 * server can't be reached and offers to retry now. It stays until the first page is shown, so
 * there is no blank moment between the answer and the page.
 */
@Component({
  selector: 'll-restoring-session',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    @if (visible()) {
      <main
        class="restoring"
        [attr.aria-labelledby]="appName ? 'restoring-title' : null"
        [attr.aria-label]="appName ? null : words().label"
      >
        <section class="panel">
          <mat-icon class="brand-icon" aria-hidden="true">travel_explore</mat-icon>
          @if (appName) {
            <h1 id="restoring-title">{{ appName }}</h1>
          }
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="words().label" />
          <div class="status" role="status">
            <p class="message">{{ words().message }}</p>
            @if (slow()) {
              <p class="slow">
                <mat-icon aria-hidden="true">cloud_off</mat-icon>
                <span>{{ words().unreachable }}</span>
              </p>
            }
          </div>
          @if (slow()) {
            <button mat-stroked-button type="button" (click)="retry()">{{ words().retry }}</button>
          }
        </section>
      </main>
    }
  `,
  styles: `
    .restoring {
      min-height: 100vh;
      min-height: 100dvh;
      box-sizing: border-box;
      display: grid;
      place-items: center;
      padding: 24px 16px;
    }
    .panel {
      width: 100%;
      max-width: 420px;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 16px;
      padding: 32px 24px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
      text-align: center;
    }
    .brand-icon { width: 40px; height: 40px; font-size: 40px; color: var(--mat-sys-primary); }
    h1 { margin: 0; font: var(--mat-sys-title-large); }
    mat-progress-bar { width: 100%; }
    /* Material only slows the indeterminate bar down for reduced motion; here it stands still (the
       words say what is going on), and no endless animation is left running. */
    @media (prefers-reduced-motion: reduce) {
      mat-progress-bar ::ng-deep .mdc-linear-progress__bar,
      mat-progress-bar ::ng-deep .mdc-linear-progress__bar-inner {
        animation: none !important;
      }
    }
    .status { display: flex; flex-direction: column; gap: 8px; }
    .message { margin: 0; font: var(--mat-sys-body-large); }
    .slow {
      margin: 0;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .slow mat-icon { flex: none; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RestoringSession {
  protected readonly words = intlWords(inject(LogoutLensIntl), (i) => i.restoring, ENGLISH_RESTORING_WORDS);
  /** The app's own name, as configured; the heading is left out when none is. */
  protected readonly appName = configuredName(inject(LOGOUT_LENS_CONFIG).appName);
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly settled = this.store.selectSignal(authFeature.selectIsSettled);
  /** Whether this app started with a session to restore (a settled start never shows this screen). */
  private readonly restoring = !this.settled();
  /** Whether the first page has been shown (or the first navigation given up). */
  private readonly pageShown = toSignal(
    this.router.events.pipe(filter(navigationOver), take(1), map(() => true)),
    { initialValue: this.router.navigated },
  );
  protected readonly visible = computed(() => !this.settled() || (this.restoring && !this.pageShown()));
  protected readonly slow = toSignal(
    this.restoring ? timer(RESTORE_SLOW_AFTER_MS, inject(SESSION_SCHEDULER)).pipe(map(() => true)) : EMPTY,
    { initialValue: false },
  );

  protected retry(): void {
    this.store.dispatch(RestoringSessionActions.retryClicked());
  }
}

/** Whether a router event ends a navigation for good (a redirect or a newer navigation carries on). */
function navigationOver(event: Event): boolean {
  if (event instanceof NavigationEnd || event instanceof NavigationError) return true;
  return (
    event instanceof NavigationCancel &&
    event.code !== NavigationCancellationCode.Redirect &&
    event.code !== NavigationCancellationCode.SupersededByNewNavigation
  );
}

/** The app's name if it configured one (the default, "this app", reads well only in a sentence). */
function configuredName(name: string): string | null {
  return name === DEFAULT_LOGOUT_LENS_CONFIG.appName ? null : name;
}
