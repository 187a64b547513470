import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { filter, interval, switchMap, tap } from 'rxjs';

import { ServerClock } from '@logout-lens/angular';
import { LOGOUT_LENS_CONFIG } from '@logout-lens/angular';
import { describeHttpError } from '@logout-lens/angular';
import { LogoutLensIntl, intlWords } from '@logout-lens/angular';
import { pinCurrentFirst } from './pin-current-first';
import { SessionRow, toSessionRow } from './session-row';
import { ActiveSession, SessionsApi } from './sessions-api';
import { SessionsTable } from './sessions-table';
import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';
import { SignOutOthersData, SignOutOthersDialog } from './sign-out-others-dialog';

/** How often "Last active" is re-worded while the page stays open. */
const RELATIVE_TIME_REFRESH_MS = 30_000;

/** Active sessions: every browser signed in to the account, and signing them out. */
@Component({
  selector: 'll-sessions-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatToolbarModule, RouterLink, SessionsTable],
  templateUrl: './sessions-page.html',
  styleUrl: './sessions-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionsPage {
  private readonly api = inject(SessionsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly serverClock = inject(ServerClock);
  private readonly config = inject(LOGOUT_LENS_CONFIG);
  private readonly intl = inject(LogoutLensIntl);
  /** Every word the page shows: the app's (`LogoutLensIntl.sessions`) where it set them, English for the rest. */
  protected readonly words = intlWords(this.intl, (i) => i.sessions, ENGLISH_SESSIONS_WORDS);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private destroyed = false;

  private readonly sessions = signal<ActiveSession[] | null>(null);
  private readonly now = signal(this.serverClock.now());
  protected readonly loading = signal(false);
  /** Why the list could not be loaded, or null. */
  protected readonly error = signal<string | null>(null);
  /** Whether a sign-out is in flight, until the list shows its outcome. */
  protected readonly busy = signal(false);

  /** This device first, then the others by last activity. */
  protected readonly rows = computed(() =>
    pinCurrentFirst(this.sessions() ?? []).map((s) =>
      toSessionRow(s, this.now(), this.words(), (seconds) => this.intl.lifetime(seconds)),
    ),
  );
  protected readonly loaded = computed(() => this.sessions() !== null);
  protected readonly otherCount = computed(() => this.rows().filter((row) => !row.current).length);

  // The headings focus moves to once a list or a failure replaces what the user acted on. Queries
  // are class members of their own: the compiler only sees them there.
  private readonly countHeading = viewChild<ElementRef<HTMLElement>>('countHeading');
  private readonly emptyHeading = viewChild<ElementRef<HTMLElement>>('emptyHeading');
  private readonly errorHeading = viewChild<ElementRef<HTMLElement>>('errorHeading');

  constructor() {
    this.load();
    interval(RELATIVE_TIME_REFRESH_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(this.serverClock.now()));
    this.destroyRef.onDestroy(() => (this.destroyed = true));
  }

  /**
   * Fetches the list. A failure stays on screen until an answer replaces it, so "Try again" keeps
   * focus meanwhile (aria-disabled). With `focusHeading`, focus then goes to the heading of what is
   * shown, since the button pressed may be gone.
   */
  protected load(focusHeading = false): void {
    this.loading.set(true);
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (sessions) => {
          this.now.set(this.serverClock.now());
          this.sessions.set(sessions);
          this.error.set(null);
          this.settle(focusHeading);
        },
        error: (error: unknown) => {
          this.error.set(describeHttpError(error, this.intl));
          this.settle(focusHeading);
        },
      });
  }

  protected retry(): void {
    // "Try again" stays focusable while loading (aria-disabled): a second press does nothing.
    if (!this.loading()) this.load(true);
  }

  protected revoke(row: SessionRow): void {
    // The buttons stay focusable while busy (aria-disabled): a second press does nothing.
    if (this.busy()) return;
    const words = this.words();
    const name = row.device.short === words.unknownBrowser ? words.anUnknownBrowser : row.device.short;
    this.busy.set(true);
    this.api.revoke(row.id).subscribe({
      next: () => this.finish(this.words().signedOutDevice(name)),
      error: (error: unknown) =>
        this.finish(
          // Gone already: it expired or was signed out from elsewhere meanwhile.
          error instanceof HttpErrorResponse && error.status === 404
            ? this.words().alreadySignedOut
            : this.words().signOutDeviceFailed(name, describeHttpError(error, this.intl)),
        ),
    });
  }

  protected confirmSignOutOthers(): void {
    if (this.busy()) return;
    const count = this.otherCount();
    this.dialog
      .open<SignOutOthersDialog, SignOutOthersData, boolean>(SignOutOthersDialog, {
        data: { count },
        width: '420px',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        tap(() => this.busy.set(true)),
        switchMap(() => this.api.revokeOthers()),
      )
      .subscribe({
        next: () => this.finish(this.words().signedOutOthers(count)),
        error: (error: unknown) =>
          this.finish(this.words().signOutOthersFailed(describeHttpError(error, this.intl))),
      });
  }

  /**
   * After a sign-out, successful or not: say what happened and show the list as it is now, then
   * move focus to its heading (the row or the button pressed may be gone).
   */
  private finish(message: string): void {
    this.snackBar.open(message, this.intl.dismiss, { duration: this.config.noticeDurationMs });
    this.load(true);
  }

  /** A load has answered: the buttons wake up and, if asked, focus goes to the heading shown. */
  private settle(focusHeading: boolean): void {
    this.loading.set(false);
    this.busy.set(false);
    if (focusHeading && !this.destroyed) {
      afterNextRender(
        () => (this.countHeading() ?? this.emptyHeading() ?? this.errorHeading())?.nativeElement.focus(),
        { injector: this.injector },
      );
    }
  }
}
