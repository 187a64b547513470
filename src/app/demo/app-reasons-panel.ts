import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';

import { LogoutLens } from '@logout-lens/angular';
import { DEMO_WORDS } from './demo-words';

/** Ends the session for one of the app's own reasons, as an app would (withLogoutReasons()). */
@Component({
  selector: 'app-app-reasons-panel',
  imports: [MatButtonModule, MatCardModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>{{ words.ownReasons }}</h2>
        <p class="hint">{{ words.ownReasonsHint }}</p>
        <div class="buttons">
          <button mat-stroked-button type="button" (click)="switchTenant()">{{ words.switchTenant }}</button>
          <button mat-stroked-button type="button" (click)="expireLicence()">{{ words.expireLicence }}</button>
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h2 { margin: 0; font: var(--mat-sys-title-large); }
    .hint { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; padding-top: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppReasonsPanel {
  private readonly lens = inject(LogoutLens);
  protected readonly words = inject(DEMO_WORDS);

  protected switchTenant(): void {
    this.lens.endSession('TENANT_SWITCHED', 'The user switched to another organisation.');
  }

  protected expireLicence(): void {
    this.lens.endSession('LICENSE_EXPIRED', "The organisation's licence expired.", { plan: 'trial', seats: 5 });
  }
}
