import { ChangeDetectionStrategy, Component, Signal, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';

/** ng-idle's countdown before the sign-out; any activity (the button too) keeps the session. */
@Component({
  selector: 'peer-idle-warning-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule],
  template: `
    <h2 mat-dialog-title><mat-icon aria-hidden="true">timer</mat-icon> Are you still there?</h2>
    <mat-dialog-content>
      <p>You will be signed out in {{ countdown() }} s.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>Stay signed in</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdleWarningDialog {
  protected readonly countdown = inject<Signal<number>>(MAT_DIALOG_DATA);
}
