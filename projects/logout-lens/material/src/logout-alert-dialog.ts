import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { EMPTY, fromEvent, map, takeWhile, tap, timer } from 'rxjs';

import { LogoutLensIntl, SESSION_SCHEDULER, SignOutAlert, WINDOW, intlWords } from '@logout-lens/angular';
import { ENGLISH_ALERT_WORDS } from './material-words.en';

/** What the sign-out dialog shows (the core's `SignOutAlert`). */
export type LogoutAlertData = SignOutAlert;

/** The id of the dialog's sentence, which describes it (`ariaDescribedBy` when it is opened). */
export const LOGOUT_ALERT_SENTENCE_ID = 'logout-alert-sentence';

/** Shown before the redirect to the sign-in page: why, in one sentence, and a countdown. */
@Component({
  selector: 'll-logout-alert-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule],
  template: `
    <h2 mat-dialog-title class="title" [class]="data.presentation.tone">
      <mat-icon aria-hidden="true">{{ data.presentation.icon }}</mat-icon>
      {{ data.presentation.title }}
    </h2>
    <!-- Focusable only when it scrolls (a short or zoomed window), so the keyboard can scroll it. -->
    <mat-dialog-content #content [attr.tabindex]="scrollable() ? 0 : null">
      <p class="sentence" [id]="sentenceId">{{ data.presentation.sentence }}</p>
      @if (data.fromOtherTab) {
        <p class="origin">{{ words().fromOtherTab }}</p>
      }
      <p class="type">{{ words().reasonCode }} <code>{{ data.type }}</code></p>
      <p class="countdown" aria-live="off">{{ words().countdown(secondsLeft()) }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" (click)="close()" cdkFocusInitial>{{ words().signInAgain }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .title { display: flex; align-items: center; gap: 8px; }
    .title mat-icon { flex: none; }
    .title.warning mat-icon { color: var(--ll-warning, light-dark(#785900, #fabd00)); }
    .title.error mat-icon { color: var(--mat-sys-error); }
    .title.neutral mat-icon { color: var(--mat-sys-primary); }
    .sentence { font: var(--mat-sys-body-large); margin: 0 0 8px; }
    .origin { margin: 0 0 8px; }
    .type, .countdown { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogoutAlertDialog {
  protected readonly data = inject<LogoutAlertData>(MAT_DIALOG_DATA);
  protected readonly words = intlWords(inject(LogoutLensIntl), (i) => i.alert, ENGLISH_ALERT_WORDS);
  protected readonly sentenceId = LOGOUT_ALERT_SENTENCE_ID;
  private readonly content = viewChild.required('content', { read: ElementRef<HTMLElement> });
  /** Whether the content is taller than the room it has, and so scrolls. */
  protected readonly scrollable = signal(false);
  private readonly ref = inject(MatDialogRef<LogoutAlertDialog>);
  private readonly tick = 250;
  private readonly remainingMs = toSignal(
    timer(0, this.tick, inject(SESSION_SCHEDULER)).pipe(
      map((n) => this.data.delayMs - n * this.tick),
      tap((left) => left <= 0 && this.close()),
      takeWhile((left) => left > 0, true),
    ),
    { initialValue: this.data.delayMs },
  );
  protected readonly secondsLeft = computed(() => Math.max(0, Math.ceil(this.remainingMs() / 1000)));

  constructor() {
    const win = inject(WINDOW);
    afterNextRender({ read: () => this.measure() });
    (win ? fromEvent(win, 'resize') : EMPTY).pipe(takeUntilDestroyed()).subscribe(() => this.measure());
  }

  private measure(): void {
    const element: HTMLElement = this.content().nativeElement;
    this.scrollable.set(element.scrollHeight > element.clientHeight);
  }

  protected close(): void {
    this.ref.close();
  }
}
