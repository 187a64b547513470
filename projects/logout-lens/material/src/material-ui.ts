import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable } from 'rxjs';

import {
  LogoutLensFeature,
  LogoutLensIntl,
  LogoutLensUi,
  ShownUi,
  SignOutAlert,
  logoutLensFeature,
} from '@logout-lens/angular';
import { IdleWarningDialog } from './idle-warning-dialog';
import { LOGOUT_ALERT_SENTENCE_ID, LogoutAlertDialog } from './logout-alert-dialog';

/** Logout Lens's screens in Angular Material: dialogs for the sign-out and the idle warning, snack bars for notices. */
@Injectable()
export class MaterialLogoutLensUi extends LogoutLensUi {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly intl = inject(LogoutLensIntl);

  alertSignOut(alert: SignOutAlert): Observable<unknown> {
    return this.dialog
      .open(LogoutAlertDialog, {
        data: alert,
        disableClose: true,
        width: '440px',
        maxWidth: '92vw',
        ariaDescribedBy: LOGOUT_ALERT_SENTENCE_ID,
      })
      .afterClosed();
  }

  warnIdle(limitMs: number): ShownUi {
    const ref = this.dialog.open(IdleWarningDialog, {
      data: { limitMs },
      width: '400px',
      maxWidth: '92vw',
      ariaDescribedBy: 'idle-warning-description',
    });
    return { close: () => ref.close() };
  }

  notify(message: string, durationMs: number): void {
    this.snackBar.open(message, this.intl.dismiss, { duration: durationMs });
  }

  closeAll(): void {
    this.dialog.closeAll();
    this.snackBar.dismiss();
  }
}

/**
 * Shows Logout Lens in Angular Material: the sign-out dialog before the redirect, the idle
 * warning and snack-bar notices. The reason banner, the Active sessions page and the
 * change-password form are components of this entry point an app places itself.
 */
export function withMaterialUi(): LogoutLensFeature<'MaterialUi'> {
  return logoutLensFeature('MaterialUi', [{ provide: LogoutLensUi, useClass: MaterialLogoutLensUi }]);
}
