import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';

import { PeerSession } from '../auth/peer-session';

/** The signed-in home page: the user, a sign-out button, and one API call (sent with the token). */
@Component({
  selector: 'peer-home-page',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatToolbarModule],
  template: `
    <mat-toolbar>
      <span>Home</span>
      <span class="spacer"></span>
      <button mat-button [matMenuTriggerFor]="userMenu" aria-label="Account menu">
        <mat-icon>account_circle</mat-icon>
        <span>{{ email ?? 'Account' }}</span>
      </button>
      <mat-menu #userMenu="matMenu" xPosition="before">
        <button mat-menu-item type="button" (click)="session.signOut()">
          <mat-icon>logout</mat-icon>
          <span>Sign out</span>
        </button>
      </mat-menu>
    </mat-toolbar>
    <main class="content">
      <h1>Welcome{{ email ? ', ' + email : '' }}</h1>
      <button mat-stroked-button type="button" (click)="loadProfile()">Load my profile</button>
      <pre>{{ profile() }}</pre>
      <button mat-flat-button type="button" (click)="session.signOut()">Sign out</button>
    </main>
  `,
  styles: `
    .spacer { flex: 1; }
    .content { padding: 24px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly session = inject(PeerSession);
  private readonly http = inject(HttpClient);
  protected readonly email = this.session.email();
  protected readonly profile = signal('');

  protected loadProfile(): void {
    this.http.get<unknown>('/v1/me').subscribe({
      next: (body) => this.profile.set(JSON.stringify(body, null, 2)),
      error: () => this.profile.set('Could not load the profile.'),
    });
  }
}
