import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface SignOutOthersData {
  /** How many other sessions will end. */
  count: number;
}

/** Asks before every other device is signed out. Closes with `true` to go ahead; focus starts on Cancel. */
@Component({
  selector: 'll-sign-out-others-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Sign out all other devices?</h2>
    <mat-dialog-content>
      <p>
        {{ data.count === 1 ? '1 other device' : data.count + ' other devices' }} will be signed out.
        Anyone using {{ data.count === 1 ? 'it' : 'them' }} will have to sign in again.
      </p>
      <p>This device stays signed in.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">Sign out others</button>
    </mat-dialog-actions>
  `,
  styles: `
    p { margin: 0 0 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignOutOthersDialog {
  protected readonly data = inject<SignOutOthersData>(MAT_DIALOG_DATA);
}
