import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { map, timer } from 'rxjs';

import { ActivityClock, LogoutLensIntl, SESSION_SCHEDULER, intlWords } from '@logout-lens/angular';
import { ENGLISH_IDLE_WORDS } from './material-words.en';

/** The seconds left at which the idle warning is read out again. */
const ANNOUNCE_AT_SECONDS = [60, 30, 10];

export interface IdleWarningData {
  limitMs: number;
}

/** Warns that the idle limit is near; any activity (the button too) keeps the session. */
@Component({
  selector: 'll-idle-warning-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule],
  template: `
    <h2 mat-dialog-title class="title"><mat-icon aria-hidden="true">timer</mat-icon> {{ words().title }}</h2>
    <mat-dialog-content id="idle-warning-description">
      <p>{{ words().intro }}</p>
      <p class="countdown" role="timer" aria-live="off">{{ countdown() }}</p>
      <p>{{ words().hint }}</p>
      <!-- Read out at thresholds, not every second. -->
      <p class="visually-hidden" aria-live="assertive" data-testid="idle-announcement">{{ announcement() }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>{{ words().stay }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .title { display: flex; align-items: center; gap: 8px; }
    .countdown { font: var(--mat-sys-display-small); margin: 8px 0; text-align: center; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdleWarningDialog {
  private readonly data = inject<IdleWarningData>(MAT_DIALOG_DATA);
  protected readonly words = intlWords(inject(LogoutLensIntl), (i) => i.idle, ENGLISH_IDLE_WORDS);
  private readonly activity = inject(ActivityClock);
  private readonly leftMs = toSignal(
    timer(0, 1000, inject(SESSION_SCHEDULER)).pipe(
      map(() => Math.max(0, this.data.limitMs - this.activity.idleMs())),
    ),
    { initialValue: this.data.limitMs - this.activity.idleMs() },
  );
  protected readonly countdown = computed(() => {
    const seconds = Math.ceil(this.leftMs() / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });
  /** What a screen reader hears: the time left at the start and at 60, 30 and 10 seconds only. */
  private readonly secondsAtOpen = Math.ceil(this.leftMs() / 1000);
  protected readonly announcement = computed(() => {
    const seconds = Math.ceil(this.leftMs() / 1000);
    const threshold = ANNOUNCE_AT_SECONDS.filter((t) => t >= seconds).at(-1);
    const words = this.words();
    return words.announcement(words.spokenDuration(Math.min(threshold ?? this.secondsAtOpen, this.secondsAtOpen)));
  });
}
