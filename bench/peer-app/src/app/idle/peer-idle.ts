import { Injectable, inject, signal } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { DEFAULT_INTERRUPTSOURCES, Idle } from '@ng-idle/core';
import { Subscription } from 'rxjs';

import { IdleWarningDialog } from './idle-warning-dialog';
import { allowInterruptsWithoutZoneJs } from './zoneless-interrupts';

/** Idle after 15 minutes, a 60-second warning, then sign-out: ng-idle's usual setup. */
@Injectable({ providedIn: 'root' })
export class PeerIdle {
  private readonly idle = inject(Idle);
  private readonly dialog = inject(MatDialog);
  private readonly countdown = signal(0);
  private warning: MatDialogRef<IdleWarningDialog> | null = null;
  private subscriptions: Subscription | null = null;

  start(onTimeout: () => void): void {
    if (this.idle.isRunning()) return;
    allowInterruptsWithoutZoneJs();
    this.idle.setIdle(15 * 60);
    this.idle.setTimeout(60);
    this.idle.setInterrupts(DEFAULT_INTERRUPTSOURCES);
    const subscriptions = new Subscription();
    subscriptions.add(
      this.idle.onIdleStart.subscribe(() => {
        this.warning = this.dialog.open(IdleWarningDialog, { data: this.countdown, width: '400px' });
      }),
    );
    subscriptions.add(this.idle.onTimeoutWarning.subscribe((seconds: number) => this.countdown.set(seconds)));
    subscriptions.add(this.idle.onIdleEnd.subscribe(() => this.closeWarning()));
    subscriptions.add(
      this.idle.onTimeout.subscribe(() => {
        this.closeWarning();
        onTimeout();
      }),
    );
    this.subscriptions = subscriptions;
    this.idle.watch();
  }

  stop(): void {
    this.subscriptions?.unsubscribe();
    this.subscriptions = null;
    this.closeWarning();
    this.idle.stop();
  }

  private closeWarning(): void {
    this.warning?.close();
    this.warning = null;
  }
}
