import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

import { LogoutLensIntl, intlWords } from '@logout-lens/angular';
import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

export interface SignOutOthersData {
  /** How many other sessions will end. */
  count: number;
}

/** Asks before every other device is signed out. Closes with `true` to go ahead; focus starts on Cancel. */
@Component({
  selector: 'll-sign-out-others-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ words().confirmTitle }}</h2>
    <mat-dialog-content>
      <p>{{ words().confirmMessage(data.count) }}</p>
      <p>{{ words().confirmThisDeviceStays }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ words().cancel }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ words().confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    p { margin: 0 0 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignOutOthersDialog {
  protected readonly data = inject<SignOutOthersData>(MAT_DIALOG_DATA);
  private readonly intl = inject(LogoutLensIntl);
  /** The dialog's words: the app's (`LogoutLensIntl.sessions`) where it set them, English for the rest. */
  protected readonly words = intlWords(this.intl, (i) => i.sessions, ENGLISH_SESSIONS_WORDS);
}
